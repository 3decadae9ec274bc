"""Outcome statements from the database: counted in SQL, tabled by analysis.outcome_table.

For each survey, one grouped query over Answer joined to Response counts, for every
outcome of the survey at once, the responses that answered the outcome's question
with a value that counts and those that answered positively, in the period asked
for and the period before it (a CASE puts each response in one or the other), and
per group when a breakdown is asked for. Nothing loads answers into Python.

Outcomes come from the survey's current version; answers of every version whose
definition has the outcome's question count, so a survey edited mid-year still
adds up. The date of a response is the date written on a paper questionnaire
(completed_on) where there is one, else when it was submitted.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    distinct,
    func,
    literal_column,
    or_,
    select,
    true,
)
from sqlalchemy.orm import aliased

from analysis.outcome_table import SurveyOutcomes, Tally, outcome_table
from analysis.outcomes import NOT_ANSWERED, OutcomeRow
from analysis.periods import Period, parse_period, previous
from feedback.extensions import db
from feedback.models import Answer, Response, Survey, SurveyVersion
from feedback.services.outcome_breakdowns import (
    ATTRIBUTES,
    BadBreakdown,
    Breakdown,
    group_column,
    resolve,
)
from forms.schema import Definition, Outcome

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


#: A constant written into the SQL rather than bound, so every database knows its type.
_ONE = literal_column("1")


class UnknownSurvey(LookupError):
    """No survey has this slug (or it has no definition loaded)."""


class BadPeriod(ValueError):
    """The period label is not one Heard knows."""


def _on_or_after(moment: datetime) -> ColumnElement[bool]:
    # Period bounds fall at midnight, so comparing the paper date with the bound's
    # date is exact, and it avoids comparing a DATE with a TIMESTAMP, which SQLite
    # does as text and gets wrong on the first day of a period. Both branches test
    # for NULL explicitly so the result is never NULL (NOT NULL would drop rows).
    return or_(
        and_(Response.completed_on.is_(None), Response.submitted_at >= moment),
        and_(Response.completed_on.is_not(None), Response.completed_on >= moment.date()),
    )


def _before(moment: datetime) -> ColumnElement[bool]:
    return or_(
        and_(Response.completed_on.is_(None), Response.submitted_at < moment),
        and_(Response.completed_on.is_not(None), Response.completed_on < moment.date()),
    )


def in_period(period: Period | str) -> ColumnElement[bool]:
    """A WHERE condition: the response belongs to *period* (a Period or a label).

    Use it wherever responses are counted per period, so every page, export and
    report puts a response in the same period.
    """
    period = parse_period(period)
    if period.is_all:
        return true()
    return and_(_on_or_after(period.start), _before(period.end))


@dataclass(frozen=True)
class _Plan:
    """One survey's outcomes, ready to count."""

    survey: Survey
    definition: Definition
    outcomes: tuple[Outcome, ...]
    #: outcome question -> versions that ask it (None: every version does)
    versions: dict[str, tuple[int, ...] | None]
    #: outcome questions that are multi-choice in some version
    multi: frozenset[str]


def _plan(survey: Survey, wanted: Collection[str] | None) -> _Plan | None:
    current = survey.current_version
    if current is None:
        return None
    definition = current.definition
    outcomes = tuple(o for o in definition.outcomes if wanted is None or o.id in wanted)
    if not outcomes:
        return None
    asked: dict[str, list[int]] = {}
    multi: set[str] = set()
    all_versions = db.session.execute(
        select(SurveyVersion.id, SurveyVersion.definition_json).where(
            SurveyVersion.survey_id == survey.id
        )
    ).all()
    for version_id, data in all_versions:
        for page in data.get("pages", ()):
            for question in page["questions"]:
                asked.setdefault(question["id"], []).append(version_id)
                if question["type"] == "multi":
                    multi.add(question["id"])
    versions = {
        o.question: None
        if len(asked.get(o.question, ())) == len(all_versions)
        else tuple(asked.get(o.question, ()))
        for o in outcomes
    }
    return _Plan(survey, definition, outcomes, versions, frozenset(multi))


