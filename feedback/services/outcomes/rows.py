"""Outcome statements from the database: counted in SQL, tabled by analysis.outcome_table.

For each survey, one grouped query over Answer joined to Response (see
:mod:`feedback.services.outcomes.counts`) counts, for every outcome of the survey at
once, the responses that answered the outcome's question with a value that counts and
those that answered positively, in the period asked for and the one before it, per
breakdown group when one is asked for. Nothing loads answers into Python.

Outcomes come from the survey's current version; answers of every version whose
definition has the outcome's question count, so a survey edited mid-year still
adds up. The date of a response is the date written on a paper questionnaire
(completed_on) where there is one, else when it was submitted.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from analysis.outcome_table import SurveyOutcomes, Tally, outcome_table
from analysis.outcomes import OutcomeRow
from analysis.periods import Period, parse_period, previous
from feedback.models import Survey
from feedback.services.outcomes.breakdowns import ATTRIBUTES, BadBreakdown, resolve
from feedback.services.outcomes.counts import count_survey, in_period, make_plan
from feedback.services.surveys.lookup import UnknownSurvey, survey_by_slug, surveys_by_slug

__all__ = [
    "ATTRIBUTES",
    "BadBreakdown",
    "BadPeriod",
    "UnknownSurvey",
    "in_period",
    "outcome_rows",
    "pool_partners",
    "survey_outcome_rows",
]


class BadPeriod(ValueError):
    """The period label is not one Heard knows."""


def outcome_rows(
    slugs: Sequence[str] | None,
    period: str | Period = "all",
    by: str | None = None,
    pooled: bool = True,
    *,
    outcomes: Collection[str] | None = None,
) -> list[OutcomeRow]:
    """The outcome table of *slugs* (every survey when None) for *period*.

    period: a label such as ``2026-H1`` (see analysis.periods); rows are compared
    with the period before it. by: a breakdown, a name in ATTRIBUTES or a closed
    question id. pooled: add rows that pool surveys sharing an outcome id.
    outcomes: only these outcome ids (all when None).
    Raises UnknownSurvey, BadPeriod or BadBreakdown with a message for people.
    """
    try:
        period = parse_period(period)
    except ValueError as exc:
        raise BadPeriod(str(exc)) from exc
    before = previous(period)
    plans = [p for p in (make_plan(s, outcomes) for s in surveys_by_slug(slugs)) if p is not None]
    breakdown = resolve(by, [p.definition for p in plans])
    current: list[Tally] = []
    earlier: list[Tally] = []
    for plan in plans:
        now, then = count_survey(plan, period, before, breakdown)
        current += now
        earlier += then
    specs = [
        SurveyOutcomes(
            p.survey.slug, p.definition.min_n, tuple((o.id, o.statement) for o in p.outcomes)
        )
        for p in plans
    ]
    return outcome_table(
        specs,
        current,
        earlier,
        period=period.label,
        previous_period=before.label if before else None,
        pooled=pooled,
        group_order=breakdown.order if breakdown else (),
    )


def _outcome_ids(survey: Survey) -> set[str]:
    return {o.id for o in survey.live_version.definition.outcomes}


def pool_partners(slug: str) -> list[str]:
    """*slug* and every other survey that shares one of its outcome ids, slug first."""
    survey = survey_by_slug(slug)
    mine = _outcome_ids(survey)
    others = [s.slug for s in surveys_by_slug() if s.slug != slug and mine & _outcome_ids(s)]
    return [slug, *others]


def survey_outcome_rows(
    slug: str, period: str | Period = "all", by: str | None = None, pool: bool = False
) -> list[OutcomeRow]:
    """The rows of one survey, as `heard outcomes SLUG` and the API give them.

    pool: also the rows of every survey sharing one of this survey's outcome ids and
    the pooled rows adding them up (for this survey's outcomes only).
    """
    if not pool:
        return outcome_rows([slug], period, by, pooled=False)
    partners = pool_partners(slug)
    mine = _outcome_ids(survey_by_slug(slug))
    return outcome_rows(partners, period, by, pooled=True, outcomes=mine)
