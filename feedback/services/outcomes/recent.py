"""New responses for an analyst's home: how many arrived lately, per voice."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import Response
from feedback.models._time import utcnow


def new_responses(days: int = 7) -> dict[str, int]:
    """Responses stored in the last `days` days, per audience (GROUP BY in SQL), most first."""
    since = utcnow() - timedelta(days=days)
    rows = db.session.execute(
        select(Response.audience, func.count(Response.id))
        .where(Response.submitted_at >= since)
        .group_by(Response.audience)
        .order_by(func.count(Response.id).desc(), Response.audience)
    ).all()
    return {audience: int(n) for audience, n in rows}
