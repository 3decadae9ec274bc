"""Exports as streaming generators: CSV (wide and long) and JSON, in constant memory.

The caller streams :data:`Record` s ordered by response id: a response's columns as a
mapping (``response_id, survey, version, submitted_at, completed_on, audience,
age_band, language, mode, completed_with_help, consent_to_quote, campaign, service``)
with its answers (:class:`AnswerRow`, or database rows with the same names). Only one
response is held at a time. Free text follows :func:`free_text_value`: redacted by
default, raw only when asked for, and only where the answer's ``shown`` says the
safeguarding rule allows it (the caller decides that: never a text that was flagged or
not yet analysed, nor any text of a response with a safeguarding alert). Formula
injection is neutralised in every text cell (:func:`neutralise`) of the CSV; the XLSX
writer does the same.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from itertools import groupby
from typing import Any, NamedTuple

from analysis.export_columns import (
    LONG_COLUMNS,
    RESPONSE_COLUMNS,
    Question,
    column_name,
    long_header,
    question_columns,
    wide_header,
    wide_questions,
)

__all__ = [
    "LONG_COLUMNS",
    "NOT_REDACTED",
    "RESPONSE_COLUMNS",
    "WITHHELD",
    "AnswerRow",
    "Question",
    "Record",
    "column_name",
    "csv_chunks",
    "free_text_value",
    "json_chunks",
    "json_records",
    "long_header",
    "long_rows",
    "neutralise",
    "question_columns",
    "records_from_rows",
    "wide_header",
    "wide_questions",
    "wide_rows",
]

#: What an export shows instead of a flagged text.
WITHHELD = "[withheld: safeguarding]"
#: What it shows for a text not analysed yet (not checked for a concern, and no redacted
#: copy exists): run `heard analyse`.
NOT_REDACTED = "[withheld: not yet analysed]"
#: Characters that make a spreadsheet treat a cell as a formula (or shift it into one).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_SET = frozenset(FORMULA_START)


def neutralise(value: object) -> object:
    """Prefix a text that a spreadsheet would read as a formula with an apostrophe.

    Numbers, dates and None pass through: they are written as values, never formulas.
    """
    if type(value) is str and value[:1] in _FORMULA_SET:
        return "'" + value
    return value


class AnswerRow(NamedTuple):
    """One stored answer as an export reads it (a database row with these names will do).

    redacted: the redacted copy from the answer's text analysis (None if unanalysed).
    shown: the safeguarding rule lets this text be shown (False or None: it may not).
    """

    question_id: str
    value: str
    number_value: float | None = None
    redacted: str | None = None
    shown: bool | None = None


#: One response: its columns (a mapping with the RESPONSE_COLUMNS keys) and its answers
#: in order.
Record = tuple[Mapping[str, Any], Sequence[Any]]


def free_text_value(answer: Any, raw: bool) -> str:
    """The text an export may show for a free-text `answer` (see :class:`AnswerRow`).

    Only where ``shown`` is true: the raw value when `raw`, else the redacted copy.
    Otherwise :data:`NOT_REDACTED` for a text not analysed yet and :data:`WITHHELD` for
    the rest, even when `raw`.
    """
    if not answer.shown:
        return NOT_REDACTED if answer.redacted is None else WITHHELD
    if raw:
        return str(answer.value or "")
    return str(answer.redacted or "")


def _number(value: Any) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)


def _answer_value(answer: Any, question: Question | None, raw: bool) -> object:
    if question is not None and question.free_text:
        return free_text_value(answer, raw)
    if answer.number_value is not None:
        return _number(answer.number_value)
    return answer.value


def _consent(value: object) -> str | None:
    return None if value is None else ("yes" if value else "no")


def _head(response: Mapping[str, Any], names: Sequence[str]) -> list[object]:
    out = [response.get(name) for name in names]
    if "consent_to_quote" in names:
        i = names.index("consent_to_quote")
        out[i] = _consent(out[i])
    return out


def records_from_rows(rows: Iterable[Mapping[str, Any]]) -> Iterator[Record]:
    """Records from flat rows (one per answer, ordered by response id) with every key.

    A flat row holds the response's columns plus an answer's ``question_id``,
    ``value``, ``number_value``, ``redacted`` and ``shown``; a
    response without answers comes as one row whose ``question_id`` is None.
    """
    for _, group in groupby(rows, key=lambda r: r["response_id"]):
        answers = list(group)
        yield answers[0], [
            AnswerRow(
                a["question_id"], a["value"], a.get("number_value"),
                a.get("redacted"), a.get("shown"),
            )
            for a in answers
            if a.get("question_id") is not None
        ]  # fmt: skip


def wide_rows(
    records: Iterable[Record], questions: Sequence[Question], raw: bool = False
) -> Iterator[list[object]]:
    """One list of cell values per response, matching :func:`wide_header`.

    A multiple-choice answer (several answers to one question) is joined with "; ".
    """
    names = [c[0] for c in RESPONSE_COLUMNS]
    questions = wide_questions(questions)
    position = {q.id: i for i, q in enumerate(questions)}
    for response, answers in records:
        cells: list[object] = [None] * len(questions)
        for answer in answers:
            i = position.get(answer.question_id)
            if i is None:
                continue
            value = _answer_value(answer, questions[i], raw)
            before = cells[i]
            cells[i] = value if before is None else f"{before}; {value}"
        yield _head(response, names) + cells


def long_rows(
    records: Iterable[Record],
    questions: Sequence[Question],
    raw: bool = False,
    csv_ready: bool = False,
) -> Iterator[list[object]]:
    """One list of cell values per answer, matching :func:`long_header`.

    csv_ready: give cells already as :func:`csv_chunks` writes them (pass ``ready=True``
    there): a response's columns are then converted once, not once per answer.
    """
    names = [c[0] for c in LONG_COLUMNS[:-3]]
    kind = {q.id: q for q in questions}
    cell = _csv_cell if csv_ready else _same
    for response, answers in records:
        head = [cell(v) for v in _head(response, names)]
        for answer in answers:
            value = _answer_value(answer, kind.get(answer.question_id), raw)
            yield head + [cell(answer.question_id), cell(value), _number(answer.number_value)]


def _same(value: object) -> object:
    return value


def _csv_cell(value: object) -> object:
    if type(value) is str:  # most cells: test the cheap case first
        return "'" + value if value[:1] in _FORMULA_SET else value
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return neutralise(value)


def csv_chunks(
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    bom: bool = False,
    batch: int = 500,
    ready: bool = False,
) -> Iterator[str]:
    """CSV text in chunks of about `batch` rows: the header, then every row.

    bom: start with a UTF-8 byte order mark, which spreadsheet programs need to read
    non-English text correctly (downloads use it; the command line does not).
    ready: the rows' cells are already neutralised and formatted (see :func:`long_rows`).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if bom:
        buffer.write("\ufeff")
    writer.writerow([neutralise(h) for h in header])
    count = 0
    for row in rows:
        writer.writerow(row if ready else [_csv_cell(v) for v in row])
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
    records: Iterable[Record], questions: Sequence[Question], raw: bool = False
) -> Iterator[dict[str, Any]]:
    """One dict per response: the response columns and ``answers`` {question id: value}.

    A multiple-choice answer is a list; other answers a single value. consent_to_quote
    stays true, false or null.
    """
    names = [c[0] for c in RESPONSE_COLUMNS]
    kind = {q.id: q for q in questions}
    multi = {q.id for q in questions if q.multiple}
    for response, answers in records:
        record: dict[str, Any] = {name: response.get(name) for name in names}
        given: dict[str, Any] = {}
        for answer in answers:
            qid = answer.question_id
            value = _answer_value(answer, kind.get(qid), raw)
            if qid in multi:
                given.setdefault(qid, []).append(value)
            else:
                given[qid] = value
        record["answers"] = given
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
