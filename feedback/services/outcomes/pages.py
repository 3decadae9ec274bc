"""What the analyst's survey page shows, gathered in one place (read-only queries)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select

from analysis.outcomes import POOLED, OutcomeRow
from analysis.periods import Period
from feedback.extensions import db
from feedback.labels import survey_names
from feedback.models import Response, Survey
from feedback.services.outcomes.breakdowns import closed_questions
from feedback.services.outcomes.rows import in_period, survey_outcome_rows
from feedback.services.surveys.lookup import survey_by_slug, surveys_by_slug
from forms.schema import PREFER_NOT, PREFER_NOT_LABEL, Definition


@dataclass
class SurveyPage:
    """One survey's outcome page.

    period, by, pool: what was asked for. rows: the outcome rows. responses: responses
    in the period. first, last: the earliest and latest response dates (None when
    there are none). titles: slug -> title of every survey in the rows.
    questions: closed question id -> text (the breakdowns on offer).
    choice_labels: closed question id -> {value: label}, to name breakdown groups.
    """

    survey: Survey
    definition: Definition
    period: Period
    by: str | None
    pool: bool
    rows: list[OutcomeRow]
    responses: int
    first: datetime | None
    last: datetime | None
    titles: dict[str, str] = field(default_factory=dict)
    questions: dict[str, str] = field(default_factory=dict)
    choice_labels: dict[str, dict[str, str]] = field(default_factory=dict)


def response_span(survey_id: int) -> tuple[datetime | None, datetime | None]:
    """The survey's earliest and latest response dates (a paper date counts), or None."""
    first, last, paper = db.session.execute(
        select(
            func.min(Response.submitted_at),
            func.max(Response.submitted_at),
            func.min(Response.completed_on),
        ).where(Response.survey_id == survey_id)
    ).one()
    if paper is not None and first is not None:
        first = min(first, datetime(paper.year, paper.month, paper.day))
    return first, last


def survey_page(slug: str, period: Period, by: str | None, pool: bool) -> SurveyPage:
    """Everything /analyse/surveys/<slug> shows. Raises UnknownSurvey, BadBreakdown."""
    survey = survey_by_slug(slug)
    definition = survey.live_version.definition
    rows = survey_outcome_rows(slug, period, by, pool)
    responses = db.session.scalar(
        select(func.count(Response.id)).where(Response.survey_id == survey.id, in_period(period))
    )
    # The pooled row's `survey` is the POOLED marker, not a survey: it has no title.
    slugs = {row.survey for row in rows if row.survey and row.survey != POOLED} | {slug}
    titles = survey_names(surveys_by_slug(sorted(slugs)))  # with their age bands
    labels = {
        q.id: {c.value: c.label for c in q.choices} | {PREFER_NOT: PREFER_NOT_LABEL}
        for q in definition.questions()
        if q.closed
    }
    first, last = response_span(survey.id)
    return SurveyPage(
        survey=survey,
        definition=definition,
        period=period,
        by=by,
        pool=pool,
        rows=rows,
        responses=responses or 0,
        first=first,
        last=last,
        titles=titles,
        questions=closed_questions([definition]),
        choice_labels=labels,
    )
