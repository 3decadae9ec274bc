"""Counting outcome answers in SQL: one grouped query per survey.

The query counts responses per (period bucket, breakdown group, question, answer
value) for the questions of every outcome of the survey at once: a few hundred rows
however many answers there are. Which values are positive and which are left out
("prefer not to say", "don't know") is then a lookup on those few rows, so one
question can serve several outcomes. A multi-choice question can hold several values
per response, and a response must count once: its outcomes are counted by a second
query with COUNT(DISTINCT response.id) instead.

The period bucket puts each response in the period asked for or the one before it
(for the comparison), so both come from the same scan.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnClause,
    ColumnElement,
    Select,
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

from analysis.outcome_table import Tally
from analysis.outcomes import NOT_ANSWERED
from analysis.periods import Period, parse_period
from feedback.extensions import db
from feedback.models import Answer, Response, Survey, SurveyVersion
from feedback.models.outcome_indexes import short_value
from feedback.services.outcomes.breakdowns import Breakdown, group_column, stored_question_closed
from forms.schema import Definition, Outcome

#: Constants written into the SQL rather than bound, so every database knows their type.
_ONE: ColumnClause[int] = literal_column("1")
_ZERO: ColumnClause[int] = literal_column("0")


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

    A response's date is the date written on a paper questionnaire (completed_on)
    where there is one, else when it was submitted. Use this wherever responses are
    counted per period, so every page, export and report agrees.
    """
    period = parse_period(period)
    if period.is_all:
        return true()
    return and_(_on_or_after(period.start), _before(period.end))


@dataclass(frozen=True)
class Plan:
    """One survey's outcomes, ready to count.

    versions: outcome question -> ids of the versions that ask it (None: all do).
    multi: questions that are multi-choice in some version.
    closed_in: question -> ids of the versions where it is a closed question (None: all
    versions ask it closed). A breakdown by a question reads only these versions' answers:
    where the same id was free text, a child's own words must never become a group name.
    """

    survey: Survey
    definition: Definition
    outcomes: tuple[Outcome, ...]
    versions: dict[str, tuple[int, ...] | None]
    multi: frozenset[str]
    closed_in: dict[str, tuple[int, ...] | None]


def make_plan(survey: Survey, wanted: Collection[str] | None) -> Plan | None:
    """The plan for *survey*'s current outcomes (only *wanted* ids when given)."""
    if survey.current_version is None:
        return None
    definition = survey.current_version.definition
    outcomes = tuple(o for o in definition.outcomes if wanted is None or o.id in wanted)
    if not outcomes:
        return None
    versions = db.session.execute(
        select(SurveyVersion.id, SurveyVersion.definition_json).where(
            SurveyVersion.survey_id == survey.id
        )
    ).all()
    asked: dict[str, list[int]] = {}
    closed: dict[str, list[int]] = {}
    multi: set[str] = set()
    for version_id, data in versions:
        for page in data.get("pages", ()):
            for question in page["questions"]:
                asked.setdefault(question["id"], []).append(version_id)
                if question["type"] == "multi":
                    multi.add(question["id"])
                if stored_question_closed(question):
                    closed.setdefault(question["id"], []).append(version_id)
    restrict = {
        o.question: None
        if len(asked.get(o.question, ())) == len(versions)
        else tuple(asked.get(o.question, ()))
        for o in outcomes
    }
    closed_in = {
        qid: None if len(ids) == len(versions) else tuple(ids) for qid, ids in closed.items()
    }
    return Plan(survey, definition, outcomes, restrict, frozenset(multi), closed_in)


Counts = dict[tuple[bool, str | None], list[int]]  # (current?, group) -> [num, den] per outcome


def _dates(period: Period, before: Period | None) -> tuple[ColumnElement[Any], ColumnElement[bool]]:
    """(1 when a response is in *period* else 0, WHERE it is in *before* or *period*)."""
    if period.is_all:
        return _ONE, true()
    first = before.start if before else period.start
    bucket = case((_on_or_after(period.start), _ONE), else_=_ZERO)
    return bucket, and_(_on_or_after(first), _before(period.end))


def _frame(
    plan: Plan, when: ColumnElement[bool], breakdown: Breakdown | None, answer: Any
) -> tuple[Select[Any], list[Any]]:
    """SELECT [grp] FROM response JOIN answer ... WHERE the survey, its dates, short values.

    The length test matches the partial indexes of feedback.models.outcome_indexes, so
    the database can count from the index alone; a choice value is never that long.
    """
    query = select().select_from(Response).join(answer, answer.response_id == Response.id)
    group_by: list[Any] = []
    if breakdown is not None:
        closed_in = plan.closed_in.get(breakdown.field, ()) if breakdown.question else None
        query, column = group_column(breakdown, query, closed_in)
        query = query.add_columns(column.label("grp"))
        # Group by output names: PostgreSQL with server-side parameters cannot tell
        # that two copies of an expression with bound values are the same.
        group_by.append(literal_column("grp"))
    query = query.where(Response.survey_id == plan.survey.id, when, short_value(answer.value))
    return query, group_by


def _add(
    counts: Counts, key: tuple[bool, str | None], index: int, num: int, den: int, n: int
) -> None:
    slot = counts.setdefault(key, [0] * (2 * n))
    slot[2 * index] += num
    slot[2 * index + 1] += den


