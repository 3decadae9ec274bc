"""E-mailing an invitation link, when an SMTP server is configured (HEARD_SMTP_HOST).

Without one the admin copies the link from the screen; nothing is written to disk,
because the link is a password-setting key and is better not left in files.
"""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from flask import current_app
from flask_babel import gettext as _

from feedback.links import absolute_url
from feedback.services.mail import sender, smtp_configured, smtp_connection


def invitation_link(token: str) -> str:
    """The full link for `token`, always on HEARD_BASE_URL (never the request's Host)."""
    return absolute_url("auth.accept_invite", token=token)


def send_invitation(email: str, link: str, days: int) -> bool:
    """Send `link` to `email`; True when the SMTP server accepted it.

    Failures are logged and return False: the admin still has the link on screen.
    """
    if not smtp_configured():
        return False
    cfg = current_app.config
    msg = EmailMessage()
    msg["Subject"] = _("You are invited to Heard")
    msg["From"] = sender(cfg)
    msg["To"] = email
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain="heard.local")
    body = [
        _("You have been invited to sign in to Heard."),
        _("Open this link to choose your password (it works once, for %(days)d days):", days=days),
        link,
        _("If you did not expect this e-mail, you can ignore it."),
    ]
    msg.set_content("\n\n".join(body) + "\n")
    host, port = cfg["HEARD_SMTP_HOST"], int(cfg.get("HEARD_SMTP_PORT") or 587)
    try:
        with smtp_connection(cfg) as smtp:
            smtp.send_message(msg)
    except (OSError, smtplib.SMTPException) as exc:
        current_app.logger.error("invitation e-mail to %s:%s failed: %s", host, port, exc)
        return False
    return True
