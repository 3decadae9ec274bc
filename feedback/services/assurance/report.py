"""The Board report's assurance parts: the latest Section 11 round and the latest case
audit opened before the period ends."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ScalarResult, select

from analysis.periods import Period, parse_period
from feedback.extensions import db
from feedback.models import AuditRound
from feedback.services.assurance.cases import (
    LearningTheme,
    grade_distribution,
    graded_questions,
    learning_themes,
)
from feedback.services.assurance.results import Results, results
from forms.schema import Question


def _rounds(kind: str, period: Period | str) -> ScalarResult[AuditRound]:
    period = parse_period(period)
    query = (
        select(AuditRound)
        .where(AuditRound.kind == kind)
        .order_by(AuditRound.created_at.desc(), AuditRound.id.desc())
    )
    if not period.is_all:
        query = query.where(AuditRound.created_at < period.end)
    return db.session.scalars(query)


@dataclass(frozen=True)
class CaseAuditPart:
    round: AuditRound
    questions: list[Question]
    distribution: dict[str, dict[str, int]]
    themes: list[LearningTheme]


def case_audit_for_report(period: Period | str) -> CaseAuditPart | None:
    """The latest case audit opened before `period` ends with a panel record, or None."""
    for found in _rounds("case_audit", period):
        if any(case.panel_done_at for case in found.cases):
            return CaseAuditPart(
                found, graded_questions(found), grade_distribution(found), learning_themes(found)
            )
    return None


def assurance_for_report(period: Period | str) -> Results | None:
    """Results of the latest Section 11 round opened before `period` ends, or None."""
    query = _rounds("section11", period)
    # The latest round with something submitted: a round just opened has nothing to say.
    for found in query:
        if any(ret.state != "draft" for ret in found.returns):
            return results(found)
    return None
