"""One way to reach the SMTP server, for every e-mail Heard sends, and one test of whether
there is one (HEARD_SMTP_HOST): alerts, reminders and invitations must agree on it."""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from flask import Flask, current_app


def smtp_configured(app: Flask | None = None) -> bool:
    """Whether e-mail goes to an SMTP server (else alerts go to the outbox folder)."""
    return bool((app or current_app).config.get("HEARD_SMTP_HOST"))


def sender(config: Mapping[str, Any]) -> str:
    """The From address of every e-mail Heard sends."""
    return config.get("HEARD_SMTP_FROM") or "heard@localhost"


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
