"""The daily reminder: while texts on the reading list are overdue, leads get one e-mail a day.

Like an alert's e-mail it holds a count and a link, never a word a child wrote. `heard
notify-pending` (cron, every minute) calls :func:`remind_overdue`; the audit log keeps
when the last reminder went, so a day passes between two whatever the cron schedule.
"""

from __future__ import annotations

from datetime import timedelta
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from flask import Flask, current_app
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _
from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import AuditEvent, User
from feedback.models._time import utcnow
from feedback.services.audit import audit
from feedback.services.mail import sender, smtp_configured
from feedback.services.safeguarding.notify import outbox_path
from feedback.services.safeguarding.reading import reading_counts

ACTION = "reading.remind"
EVERY = timedelta(days=1)


def _recipients() -> list[str]:
    for role in ("safeguarding", "admin"):  # no lead account yet: an admin is better than nobody
        found = list(
            db.session.scalars(select(User.email).where(User.role == role, User.active.is_(True)))
        )
        if found:
            return found
    return []


def reading_link(app: Flask) -> str:
    """The reading list's address, from HEARD_BASE_URL (never a request's Host header)."""
    base = app.config.get("HEARD_BASE_URL") or "http://127.0.0.1:5000"
    return f"{base.rstrip('/')}/safeguarding/reading"


def build_reminder(overdue: int, recipients: list[str], app: Flask) -> EmailMessage:
    """The reminder: how many texts are overdue and where to read them; nothing else."""
    msg = EmailMessage()
    msg["Subject"] = ngettext(
        "Heard: %(num)d child's text is waiting to be read",
        "Heard: %(num)d children's texts are waiting to be read",
        overdue,
    )
    msg["From"] = sender(app.config)
    msg["To"] = ", ".join(recipients)
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain="heard.local")
    hours = int(app.config.get("HEARD_READ_WITHIN_HOURS") or 72)
    body = [
        ngettext(
            "%(num)d text on the reading list has waited more than %(hours)d hours.",
            "%(num)d texts on the reading list have waited more than %(hours)d hours.",
            overdue,
            hours=hours,
        ),
        _("Read them here (you will be asked to sign in):"),
        reading_link(app),
        _(
            "This e-mail holds no answers on purpose. You will get it once a day while any "
            "text is overdue."
        ),
    ]
    msg.set_content("\n\n".join(body) + "\n")
    return msg


def _send(app: Flask, msg: EmailMessage) -> str:
    if smtp_configured(app):
        from feedback.services.mail import smtp_connection

        with smtp_connection(app.config) as smtp:
            smtp.send_message(msg)
        return "smtp"
    folder = outbox_path(app)
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"reading-{utcnow():%Y%m%dT%H%M%S}.eml"
    partial = final.with_suffix(".tmp")
    partial.write_bytes(msg.as_bytes())
    partial.replace(final)  # a reader never sees half a message
    return "outbox"


def remind_overdue() -> int | None:
    """E-mail leads when texts are overdue and no reminder went in the last day.

    Returns the number of overdue texts told about, or None when no reminder was due.
    Raises OSError or smtplib.SMTPException when sending fails (nothing is recorded, so
    the next run tries again).
    """
    # current_app is typed as Flask, but is a proxy: this is the app behind it.
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    overdue = reading_counts().overdue
    if not overdue:
        return None
    last = db.session.scalar(select(func.max(AuditEvent.at)).where(AuditEvent.action == ACTION))
    if last is not None and last > utcnow() - EVERY:
        return None
    recipients = _recipients()
    if not recipients:
        app.logger.error("%d overdue texts: no active safeguarding or admin user to tell", overdue)
        return None
    with force_locale(app.config.get("BABEL_DEFAULT_LOCALE") or "en"):
        msg = build_reminder(overdue, recipients, app)
    via = _send(app, msg)
    audit(ACTION, None, None, overdue=overdue, via=via, recipients=len(recipients))
    return overdue
