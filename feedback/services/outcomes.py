"""Outcome statements from the database: counted in SQL, tabled by analysis.outcome_table.

For each survey, one grouped query over Answer joined to Response (see
:mod:`feedback.services.outcome_counts`) counts, for every outcome of the survey at
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

from sqlalchemy import select

from analysis.outcome_table import SurveyOutcomes, Tally, outcome_table
from analysis.outcomes import OutcomeRow
from analysis.periods import Period, parse_period, previous
from feedback.extensions import db
from feedback.models import Survey
from feedback.services.outcome_breakdowns import ATTRIBUTES, BadBreakdown, resolve
from feedback.services.outcome_counts import count_survey, in_period, make_plan

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


class UnknownSurvey(LookupError):
    """No survey has this slug (or it has no definition loaded)."""


class BadPeriod(ValueError):
    """The period label is not one Heard knows."""


def _surveys(slugs: Sequence[str] | None) -> list[Survey]:
    query = select(Survey).where(Survey.current_version_id.is_not(None)).order_by(Survey.slug)
    if slugs is None:
        return list(db.session.scalars(query))
    found = {s.slug: s for s in db.session.scalars(query.where(Survey.slug.in_(slugs)))}
    missing = [slug for slug in slugs if slug not in found]
    if missing:
        raise UnknownSurvey(f"no survey called {', '.join(map(repr, missing))}")
    return [found[slug] for slug in dict.fromkeys(slugs)]


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
    plans = [p for p in (make_plan(s, outcomes) for s in _surveys(slugs)) if p is not None]
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
    return {o.id for o in survey.current_version.definition.outcomes}  # type: ignore[union-attr]


def pool_partners(slug: str) -> list[str]:
    """*slug* and every other survey that shares one of its outcome ids, slug first."""
    survey = _surveys([slug])[0]
    mine = _outcome_ids(survey)
    others = [s.slug for s in _surveys(None) if s.slug != slug and mine & _outcome_ids(s)]
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
    mine = _outcome_ids(_surveys([slug])[0])
    return outcome_rows(partners, period, by, pooled=True, outcomes=mine)
