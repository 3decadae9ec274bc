"""Telling safeguarding leads that a new concern alert needs review.

The e-mail says only that and gives a link: no free text, no answers, no survey name, so
nothing sensitive sits in mailboxes or mail logs. Without SMTP settings the same message
is written as an .eml file to the outbox folder.

Sending happens after the response's transaction commits (a failure can never roll back
or block what a child sent): new alert ids wait in the session's `info` until the
after-commit event, then one attempt is made at once (in a background thread during a
web request, inline in the command line). `heard notify-pending`, run every minute by
cron, sends whatever that attempt could not. Failures are logged, never raised.
"""

from __future__ import annotations

import smtplib
import threading
from collections.abc import Iterable, Sequence
from datetime import timedelta
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any

from flask import Flask, current_app, has_request_context
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import event, func, select, update
from sqlalchemy.orm import Session, SessionTransaction, scoped_session

from feedback.extensions import db
from feedback.links import base_url
from feedback.models import AuditEvent, ConcernAlert, User
from feedback.models._time import utcnow
from feedback.services.mail import sender, smtp_configured, smtp_connection

PENDING = "heard.new_alerts"
#: how long `heard notify-pending` leaves a new alert to its immediate attempt
GRACE = timedelta(seconds=15)


def queue_alerts(session: Session | scoped_session[Any], alert_ids: Iterable[int]) -> None:
    """Notify about `alert_ids` once `session` commits (nothing happens on rollback)."""
    session.info.setdefault(PENDING, []).extend(alert_ids)


def outbox_path(app: Flask | None = None) -> Path:
    """The folder where notifications are written when there is no SMTP server."""
    app = app or current_app
    configured = app.config.get("HEARD_OUTBOX")
    return Path(configured) if configured else Path(app.instance_path) / "outbox"


def alert_link(alert_id: int, app: Flask | None = None) -> str:
    # Never built from the request's Host header: a forged Host would otherwise put a
    # phishing link into a lead's inbox.
    return f"{base_url(app)}/safeguarding/alerts/{alert_id}"


def _recipients(session: Session) -> list[str]:
    leads = session.scalars(
        select(User.email).where(User.role == "safeguarding", User.active.is_(True))
    ).all()
    if leads:
        return list(leads)
    # No lead account yet: an admin is better than nobody.
    return list(
        session.scalars(select(User.email).where(User.role == "admin", User.active.is_(True)))
    )


def build_message(
    alert_id: int, recipients: Sequence[str], app: Flask | None = None
) -> EmailMessage:
    """The notification for one alert: a sentence and a link, nothing the respondent wrote."""
    app = app or current_app
    msg = EmailMessage()
    msg["Subject"] = _("Heard: a new concern alert needs review")
    msg["From"] = sender(app.config)
    msg["To"] = ", ".join(recipients) if recipients else "undisclosed-recipients:;"
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain="heard.local")
    body = "\n\n".join(
        [
            _("A new concern alert needs review."),
            _("Open it here (you will be asked to sign in):"),
            alert_link(alert_id, app),
            _(
                "This e-mail holds no answers on purpose: please read the alert in Heard "
                "and do not forward this message."
            ),
        ]
    )
    msg.set_content(body + "\n")
    return msg


def _send_smtp(app: Flask, messages: list[tuple[int, EmailMessage]]) -> list[int]:
    cfg = app.config
    host, port = cfg["HEARD_SMTP_HOST"], int(cfg.get("HEARD_SMTP_PORT") or 587)
    sent: list[int] = []
    try:
        with smtp_connection(cfg) as smtp:
            for alert_id, msg in messages:
                if msg["To"].startswith("undisclosed"):
                    app.logger.error("alert %s: no active safeguarding or admin user", alert_id)
                    continue
                smtp.send_message(msg)
                sent.append(alert_id)
    except (OSError, smtplib.SMTPException) as exc:
        app.logger.error("alert e-mail to %s:%s failed: %s", host, port, exc)
    return sent