def _measures(plan: _Plan, answer: Any) -> list[ColumnElement[Any]]:
    """Two aggregate columns per outcome: denominator, then numerator."""
    columns: list[ColumnElement[Any]] = []
    for outcome in plan.outcomes:
        asked = [answer.question_id == outcome.question]
        restrict = plan.versions[outcome.question]
        if restrict is not None:
            asked.append(Response.version_id.in_(restrict))
        if outcome.excluded:
            asked.append(answer.value.not_in(outcome.excluded))
        counted = and_(*asked)
        positive = and_(counted, answer.value.in_(outcome.positive))
        for condition in (counted, positive):
            if outcome.question in plan.multi:
                # Several picks of one response must count once.
                columns.append(func.count(distinct(case((condition, Response.id)))))
            else:
                columns.append(func.count(case((condition, _ONE))))
    return columns


def _count(
    plan: _Plan, period: Period, before: Period | None, breakdown: Breakdown | None
) -> list[tuple[bool, str | None, list[int]]]:
    """(in the current period?, group value, [den, num, den, num, ...]) per SQL row."""
    answer = aliased(Answer, name="outcome_answer")
    if period.is_all:
        bucket: ColumnElement[Any] = _ONE
        when: ColumnElement[bool] = true()
    else:
        first = before.start if before else period.start
        bucket = case((_on_or_after(period.start), _ONE), else_=literal_column("0"))
        when = and_(_on_or_after(first), _before(period.end))
    query = select(bucket.label("bucket")).select_from(Response)
    query = query.join(answer, answer.response_id == Response.id)
    # Group by the output names: PostgreSQL with server-side parameters cannot see
    # that two copies of a CASE with bound values are the same expression. With no
    # period there is one bucket, and no GROUP BY at all still yields a row of zeros.
    group_by: list[Any] = [] if period.is_all else [literal_column("bucket")]
    if breakdown is not None:
        query, column = group_column(breakdown, query)
        query = query.add_columns(column.label("grp"))
        group_by.append(literal_column("grp"))
    query = query.add_columns(*_measures(plan, answer)).where(
        Response.survey_id == plan.survey.id,
        answer.question_id.in_({o.question for o in plan.outcomes}),
        when,
    )
    rows = db.session.execute(query.group_by(*group_by)).all()
    found = []
    for row in rows:
        group = row[1] if breakdown is not None else None
        counts = list(row[2:] if breakdown is not None else row[1:])
        found.append((bool(row[0]), group, [int(c or 0) for c in counts]))
    return found


def _tallies(
    plan: _Plan, period: Period, before: Period | None, breakdown: Breakdown | None
) -> tuple[list[Tally], list[Tally]]:
    """Current and previous tallies of one survey: overall rows, and groups if asked."""
    slug = plan.survey.slug
    current: list[Tally] = []
    earlier: list[Tally] = []
    grouped = breakdown is not None and breakdown.field != "survey"
    sql_rows = _count(plan, period, before, breakdown if grouped else None)
    overall: dict[bool, list[int]] = {}
    for in_current, group, counts in sql_rows:
        target = current if in_current else earlier
        if grouped:
            value = NOT_ANSWERED if group is None or group == "" else str(group)
            target += _split(plan, slug, counts, (breakdown.field, value))  # type: ignore[union-attr]
        sums = overall.setdefault(in_current, [0] * len(counts))
        overall[in_current] = [a + b for a, b in zip(sums, counts, strict=True)]
    if grouped and not breakdown.partitions:  # type: ignore[union-attr]
        # A multi-choice breakdown puts one response in several groups: count everyone apart.
        overall = {}
        for in_current, _group, counts in _count(plan, period, before, None):
            overall[in_current] = counts
    for in_current, counts in overall.items():
        target = current if in_current else earlier
        target += _split(plan, slug, counts, None)
        if breakdown is not None and breakdown.field == "survey":
            target += _split(plan, slug, counts, ("survey", slug))
    return current, earlier


def _split(plan: _Plan, slug: str, counts: list[int], group: tuple[str, str] | None) -> list[Tally]:
    return [
        Tally(outcome.id, slug, counts[2 * i + 1], counts[2 * i], group)
        for i, outcome in enumerate(plan.outcomes)
    ]


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
    plans = [p for p in (_plan(s, outcomes) for s in _surveys(slugs)) if p is not None]
    breakdown = resolve(by, [p.definition for p in plans])
    current: list[Tally] = []
    earlier: list[Tally] = []
    for plan in plans:
        now, then = _tallies(plan, period, before, breakdown)
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
