"""A Section 11 round's results as an XLSX workbook (openpyxl write-only, as the survey
exports): the heat map, every rating with its evidence and actions, and the gaps.

Agencies write the evidence and actions: a text a spreadsheet would read as a formula
is neutralised (analysis.export.neutralise), and characters XML cannot hold are dropped.
"""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from sqlalchemy import select

from analysis.export import neutralise
from feedback.extensions import db
from feedback.models import Agency, AuditRating, AuditReturn
from feedback.services.assurance.results import Results

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_BOLD = Font(bold=True)


def _cell(value: object) -> object:
    value = neutralise(value)
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def _header(sheet: Any, names: list[str]) -> None:
    cells = []
    for name in names:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = _BOLD
        cells.append(cell)
    sheet.append(cells)


def results_workbook(found: Results) -> bytes:
    """The workbook's bytes: sheets "heat map", "ratings" and "evidence gaps"."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("heat map")
    _header(sheet, ["agency", "state", "standard", "self_rating", "agreed_rating", "change"])
    for row in found.rows:
        for standard, cell in zip(found.standards, row.cells, strict=True):
            sheet.append(
                [
                    _cell(v)
                    for v in (
                        row.agency,
                        row.state,
                        standard.title,
                        cell.rating,
                        cell.agreed,
                        cell.change,
                    )
                ]
            )
    sheet = book.create_sheet("ratings")
    _header(
        sheet,
        [
            "agency",
            "standard",
            "statement_id",
            "statement",
            "rating",
            "agreed_rating",
            "evidence",
            "actions",
        ],
    )
    where = {q.id: (s.title, q.text) for s in found.standards for q in s.questions}
    rows = db.session.execute(
        select(
            Agency.name,
            AuditRating.question_id,
            AuditRating.rating,
            AuditRating.agreed_rating,
            AuditRating.evidence,
            AuditRating.actions,
        )
        .join(AuditReturn, AuditReturn.id == AuditRating.return_id)
        .join(Agency, Agency.id == AuditReturn.agency_id)
        .where(AuditReturn.round_id == found.round.id, AuditReturn.state != "draft")
        .order_by(Agency.name, AuditRating.id)
    )
    for name, qid, rating, agreed, evidence, actions in rows:
        title, text = where.get(qid, ("", qid))
        sheet.append(
            [_cell(v) for v in (name, title, qid, text, rating, agreed, evidence, actions)]
        )
    sheet = book.create_sheet("evidence gaps")
    _header(sheet, ["agency", "standard", "statement"])
    for gap in found.gaps:
        sheet.append([_cell(v) for v in gap])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
