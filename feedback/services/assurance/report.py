"""The Board report's Section 11 part: the latest round opened before the period ends."""

from __future__ import annotations

from sqlalchemy import select

from analysis.periods import Period, parse_period
from feedback.extensions import db
from feedback.models import AuditRound
from feedback.services.assurance.results import Results, results


def assurance_for_report(period: Period | str) -> Results | None:
    """Results of the latest Section 11 round opened before `period` ends, or None."""
    period = parse_period(period)
    query = (
        select(AuditRound)
        .where(AuditRound.kind == "section11")
        .order_by(AuditRound.created_at.desc(), AuditRound.id.desc())
    )
    if not period.is_all:
        query = query.where(AuditRound.created_at < period.end)
    # The latest round with something submitted: a round just opened has nothing to say.
    for found in db.session.scalars(query):
        if any(ret.state != "draft" for ret in found.returns):
            return results(found)
    return None
