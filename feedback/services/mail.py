"""One way to reach the SMTP server, for every e-mail Heard sends."""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any


@contextmanager
def smtp_connection(config: Mapping[str, Any]) -> Iterator[smtplib.SMTP]:
    """An open, logged-in SMTP connection from the HEARD_SMTP_* settings.

    Port 465 means TLS from the start; any other port upgrades with STARTTLS unless
    HEARD_SMTP_STARTTLS is off. Raises OSError or smtplib.SMTPException on failure.
    """
    host, port = config["HEARD_SMTP_HOST"], int(config.get("HEARD_SMTP_PORT") or 587)
    if port == 465:
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(
            host, port, timeout=15, context=ssl.create_default_context()
        )
    else:
        smtp = smtplib.SMTP(host, port, timeout=15)
    with smtp:
        if port != 465 and config.get("HEARD_SMTP_STARTTLS"):
            smtp.starttls(context=ssl.create_default_context())
        if config.get("HEARD_SMTP_USER"):
            smtp.login(config["HEARD_SMTP_USER"], config.get("HEARD_SMTP_PASSWORD") or "")
        yield smtp
