"""The lead's reading list: which free-text answers still need a person to read them.

A text is on the list when its survey version says ``read_all_text`` (children's surveys
by default) and it is the answer to a free-text question. It is unread until a lead
decides on it (a ReadingDecision) or it has an alert of its own (the alert's page is
where it is read). Highest concern score first, then oldest: the machine orders the
reading, people decide. Only queries here; decisions are in reading_decisions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import ColumnElement, Select, and_, exists, false, func, or_, select

from feedback.extensions import db
from feedback.models import (
    Answer,
    Campaign,
    ConcernAlert,
    ReadingDecision,
    Response,
    Survey,
    SurveyVersion,
    TextAnalysis,
)
from feedback.models._time import utcnow

#: An unanalysed text has no score yet; it is read first, as if the model were sure.
UNSCORED = 1.0


@dataclass(frozen=True)
class ReadingItem:
    """One text on the list, with what a lead needs to judge it."""

    answer_id: int
    text: str
    question: str
    survey: str
    age_band: str | None
    campaign: str | None
    service: str | None
    language: str
    submitted_at: datetime
    score: float | None
    overdue: bool


@dataclass(frozen=True)
class ReadingCounts:
    """`heard reading status`: texts unread, how many are overdue, the oldest's age."""

    unread: int
    overdue: int
    oldest_hours: float | None

    def as_json(self) -> dict[str, Any]:
        return {"unread": self.unread, "overdue": self.overdue, "oldest_hours": self.oldest_hours}


def read_within_hours() -> int:
    """Hours a text may wait unread before it is overdue (HEARD_READ_WITHIN_HOURS)."""
    return int(current_app.config.get("HEARD_READ_WITHIN_HOURS") or 72)


def overdue_before(hours: int | None = None) -> datetime:
    """Texts submitted at or before this moment and still unread are overdue."""
    return utcnow() - timedelta(hours=read_within_hours() if hours is None else hours)


def read_all_questions() -> dict[int, Mapping[str, str]]:
    """{version id: {free-text question id: its wording}} for versions that read all text."""
    found: dict[int, Mapping[str, str]] = {}
    for version in db.session.scalars(select(SurveyVersion)):
        definition = version.definition
        if not definition.read_all_text:
            continue
        texts = {q.id: q.text for q in definition.questions() if q.free_text}
        if texts:
            found[version.id] = texts
    return found


def on_the_list(questions: Mapping[int, Mapping[str, str]]) -> ColumnElement[bool]:
    """SQL: the answer is a free-text answer of a version that reads all text."""
    if not questions:
        return false()
    return or_(
        *(
            and_(Response.version_id == vid, Answer.question_id.in_(list(ids)))
            for vid, ids in questions.items()
        )
    )


def _undecided() -> ColumnElement[bool]:
    # A response with an alert is read on the alert's page, which shows all its texts.
    return and_(
        ~exists().where(ReadingDecision.answer_id == Answer.id),
        ~exists().where(ConcernAlert.response_id == Answer.response_id),
    )


def _written() -> ColumnElement[bool]:
    return func.length(func.trim(Answer.value)) > 0


def unread_query(questions: Mapping[int, Mapping[str, str]]) -> Select:
    """Unread texts with their context, highest concern score first, then oldest."""
    score = func.coalesce(TextAnalysis.concern_score, UNSCORED)
    return (
        select(
            Answer.id,
            Answer.value,
            Answer.question_id,
            Response.version_id,
            Response.age_band,
            Response.language,
            Response.submitted_at,
            Survey.title,
            Campaign.name,
            Campaign.service,
            TextAnalysis.concern_score,
        )
        .join(Response, Response.id == Answer.response_id)
        .join(Survey, Survey.id == Response.survey_id)
        .outerjoin(Campaign, Campaign.id == Response.campaign_id)
        .outerjoin(TextAnalysis, TextAnalysis.answer_id == Answer.id)
        .where(on_the_list(questions), _written(), _undecided())
        .order_by(score.desc(), Response.submitted_at, Answer.id)
    )


def unread_items(limit: int) -> list[ReadingItem]:
    """The first `limit` unread texts of the list, in reading order."""
    questions = read_all_questions()
    cutoff = overdue_before()
    rows = db.session.execute(unread_query(questions).limit(limit)).all()
    return [
        ReadingItem(
            answer_id=answer_id,
            text=value,
            question=questions[version_id].get(question_id, question_id),
            survey=title,
            age_band=age_band,
            campaign=campaign,
            service=service,
            language=language,
            submitted_at=submitted_at,
            score=score,
            overdue=submitted_at <= cutoff,
        )
        for (
            answer_id,
            value,
            question_id,
            version_id,
            age_band,
            language,
            submitted_at,
            title,
            campaign,
            service,
            score,
        ) in rows
    ]


def reading_counts() -> ReadingCounts:
    """How many texts are unread, how many of those are overdue, and the oldest's age."""
    cutoff = overdue_before()
    query = (
        select(
            func.count(Answer.id),
            func.count(Answer.id).filter(Response.submitted_at <= cutoff),
            func.min(Response.submitted_at),
        )
        .join(Response, Response.id == Answer.response_id)
        .where(on_the_list(read_all_questions()), _written(), _undecided())
    )
    unread, overdue, oldest = db.session.execute(query).one()
    hours = None if oldest is None else round((utcnow() - oldest).total_seconds() / 3600, 1)
    return ReadingCounts(unread=unread or 0, overdue=overdue or 0, oldest_hours=hours)


def unread_before(moment: datetime) -> list[tuple[int, int, datetime]]:
    """(answer id, response id, sent) of every unread text sent before `moment`."""
    rows = db.session.execute(
        select(Answer.id, Answer.response_id, Response.submitted_at)
        .join(Response, Response.id == Answer.response_id)
        .where(
            on_the_list(read_all_questions()),
            _written(),
            _undecided(),
            Response.submitted_at < moment,
        )
        .order_by(Answer.id)
    )
    return [(answer_id, response_id, sent) for answer_id, response_id, sent in rows]


def listed(answer_ids: list[int]) -> dict[int, tuple[int, int, bool]]:
    """Of `answer_ids`, those on the list: {answer id: (response id, survey id, decided)}."""
    if not answer_ids:
        return {}
    decided = or_(
        exists().where(ReadingDecision.answer_id == Answer.id),
        exists().where(ConcernAlert.response_id == Answer.response_id),
    )
    rows = db.session.execute(
        select(Answer.id, Response.id, Response.survey_id, decided)
        .join(Response, Response.id == Answer.response_id)
        .where(Answer.id.in_(answer_ids), on_the_list(read_all_questions()), _written())
    )
    return {answer_id: (rid, sid, bool(done)) for answer_id, rid, sid, done in rows}