def _count_values(
    plan: Plan, period: Period, before: Period | None, breakdown: Breakdown | None, counts: Counts
) -> None:
    """Outcomes on single-answer questions: count per value, then look values up.

    The period bucket is a SUM beside the COUNT rather than a GROUP BY column, so
    with no breakdown the rows come out of the index already in group order.
    """
    single = [(i, o) for i, o in enumerate(plan.outcomes) if o.question not in plan.multi]
    if not single:
        return
    answer = aliased(Answer, name="outcome_answer")
    bucket, when = _dates(period, before)
    query, group_by = _frame(plan, when, breakdown, answer)
    versioned = any(plan.versions[o.question] is not None for _i, o in single)
    extra = [answer.question_id, answer.value] + ([Response.version_id] if versioned else [])
    query = query.add_columns(
        *extra, func.count().label("n"), func.sum(bucket).label("current")
    ).where(answer.question_id.in_({o.question for _i, o in single}))
    query = query.group_by(*group_by, *extra)
    grouped = breakdown is not None
    for row in db.session.execute(query):
        group = row.grp if grouped else None
        now = int(row.current or 0)
        for in_current, n in ((True, now), (False, row.n - now)):
            if n:
                _count_value(plan, single, row, n, (in_current, group), counts)


def _count_value(
    plan: Plan, single: list[tuple[int, Outcome]], row: Any, n: int, key: Any, counts: Counts
) -> None:
    for index, outcome in single:
        if row.question_id != outcome.question or row.value in outcome.excluded:
            continue
        allowed = plan.versions[outcome.question]
        if allowed is not None and row.version_id not in allowed:
            continue
        positive = n if row.value in outcome.positive else 0
        _add(counts, key, index, positive, n, len(plan.outcomes))


def _count_multi(
    plan: Plan, period: Period, before: Period | None, breakdown: Breakdown | None, counts: Counts
) -> None:
    """Outcomes on multi-choice questions: each response counts once, whatever it picked."""
    multi = [(i, o) for i, o in enumerate(plan.outcomes) if o.question in plan.multi]
    if not multi:
        return
    answer = aliased(Answer, name="outcome_answer")
    bucket, when = _dates(period, before)
    query, group_by = _frame(plan, when, breakdown, answer)
    query = query.add_columns(bucket.label("bucket"))
    if not period.is_all:
        group_by.append(literal_column("bucket"))
    measures = []
    for _index, outcome in multi:
        asked = [answer.question_id == outcome.question]
        allowed = plan.versions[outcome.question]
        if allowed is not None:
            asked.append(Response.version_id.in_(allowed))
        if outcome.excluded:
            asked.append(answer.value.not_in(outcome.excluded))
        counted = and_(*asked)
        positive = and_(counted, answer.value.in_(outcome.positive))
        measures += [
            func.count(distinct(case((positive, Response.id)))),
            func.count(distinct(case((counted, Response.id)))),
        ]
    query = query.add_columns(*measures).where(
        answer.question_id.in_({o.question for _i, o in multi})
    )
    offset = 2 if breakdown is not None else 1
    for row in db.session.execute(query.group_by(*group_by)):
        key = (bool(row.bucket), row.grp if breakdown is not None else None)
        for position, (index, _outcome) in enumerate(multi):
            num, den = row[offset + 2 * position], row[offset + 2 * position + 1]
            _add(counts, key, index, int(num or 0), int(den or 0), len(plan.outcomes))


def _counts(
    plan: Plan, period: Period, before: Period | None, breakdown: Breakdown | None
) -> Counts:
    counts: Counts = {}
    _count_values(plan, period, before, breakdown, counts)
    _count_multi(plan, period, before, breakdown, counts)
    return counts


def count_survey(
    plan: Plan, period: Period, before: Period | None, breakdown: Breakdown | None
) -> tuple[list[Tally], list[Tally]]:
    """Tallies of one survey in *period* and in *before*: everyone, and each group."""
    slug = plan.survey.slug
    # the breakdown that splits this survey into groups ("survey" splits only the pool)
    grouped = breakdown if breakdown is not None and breakdown.field != "survey" else None
    counts = _counts(plan, period, before, grouped)
    current: list[Tally] = []
    earlier: list[Tally] = []
    overall: dict[bool, list[int]] = {}
    for (in_current, group), slot in counts.items():
        if grouped is not None:
            value = NOT_ANSWERED if group is None or group == "" else str(group)
            _tally(plan, slot, (grouped.field, value), current if in_current else earlier)
        total = overall.setdefault(in_current, [0] * len(slot))
        overall[in_current] = [a + b for a, b in zip(total, slot, strict=True)]
    if grouped is not None and not grouped.partitions:
        # A multi-choice breakdown puts one response in several groups: count everyone apart.
        overall = {key[0]: slot for key, slot in _counts(plan, period, before, None).items()}
    for in_current, slot in overall.items():
        target = current if in_current else earlier
        _tally(plan, slot, None, target)
        if breakdown is not None and breakdown.field == "survey":
            _tally(plan, slot, ("survey", slug), target)
    return current, earlier


def _tally(plan: Plan, slot: list[int], group: tuple[str, str] | None, into: list[Tally]) -> None:
    for i, outcome in enumerate(plan.outcomes):
        into.append(Tally(outcome.id, plan.survey.slug, slot[2 * i], slot[2 * i + 1], group))
