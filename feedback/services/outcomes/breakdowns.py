"""What an outcome table can be broken down by, and the SQL for each choice.

A breakdown is either a response attribute (survey, age band, campaign, service,
language, mode, completed with help) or the id of a closed question of the survey.
An attribute name wins over a question of the same id.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, SQLColumnExpression, and_
from sqlalchemy.orm import aliased

from feedback.models import Answer, Campaign, Response
from feedback.models.outcome_indexes import short_value
from feedback.models.response import MODES
from forms.schema import PREFER_NOT, QUESTION_TYPES, Definition

#: Response attributes an outcome table can be broken down by, in menu order.
ATTRIBUTES = (
    "survey",
    "age_band",
    "campaign",
    "service",
    "language",
    "mode",
    "completed_with_help",
)


class BadBreakdown(ValueError):
    """The --by field is neither a response attribute nor a closed question."""


@dataclass(frozen=True)
class Breakdown:
    """A validated breakdown.

    field: the name given (attribute or question id). question: True for a question.
    partitions: every response falls in exactly one group, so the groups add up to
    everyone (False only for a multi-choice question, where one response may be in
    several groups and "everyone" needs its own count).
    order: values in the order to show them (a question's choices).
    """

    field: str
    question: bool
    partitions: bool = True
    order: tuple[str, ...] = ()


def closed_questions(definitions: Sequence[Definition]) -> dict[str, str]:
    """Closed question id -> question text, over *definitions*, first wins."""
    found: dict[str, str] = {}
    for definition in definitions:
        for question in definition.questions():
            if question.closed and question.id not in found:
                found[question.id] = question.text
    return found


def stored_question_closed(question: dict[str, Any]) -> bool:
    """Whether a question of a stored definition (JSON) has choice values for answers."""
    kind = QUESTION_TYPES.get(question.get("type", ""))
    return kind.closed if kind else bool(question.get("choices"))


def resolve(by: str | None, definitions: Sequence[Definition]) -> Breakdown | None:
    """Check *by* against the attributes and the closed questions of *definitions*.

    Raises BadBreakdown naming what is allowed.
    """
    if by is None or by == "":
        return None
    if by in ATTRIBUTES:
        return Breakdown(by, question=False, order=MODES if by == "mode" else ())
    for definition in definitions:
        for question in definition.questions():
            if question.id == by and question.closed:
                order = tuple(c.value for c in question.choices) + (PREFER_NOT,)
                return Breakdown(
                    by, question=True, partitions=question.type != "multi", order=order
                )
    questions = ", ".join(closed_questions(definitions)) or "none"
    raise BadBreakdown(
        f"cannot break down by {by!r}: use one of {', '.join(ATTRIBUTES)}, "
        f"or a closed question of the survey ({questions})"
    )


def group_column(
    breakdown: Breakdown, query: Select, closed_in: Sequence[int] | None = None
) -> tuple[Select, SQLColumnExpression[Any]]:
    """Join what *breakdown* needs onto *query* and return the column to group by.

    The query must select from Response. "survey" is not handled here: each query
    covers one survey, so its groups are the overall figures. For a question,
    *closed_in* names the versions where it is closed (None: every version): answers
    of other versions, where the same id may have been free text, are never joined, so
    their responses fall in "not answered" and the groups still add up to everyone.
    """
    if breakdown.question:
        other = aliased(Answer, name="by_answer")
        on = [
            other.response_id == Response.id,
            other.question_id == breakdown.field,
            short_value(other.value),  # lets the partial covering index serve the join
        ]
        if closed_in is not None:
            on.append(Response.version_id.in_(list(closed_in)))
        query = query.outerjoin(other, and_(*on))
        return query, other.value
    if breakdown.field in ("campaign", "service"):
        query = query.outerjoin(Campaign, Campaign.id == Response.campaign_id)
        return query, Campaign.name if breakdown.field == "campaign" else Campaign.service
    column = {
        "age_band": Response.age_band,
        "language": Response.language,
        "mode": Response.mode,
        "completed_with_help": Response.completed_with_help,
    }[breakdown.field]
    return query, column
