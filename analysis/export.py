"""Exports as streaming generators: CSV (wide and long) and JSON, in constant memory.

The caller streams flat rows, one per answer, ordered by response id (a response with no
answers still gives one row, with the answer keys None). Each row is a mapping with:

    response_id, survey, version, submitted_at, completed_on, audience, age_band,
    language, mode, completed_with_help, consent_to_quote, campaign, service,
    alerted          the response has a safeguarding alert
    question_id, value, number_value     the answer (None when the response has none)
    redacted         the answer's redacted text from its text analysis (None if unanalysed)
    concern          the analyser flagged this answer (None if unanalysed)

Only consecutive rows of one response are held at a time. Free text follows
:func:`free_text_value`: redacted by default, raw only when asked for, and never a text
that was flagged, or any text of a response with a safeguarding alert.
Spreadsheet formula injection is neutralised in every text cell (:func:`neutralise`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import groupby
from typing import Any

#: What an export shows instead of a flagged text.
WITHHELD = "[withheld: safeguarding]"
#: What it shows for a text not analysed yet (so no redacted copy exists): run `heard analyse`.
NOT_REDACTED = "[withheld: not yet redacted]"
#: Characters that make a spreadsheet treat a cell as a formula (or shift it into one).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FREE_TEXT_TYPES = frozenset({"text", "textarea"})

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
        return self.type in FREE_TEXT_TYPES


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


def neutralise(value: object) -> object:
    """Prefix a text that a spreadsheet would read as a formula with an apostrophe.

    Numbers, dates and None pass through: they are written as values, never formulas.
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def free_text_value(row: Mapping[str, Any], raw: bool) -> str:
    """The text an export may show for a free-text answer row.

    Flagged (the answer's ``concern``, or the response's ``alerted``): :data:`WITHHELD`,
    even when `raw`. Otherwise the raw value when `raw`, else the redacted copy, or
    :data:`NOT_REDACTED` when the text has not been analysed yet.
    """
    if row.get("alerted") or row.get("concern"):
        return WITHHELD
    if raw:
        return str(row.get("value") or "")
    redacted = row.get("redacted")
    return NOT_REDACTED if redacted is None else str(redacted)


def _number(value: Any) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)


def _answer_value(row: Mapping[str, Any], question: Question | None, raw: bool) -> object:
    if question is not None and question.free_text:
        return free_text_value(row, raw)
    if row.get("number_value") is not None:
        return _number(row["number_value"])
    return row.get("value")


def _consent(value: object) -> str | None:
    return None if value is None else ("yes" if value else "no")


def _head(row: Mapping[str, Any], names: Sequence[str]) -> list[object]:
    out = [row.get(name) for name in names]
    if "consent_to_quote" in names:
        i = names.index("consent_to_quote")
        out[i] = _consent(out[i])
    return out


def by_response(rows: Iterable[Mapping[str, Any]]) -> Iterator[list[Mapping[str, Any]]]:
    """Group consecutive rows of one response (rows must be ordered by response id)."""
    for _, group in groupby(rows, key=lambda r: r["response_id"]):
        yield list(group)


#: Question types whose answer is already a response column (completed_with_help,
#: consent_to_quote): the wide layout does not repeat them.
RESPONSE_TYPES = frozenset({"completed_with_help", "consent_to_quote"})


def wide_questions(questions: Sequence[Question]) -> list[Question]:
    """The questions that get a column of their own in the wide layout."""
    return [q for q in questions if q.type not in RESPONSE_TYPES]


def column_name(question: Question) -> str:
    """A question's wide column: its id, or ``answer_<id>`` where the id is a response column."""
    names = {c[0] for c in RESPONSE_COLUMNS}
    return f"answer_{question.id}" if question.id in names else question.id


def wide_header(questions: Sequence[Question]) -> list[str]:
    """The header of the wide format: response columns, then one per question."""
    return [c[0] for c in RESPONSE_COLUMNS] + [column_name(q) for q in wide_questions(questions)]


def wide_rows(
    rows: Iterable[Mapping[str, Any]], questions: Sequence[Question], raw: bool = False
) -> Iterator[list[object]]:
    """One list of cell values per response, matching :func:`wide_header`.

    A multiple-choice answer (several rows for one question) is joined with "; ".
    """
    names = [c[0] for c in RESPONSE_COLUMNS]
    questions = wide_questions(questions)
    position = {q.id: i for i, q in enumerate(questions)}
    for group in by_response(rows):
        cells: list[list[object]] = [[] for _ in questions]
        for row in group:
            qid = row.get("question_id")
            if qid in position:
                i = position[qid]
                cells[i].append(_answer_value(row, questions[i], raw))
        yield _head(group[0], names) + [
            None if not c else c[0] if len(c) == 1 else "; ".join(str(v) for v in c) for c in cells
        ]


def long_header() -> list[str]:
    return [c[0] for c in LONG_COLUMNS]


def long_rows(
    rows: Iterable[Mapping[str, Any]], questions: Sequence[Question], raw: bool = False
) -> Iterator[list[object]]:
    """One list of cell values per answer, matching :func:`long_header`."""
    names = [c[0] for c in LONG_COLUMNS[:-3]]
    kind = {q.id: q for q in questions}
    for row in rows:
        qid = row.get("question_id")
        if qid is None:
            continue
        question = kind.get(qid)
        value = _answer_value(row, question, raw)
        yield _head(row, names) + [qid, value, _number(row.get("number_value"))]


def _csv_cell(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return neutralise(value)


def csv_chunks(
    header: Sequence[str], rows: Iterable[Sequence[object]], bom: bool = False, batch: int = 500
) -> Iterator[str]:
    """CSV text in chunks of about `batch` rows: the header, then every row.

    bom: start with a UTF-8 byte order mark, which spreadsheet programs need to read
    non-English text correctly (downloads use it; the command line does not).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if bom:
        buffer.write("\ufeff")
    writer.writerow([neutralise(h) for h in header])
    count = 0
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
        count += 1
        if count % batch == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _json_default(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot export {type(value).__name__}")


def json_records(
    rows: Iterable[Mapping[str, Any]], questions: Sequence[Question], raw: bool = False
) -> Iterator[dict[str, Any]]:
    """One dict per response: the response columns and ``answers`` {question id: value}.

    A multiple-choice answer is a list; other answers a single value. consent_to_quote
    stays true, false or null.
    """
    names = [c[0] for c in RESPONSE_COLUMNS]
    kind = {q.id: q for q in questions}
    multi = {q.id for q in questions if q.type == "multi"}
    for group in by_response(rows):
        record: dict[str, Any] = {name: group[0].get(name) for name in names}
        answers: dict[str, Any] = {}
        for row in group:
            qid = row.get("question_id")
            if qid is None:
                continue
            value = _answer_value(row, kind.get(qid), raw)
            if qid in multi:
                answers.setdefault(qid, []).append(value)
            else:
                answers[qid] = value
        record["answers"] = answers
        yield record


def json_chunks(records: Iterable[Mapping[str, Any]], batch: int = 200) -> Iterator[str]:
    """A JSON array, streamed: "[", then the records separated by commas, then "]"."""
    parts: list[str] = ["["]
    first = True
    for record in records:
        parts.append(("\n" if first else ",\n") + json.dumps(record, default=_json_default))
        first = False
        if len(parts) >= batch:
            yield "".join(parts)
            parts = []
    parts.append("\n]\n")
    yield "".join(parts)
