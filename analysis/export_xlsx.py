"""The XLSX export: one workbook with responses, outcomes, themes and a columns guide.

openpyxl's write-only mode spools each sheet's rows to a temporary file as they are
appended, so memory stays flat however many responses there are. Sheets:

    responses  one row per response (the wide format of :mod:`analysis.export`)
    outcomes   the outcome statements (the outcomes JSON, one row each)
    themes     mentions of each theme and their sentiment
    columns    what every column of the other sheets means
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from analysis.export import (
    RESPONSE_COLUMNS,
    Question,
    column_name,
    neutralise,
    wide_header,
    wide_questions,
)

OUTCOME_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "The outcome's id (shared by surveys that pool into one statement)"),
    ("statement", "The outcome statement"),
    ("survey", "The survey's slug, or 'pooled' for a row adding up several surveys"),
    ("period", "The reporting period"),
    ("group", "The breakdown this row is for (field=value), blank for everyone"),
    ("numerator", "Responses with a positive answer (blank when suppressed)"),
    ("denominator", "Responses whose answer counts (not 'prefer not to say' or 'don't know')"),
    ("percent", "numerator / denominator, 0-100, one decimal"),
    ("ci_low", "Lower bound of the Wilson score 95% interval, 0-100"),
    ("ci_high", "Upper bound of the Wilson score 95% interval, 0-100"),
    ("suppressed", "TRUE when the denominator is below the survey's minimum (min_n)"),
    ("change", "The change since the previous period, in words (two-proportion z-test)"),
)
THEME_COLUMNS: tuple[tuple[str, str], ...] = (
    ("theme", "The theme's id (see the methods note of the Board report)"),
    ("mentions", "Free-text answers that carry the theme (flagged texts left out)"),
    ("positive", "Of those analysed in English, the answers positive about the theme"),
    ("neutral", "Of those analysed in English, the answers neutral or mixed about the theme"),
    ("negative", "Of those analysed in English, the answers negative about the theme"),
    ("other_language", "Of the mentions, those in other languages: no sentiment is given"),
    ("share_positive", "positive / (mentions - other_language), 0-100"),
    ("share_negative", "negative / (mentions - other_language), 0-100"),
)
_BOLD = Font(bold=True)


def _cell(value: object) -> object:
    value = neutralise(value)
    if isinstance(value, str):
        # XML 1.0 cannot hold most control characters; openpyxl refuses them.
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _header(sheet: Any, names: Sequence[str]) -> None:
    cells = []
    for name in names:
        cell = WriteOnlyCell(sheet, value=str(_cell(name)))  # a name stays text
        cell.font = _BOLD
        cells.append(cell)
    sheet.append(cells)


def _group_text(group: object) -> str | None:
    if not group:
        return None
    if isinstance(group, Mapping):
        return ", ".join(f"{k}={v}" for k, v in group.items())
    return str(group)


def write_xlsx(
    target: str | IO[bytes],
    questions: Sequence[Question],
    responses: Iterable[Sequence[object]],
    outcomes: Iterable[Mapping[str, Any]] = (),
    themes: Iterable[Mapping[str, Any]] = (),
    progress: Callable[[int], object] | None = None,
) -> int:
    """Write the workbook to `target` (a path or a binary file); return the response rows.

    questions: the question columns (see :func:`analysis.export.question_columns`).
    responses: rows from :func:`analysis.export.wide_rows`.
    outcomes: outcome JSON objects; themes: mappings with the keys of THEME_COLUMNS.
    progress: called with 1 per response row written.
    """
    book = Workbook(write_only=True)
    sheet = book.create_sheet("responses")
    _header(sheet, wide_header(questions))
    count = 0
    for row in responses:
        sheet.append([_cell(v) for v in row])
        count += 1
        if progress:
            progress(1)
    sheet = book.create_sheet("outcomes")
    _header(sheet, [c[0] for c in OUTCOME_COLUMNS])
    for o in outcomes:
        values = [o.get(c[0]) for c in OUTCOME_COLUMNS]
        values[4] = _group_text(o.get("group"))
        sheet.append([_cell(v) for v in values])
    sheet = book.create_sheet("themes")
    _header(sheet, [c[0] for c in THEME_COLUMNS])
    for t in themes:
        sheet.append([_cell(t.get(c[0])) for c in THEME_COLUMNS])
    sheet = book.create_sheet("columns")
    _header(sheet, ["sheet", "column", "meaning"])
    for name, meaning in RESPONSE_COLUMNS:
        sheet.append(["responses", _cell(name), _cell(meaning)])
    for q in wide_questions(questions):
        versions = ", ".join(str(v) for v in q.versions)
        note = f"{q.text} ({q.type}; asked in version {versions})"
        if q.free_text:
            note += "; free text, redacted unless raw text was asked for"
        sheet.append(["responses", _cell(column_name(q)), _cell(note)])
    for name, columns in (("outcomes", OUTCOME_COLUMNS), ("themes", THEME_COLUMNS)):
        for column, meaning in columns:
            sheet.append([name, column, _cell(meaning)])
    book.save(target)
    return count


def xlsx_chunks(
    questions: Sequence[Question],
    responses: Iterable[Sequence[object]],
    outcomes: Iterable[Mapping[str, Any]] = (),
    themes: Iterable[Mapping[str, Any]] = (),
    chunk: int = 64 * 1024,
) -> Iterator[bytes]:
    """The workbook as byte chunks for an HTTP response.

    A zip file can only be finished once every sheet is written, so the workbook goes to
    a temporary file on disk first (never to memory), then is read back in chunks.
    """
    with tempfile.TemporaryFile() as spool:
        write_xlsx(spool, questions, responses, outcomes, themes)
        spool.seek(0)
        while data := spool.read(chunk):
            yield data
