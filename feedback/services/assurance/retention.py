"""Audit rounds' own retention (HEARD_AUDIT_RETENTION_DAYS), apart from surveys'.

A return names its agency and holds staff's evidence, not respondents' words: the
anonymous surveys' retention_days, withdrawal and alerts do not apply to it. A round is
deleted whole (returns, ratings, comments, cases) once its deadline is more than the
setting's days ago, with one audit-log row, in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import delete, select

from feedback.extensions import db
from feedback.models import (
    AuditCase,
    AuditCaseGrade,
    AuditComment,
    AuditRating,
    AuditReturn,
    AuditRound,
)
from feedback.services.assurance.rounds import london_today
from feedback.services.audit import audit


@dataclass(frozen=True)
class RoundExpiry:
    cutoff: date
    rounds: int


def expire_rounds(days: int, today: date | None = None, dry_run: bool = False) -> RoundExpiry:
    """Delete rounds whose deadline is more than `days` days before `today`."""
    cutoff = (today or london_today()) - timedelta(days=days)
    ids = list(db.session.scalars(select(AuditRound.id).where(AuditRound.deadline < cutoff)))
    if dry_run or not ids:
        return RoundExpiry(cutoff, len(ids))
    returns = select(AuditReturn.id).where(AuditReturn.round_id.in_(ids))
    for statement in (
        delete(AuditComment).where(AuditComment.return_id.in_(returns)),
        delete(AuditRating).where(AuditRating.return_id.in_(returns)),
        delete(AuditReturn).where(AuditReturn.round_id.in_(ids)),
        delete(AuditCaseGrade).where(
            AuditCaseGrade.case_id.in_(select(AuditCase.id).where(AuditCase.round_id.in_(ids)))
        ),
        delete(AuditCase).where(AuditCase.round_id.in_(ids)),
        delete(AuditRound).where(AuditRound.id.in_(ids)),
    ):
        db.session.execute(statement, execution_options={"synchronize_session": False})
    audit("retention.audit_rounds", commit=False, rounds=ids, cutoff=cutoff.isoformat())
    db.session.commit()
    return RoundExpiry(cutoff, len(ids))
