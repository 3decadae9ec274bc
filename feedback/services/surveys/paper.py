"""What typing in paper questionnaires reads: the surveys to choose, a batch's entries."""

from __future__ import annotations

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import Answer, Campaign, Response, Survey


def paper_surveys() -> list[Survey]:
    """Open surveys that have a paper form (focus groups are recorded as sessions), by title."""
    query = (
        select(Survey)
        .where(Survey.is_open.is_(True), Survey.audience != "focus_group")
        .order_by(Survey.title)
    )
    return list(db.session.scalars(query))


def survey_campaigns(survey_id: int) -> list[Campaign]:
    """The survey's campaigns, oldest first (where a paper entry says it was collected)."""
    query = select(Campaign).where(Campaign.survey_id == survey_id).order_by(Campaign.id)
    return list(db.session.scalars(query))


def entered_by(response_id: int, user_id: int) -> Response | None:
    """Response `response_id` if `user_id` typed it in, else None."""
    response = db.session.get(Response, response_id)
    if response is None or response.entered_by_id != user_id:
        return None
    return response


def entries_with_counts(ids: list[int], user_id: int) -> list[tuple[Response, str | None, int]]:
    """(response, campaign name, answers) for those of `ids` that `user_id` typed in.

    Answers are counted in SQL; the order is the database's (the caller knows the batch's).
    """
    answers = (
        select(Answer.response_id, func.count(Answer.id).label("n"))
        .where(Answer.response_id.in_(ids))
        .group_by(Answer.response_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Response, Campaign.name, func.coalesce(answers.c.n, 0))
        .outerjoin(answers, answers.c.response_id == Response.id)
        .outerjoin(Campaign, Campaign.id == Response.campaign_id)
        .where(Response.id.in_(ids), Response.entered_by_id == user_id)
    )
    return [(response, name, count) for response, name, count in rows]