def _write_outbox(app: Flask, messages: list[tuple[int, EmailMessage]]) -> list[int]:
    folder = outbox_path(app)
    written: list[int] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for alert_id, msg in messages:
            stamp = utcnow().strftime("%Y%m%dT%H%M%S")
            final = folder / f"alert-{alert_id:06d}-{stamp}.eml"
            partial = final.with_suffix(".tmp")
            partial.write_bytes(msg.as_bytes())
            partial.replace(final)  # a reader never sees half a message
            written.append(alert_id)
    except OSError as exc:
        app.logger.error("writing alert notification to %s failed: %s", folder, exc)
    return written


def deliver(
    alert_ids: Iterable[int] | None = None,
    *,
    older_than: timedelta | None = None,
    app: Flask | None = None,
) -> list[int]:
    """Notify leads about unnotified alerts (`alert_ids`, or all); return the ids done.

    `older_than` leaves alerts younger than that to the attempt made when they were stored.
    Runs in its own database session, so it can be called from an after-commit hook.
    """
    # current_app is typed as Flask, but is a proxy: this is the app behind it.
    app = app or current_app._get_current_object()  # type: ignore[attr-defined]
    with Session(db.engine) as session:
        query = select(ConcernAlert.id).where(ConcernAlert.notified_at.is_(None))
        if alert_ids is not None:
            query = query.where(ConcernAlert.id.in_(list(alert_ids)))
        if older_than is not None:
            query = query.where(ConcernAlert.created_at <= utcnow() - older_than)
        ids = list(session.scalars(query.order_by(ConcernAlert.id)))
        if not ids:
            return []
        recipients = _recipients(session)
        # Staff language, not the respondent's whose request may have triggered this.
        with force_locale(app.config.get("BABEL_DEFAULT_LOCALE") or "en"):
            messages = [(i, build_message(i, recipients, app)) for i in ids]
        via = "smtp" if smtp_configured(app) else "outbox"
        done = _send_smtp(app, messages) if via == "smtp" else _write_outbox(app, messages)
        if done:
            session.execute(
                update(ConcernAlert).where(ConcernAlert.id.in_(done)).values(notified_at=utcnow())
            )
            session.add_all(
                AuditEvent(
                    action="alert.notify",
                    target_type="alert",
                    target_id=str(i),
                    detail={"via": via, "recipients": len(recipients)},
                )
                for i in done
            )
            session.commit()
    return done


def _deliver_quietly(app: Flask, ids: list[int]) -> None:
    with app.app_context():
        try:
            deliver(ids, app=app)
        except Exception:  # a notification failure must never reach the respondent
            app.logger.exception("alert notification failed; heard notify-pending will retry")


def _after_commit(session: Session) -> None:
    ids = session.info.pop(PENDING, None)
    if not ids:
        return
    # current_app is typed as Flask, but is a proxy: this is the app behind it.
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    background = app.config.get("HEARD_NOTIFY_IN_BACKGROUND", not app.testing)
    if background and has_request_context():
        # The child's thank-you page must not wait for a slow mail server.
        threading.Thread(target=_deliver_quietly, args=(app, ids), daemon=True).start()
    else:
        _deliver_quietly(app, ids)


def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    # Runs after _after_commit; anything still queued here was rolled back or abandoned.
    if transaction.parent is None:
        session.info.pop(PENDING, None)


def pending_count(older_than: timedelta = timedelta(minutes=2)) -> int:
    """Alerts still not notified after `older_than`: the lead's page warns about them."""
    return (
        db.session.scalar(
            select(func.count(ConcernAlert.id)).where(
                ConcernAlert.notified_at.is_(None),
                ConcernAlert.created_at <= utcnow() - older_than,
            )
        )
        or 0
    )


if not event.contains(Session, "after_commit", _after_commit):
    event.listen(Session, "after_commit", _after_commit)
    event.listen(Session, "after_transaction_end", _after_transaction_end)
