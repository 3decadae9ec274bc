"""The columns of an export: the response columns, one per question, and what each means.

Shared by the CSV and JSON layouts (analysis.export) and the XLSX workbook
(analysis.export_xlsx), whose "columns" sheet is written from these descriptions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from forms.questions import question_type

#: The response columns every export starts with, and what each means.
RESPONSE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("response_id", "Heard's number for the response; stable, in the order stored"),
    ("survey", "The survey's short name (slug)"),
    ("version", "The version of the survey the respondent answered"),
    ("submitted_at", "When the response was stored (UTC)"),
    ("completed_on", "The date written on a paper questionnaire, where it differs"),
    ("audience", "The voice: child, parent_carer, staff, community or focus_group"),
    ("age_band", "The age band the survey is written for (children's surveys)"),
    ("language", "The language the survey was answered in"),
    ("mode", "online, paper (typed in by staff) or facilitated"),
    ("completed_with_help", "Who helped fill it in: nobody, parent_carer, worker, facilitator"),
    ("consent_to_quote", "yes or no to being quoted; blank where the survey did not ask"),
    ("campaign", "The link or QR code the response came through"),
    ("service", "The service or agency of that campaign"),
)
RESPONSE_COLUMN_NAMES = frozenset(c[0] for c in RESPONSE_COLUMNS)
LONG_COLUMNS: tuple[tuple[str, str], ...] = (
    *(c for c in RESPONSE_COLUMNS if c[0] not in ("completed_on", "campaign", "service")),
    ("question_id", "The question's id (see the columns sheet for its wording)"),
    ("value", "The answer: a choice value, a number, a date or (redacted) free text"),
    ("number_value", "The answer as a number, for number questions"),
)


@dataclass(frozen=True)
class Question:
    """One question column: the id, its latest wording and type, the versions asking it."""

    id: str
    text: str
    type: str
    versions: tuple[int, ...]

    @property
    def free_text(self) -> bool:
        """Typed text: redacted by default, withheld when flagged."""
        return question_type(self.type).free_text

    @property
    def multiple(self) -> bool:
        """Several answers at once (a list in JSON)."""
        return question_type(self.type).multiple

    @property
    def response_column(self) -> str | None:
        """The response column that already holds this answer, if any."""
        return question_type(self.type).response_column


def question_columns(versions: Iterable[tuple[int, Iterable[Mapping[str, Any]]]]) -> list[Question]:
    """One column per question id across every version, in the order first asked.

    versions: (version number, questions as dicts with ``id``, ``type``, ``text``), any
    order. A question's wording and type come from the latest version that asks it.
    """
    seen: dict[str, Question] = {}
    for number, questions in sorted(versions, key=lambda v: v[0]):
        for q in questions:
            before = seen.get(q["id"])
            asked = (before.versions if before else ()) + (number,)
            seen[q["id"]] = Question(q["id"], str(q.get("text", "")), str(q["type"]), asked)
    return list(seen.values())


def wide_questions(questions: Sequence[Question]) -> list[Question]:
    """The questions that get a column of their own in the wide layout: not those whose
    answer is already a response column (consent to quote, who helped)."""
    return [q for q in questions if q.response_column not in RESPONSE_COLUMN_NAMES]


def column_name(question: Question) -> str:
    """A question's wide column: its id, or ``answer_<id>`` where the id is a response column."""
    names = {c[0] for c in RESPONSE_COLUMNS}
    return f"answer_{question.id}" if question.id in names else question.id


def wide_header(questions: Sequence[Question]) -> list[str]:
    """The header of the wide format: response columns, then one per question."""
    return [c[0] for c in RESPONSE_COLUMNS] + [column_name(q) for q in wide_questions(questions)]


def long_header() -> list[str]:
    return [c[0] for c in LONG_COLUMNS]
