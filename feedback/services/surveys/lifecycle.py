"""The end of a response's life: retention periods and withdrawal by receipt code.

Deleting a Response removes its answers, text analysis and themes with it, on SQLite
and PostgreSQL alike. Its concern alerts stay: a safeguarding record must outlive the
answers, so each keeps what was written (feedback.services.safeguarding.alert_records) and is marked
with when and why the response went. Its submission token stays used. Closed alerts
have their own retention period (HEARD_ALERT_RETENTION_DAYS); open ones are never
deleted.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, delete, func, select

from feedback.extensions import Model, db
from feedback.models import AlertNote, Answer, ConcernAlert, Response, Survey, TextAnalysis
from feedback.models._time import utcnow
from feedback.models.alert import CLOSED_STATES
from feedback.services.audit import audit
from feedback.services.outcomes.report_cache import drop_report_cache
from feedback.services.safeguarding.alert_records import keep_records

RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


def new_receipt() -> str:
    """A code a respondent can write down: 12 characters in three groups."""
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def receipt_hash(code: str) -> str:
    normal = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(normal.encode()).hexdigest()


def withdraw(code: str) -> bool:
    """Delete the response whose receipt is `code`; False when there is none.

    Its alerts stay as safeguarding records, marked as withdrawn; the audit row names
    them. Nothing the respondent sees says whether there was an alert.
    """
    wanted = receipt_hash(code)
    response = db.session.scalar(select(Response).where(Response.receipt_hash == wanted))
    if response is None:
        return False
    survey_id = response.survey_id
    kept = keep_records([response.id], "withdrawn", utcnow())
    db.session.delete(response)
    drop_report_cache()  # a kept Board report PDF may quote these words
    audit("response.withdraw", "survey", survey_id, commit=False, alerts=kept)
    db.session.commit()
    return True


@dataclass(frozen=True)
class RetentionResult:
    survey: str
    cutoff: datetime
    responses: int
    answers: int
    analyses: int
    alerts: int


def _count(model: type[Model], *where: ColumnElement[bool]) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def apply_retention(now: datetime | None = None, dry_run: bool = False) -> list[RetentionResult]:
    """Delete every response older than its survey's retention period, survey by survey."""
    now = now or utcnow()
    results: list[RetentionResult] = []
    for survey in db.session.scalars(select(Survey).order_by(Survey.slug)):
        if survey.current_version is None:
            continue
        days = survey.current_version.definition.retention_days
        cutoff = now - timedelta(days=days)
        old = select(Response.id).where(
            Response.survey_id == survey.id, Response.submitted_at < cutoff
        )
        result = RetentionResult(
            survey=survey.slug,
            cutoff=cutoff,
            responses=_count(Response, Response.id.in_(old)),
            answers=_count(Answer, Answer.response_id.in_(old)),
            analyses=_count(TextAnalysis, TextAnalysis.response_id.in_(old)),
            alerts=_count(ConcernAlert, ConcernAlert.response_id.in_(old)),
        )
        results.append(result)
        if dry_run or not result.responses:
            continue
        kept = keep_records(old, "retention", now)
        # Children first, explicitly: the result must not depend on the database
        # honouring ON DELETE CASCADE.
        for model in (TextAnalysis, Answer):
            db.session.execute(
                delete(model).where(model.response_id.in_(old)),
                execution_options={"synchronize_session": False},
            )
        db.session.execute(
            delete(Response).where(Response.id.in_(old)),
            execution_options={"synchronize_session": False},
        )
        drop_report_cache()  # a kept Board report PDF may quote these words
        audit(
            "retention.apply",
            "survey",
            survey.id,
            commit=False,
            responses=result.responses,
            answers=result.answers,
            analyses=result.analyses,
            alerts_kept=kept,
            cutoff=cutoff.isoformat(timespec="seconds"),
        )
        db.session.commit()
    return results


@dataclass(frozen=True)
class AlertExpiry:
    """Closed alerts past HEARD_ALERT_RETENTION_DAYS: how many, closed before when."""

    cutoff: datetime
    alerts: int


def expire_closed_alerts(
    days: int, now: datetime | None = None, dry_run: bool = False
) -> AlertExpiry:
    """Delete alerts closed more than `days` ago whose response has already gone.

    Open alerts are never deleted. A closed alert whose response is still kept waits
    for it: deleting the alert first would let that response's texts be quoted.
    """
    cutoff = (now or utcnow()) - timedelta(days=days)
    expired = select(ConcernAlert.id).where(
        ConcernAlert.state.in_(CLOSED_STATES),
        func.coalesce(ConcernAlert.closed_at, ConcernAlert.updated_at) < cutoff,
        ConcernAlert.response_id.is_(None),
    )
    ids = list(db.session.scalars(expired.order_by(ConcernAlert.id)))
    if dry_run or not ids:
        return AlertExpiry(cutoff, len(ids))
    for model, column in ((AlertNote, AlertNote.alert_id), (ConcernAlert, ConcernAlert.id)):
        db.session.execute(
            delete(model).where(column.in_(ids)),
            execution_options={"synchronize_session": False},
        )
    audit(
        "retention.alerts",
        commit=False,
        alerts=ids,
        cutoff=cutoff.isoformat(timespec="seconds"),
    )
    db.session.commit()
    return AlertExpiry(cutoff, len(ids))


def delete_paper_entry(response: Response, by_id: int, replaced_by: int | None = None) -> list[int]:
    """Delete a questionnaire typed in by staff (a typing mistake), with its audit row.

    `replaced_by` is the corrected entry's id when this one is being replaced. Like a
    withdrawal, any alert on it stays as a safeguarding record ("entry_deleted").
    Returns the ids of the alerts kept.
    """
    survey_id, response_id = response.survey_id, response.id
    kept = keep_records([response_id], "entry_deleted", utcnow())
    db.session.delete(response)
    drop_report_cache()  # a kept Board report PDF may count or quote it
    audit(
        "paper.correct" if replaced_by else "paper.delete",
        "survey",
        survey_id,
        commit=False,
        user_id=by_id,
        response=response_id,
        **({"replaced_by": replaced_by} if replaced_by else {}),
        **({"alerts": kept} if kept else {}),
    )
    db.session.commit()
    return kept
