"""What changed since the previous period, per voice: what an analyst looks at first.

For each voice: responses this period and last, outcome statements whose change is
significant (the same rows as the analyst pages and the Board report), themes whose
share of responses rose or fell significantly (counted under the shared "texts that may
be shown" rule, so a flagged text never moves a theme), and the safeguarding alerts
open now and overdue, as counts only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case, func, select

from analysis.changes import ThemeShift, theme_shifts
from analysis.periods import Period, previous
from analysis.report import headline_rows
from analysis.stories import VOICES
from analysis.summary import significant
from feedback.extensions import db
from feedback.labels import survey_names, voice_label
from feedback.models import ConcernAlert, Response, Survey
from feedback.services.outcomes.rows import in_period, outcome_rows
from feedback.services.outcomes.stories import theme_responses
from feedback.services.safeguarding.alerts import OPEN_STATES, overdue_after
from feedback.services.surveys.lookup import surveys_by_slug


@dataclass
class VoiceChanges:
    """One voice's changes. surveys: (slug, name); outcomes: significant outcome rows."""

    voice: str
    label: str
    surveys: list[tuple[str, str]]
    responses: int
    responses_before: int
    outcomes: list[dict[str, Any]] = field(default_factory=list)
    themes: list[ThemeShift] = field(default_factory=list)
    open_alerts: int = 0
    overdue_alerts: int = 0


def _responses(period: Period, before: Period) -> dict[str, tuple[int, int]]:
    """{voice: (responses in period, in before)}, one grouped query."""
    now = func.sum(case((in_period(period), 1), else_=0))
    then = func.sum(case((in_period(before), 1), else_=0))
    query = select(Response.audience, now, then).group_by(Response.audience)
    return {voice: (int(a or 0), int(b or 0)) for voice, a, b in db.session.execute(query)}


def _alerts(overdue_hours: int) -> dict[str, tuple[int, int]]:
    """{voice: (open alerts, overdue alerts)} as they stand now, counts only."""
    late = func.sum(case((ConcernAlert.created_at <= overdue_after(overdue_hours), 1), else_=0))
    query = (
        select(Survey.audience, func.count(ConcernAlert.id), late)
        .join(Survey, Survey.id == ConcernAlert.survey_id)
        .where(ConcernAlert.state.in_(OPEN_STATES))
        .group_by(Survey.audience)
    )
    return {voice: (int(n), int(m or 0)) for voice, n, m in db.session.execute(query)}


def _outcomes(slugs: list[str], period: Period) -> list[dict[str, Any]]:
    headline, detail = headline_rows(r.to_json() for r in outcome_rows(slugs, period))
    rows = [{**r, "detail": False} for r in headline] + [{**r, "detail": True} for r in detail]
    return [r for r in rows if significant(r)]


def what_changed(period: Period, overdue_hours: int) -> list[VoiceChanges]:
    """Every voice with a survey, in the framework's order, compared with the period before.

    `period` must have a previous period (not "all"): there is nothing to compare with.
    """
    before = previous(period)
    if before is None:
        raise ValueError("'all' has no earlier period to compare with")
    surveys = [s for s in surveys_by_slug() if s.current_version is not None]
    names = survey_names(surveys)
    counts = _responses(period, before)
    alerts = _alerts(overdue_hours)
    voices = [v for v in VOICES if any(s.audience == v for s in surveys)]
    voices += sorted({s.audience for s in surveys} - set(voices))
    found = []
    for voice in voices:
        mine = [s for s in surveys if s.audience == voice]
        ids = [s.id for s in mine]
        n_now, n_before = counts.get(voice, (0, 0))
        found.append(
            VoiceChanges(
                voice=voice,
                label=voice_label(voice),
                surveys=[(s.slug, names[s.slug]) for s in mine],
                responses=n_now,
                responses_before=n_before,
                outcomes=_outcomes([s.slug for s in mine], period),
                themes=theme_shifts(
                    theme_responses(ids, period, voice),
                    n_now,
                    theme_responses(ids, before, voice),
                    n_before,
                ),
                open_alerts=alerts.get(voice, (0, 0))[0],
                overdue_alerts=alerts.get(voice, (0, 0))[1],
            )
        )
    return found
