"""Importing an XLSForm workbook (.xlsx, the format of ODK and KoboToolbox).

pyxform reads the workbook and checks it is a well-formed XLSForm (its messages
name the row); :class:`forms.xlsform_rows.SurveyRows` turns the rows into Heard
definition data; and the result goes through the same validation as a YAML file
(:func:`forms.loader.parse_definition`), so an imported survey obeys every rule a
written one does. Mapping: select_one -> single (yes_no for a yes/no list),
select_multiple -> multi, text -> text (textarea when its appearance is
multiline), integer and decimal -> number, date -> date, range -> scale0_10 for
0-10 else number with min and max, note -> description or hint, groups -> pages,
simple ``relevant`` -> show_if, ``label::Language (xx)`` columns -> languages.

Everything else is listed row by row in :attr:`XLSFormImport.unsupported`; an
import with such rows fails unless the caller asks to skip them.

Heard needs an audience and a consent text, which XLSForm does not have: the
settings sheet may give them in columns ``audience``, ``consent``,
``description``, ``age_band`` and ``min_n``; otherwise the defaults below are used
and said so in :attr:`XLSFormImport.notes`.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any

from forms.loader import DefinitionError, parse_definition
from forms.schema import Definition
from forms.xlsform_columns import base_column, language_of, make_slug
from forms.xlsform_rows import Languages, SurveyRows

#: Largest workbook accepted, unpacked: a real survey is a few hundred KB, and an
#: .xlsx is a zip file, so a small upload could otherwise unpack into gigabytes.
MAX_UNPACKED = 20 * 1024 * 1024
DEFAULT_AUDIENCE = "community"
DEFAULT_CONSENT = (
    "Taking part is your choice. You can stop at any time and skip any question "
    "that is not marked as needed. Your answers are used to improve services."
)
#: Settings-sheet columns Heard reads besides form_id and form_title.
HEARD_SETTINGS = ("audience", "consent", "description", "age_band", "min_n", "kind")


class XLSFormError(DefinitionError):
    """An XLSForm could not be imported.

    ``unsupported`` holds the row-by-row list of what Heard cannot keep (empty when
    the failure is something else); ``problems`` holds every message, those first.
    """

    def __init__(self, problems: list[str], unsupported: list[str]) -> None:
        super().__init__(problems)
        self.unsupported = unsupported


@dataclass
class XLSFormImport:
    """What converting a workbook found, besides the definition itself.

    data: the Heard definition data (before validation).
    unsupported: one message per row (or column) that could not be kept.
    notes: things done on the author's behalf (defaults, renamed ids).
    translations: language code -> English text -> translated text, from the
        ``label::Language (xx)`` columns, for the translation catalogs.
    """

    data: dict[str, Any]
    unsupported: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    translations: dict[str, dict[str, str]] = field(default_factory=dict)
    rows_of: dict[tuple[int, int], int] = field(default_factory=dict)


def _read(content: bytes, source: str) -> Any:
    """The workbook's sheets as pyxform reads them, checked by pyxform."""
    from pyxform.errors import PyXFormError
    from pyxform.xls2json import workbook_to_json
    from pyxform.xls2json_backends import get_xlsform

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise XLSFormError([f"{source}: not an .xlsx workbook"], []) from None
    if unpacked > MAX_UNPACKED:
        raise XLSFormError([f"{source}: the workbook is too large ({unpacked} bytes unpacked)"], [])
    try:
        workbook = get_xlsform(content, file_type=".xlsx")
        # pyxform's own checks (list names, duplicate names, group nesting...).
        workbook_to_json(workbook_dict=copy.deepcopy(workbook), warnings=[])
    except PyXFormError as exc:
        raise XLSFormError([f"{source}: {exc}"], []) from None
    except Exception as exc:  # a damaged file can fail deep inside openpyxl
        raise XLSFormError([f"{source}: cannot read the workbook ({exc})"], []) from None
    if not workbook.survey:
        raise XLSFormError([f"{source}: the workbook has no 'survey' sheet rows"], [])
    return workbook


def _languages(
    columns: list[str], default_language: str, report: list[tuple[int, str]]
) -> Languages:
    """Pick the English (else default, else first) label column; the rest are translations."""
    found: dict[str, dict[str | None, str]] = {"label": {}, "hint": {}}
    for column in columns:
        base = base_column(column)
        if base not in found:
            continue
        code = language_of(column)
        if code is False:
            report.append(
                (
                    1,
                    f"column '{column}' has no two-letter language code; name it like "
                    f"{column.split('::')[0]}::Cymraeg (cy)",
                )
            )
            continue
        found[base].setdefault(code, column)
    labels = found["label"]
    default = language_of(f"x::{default_language}") if default_language else None
    default = default or "en"
    if "en" in labels:
        primary = "en"
    elif None in labels:
        primary = default
    else:
        primary = next((c for c in labels if c), "en")
    main: dict[str, str] = {}
    others: dict[str, list[tuple[str, str]]] = {}
    for base, columns_by_code in found.items():
        for code, column in columns_by_code.items():
            effective = code or default
            if effective == primary and base not in main:
                main[base] = column
            elif effective != primary:
                others.setdefault(base, []).append((effective, column))
    return Languages(primary, main, others)


def convert_workbook(content: bytes, source: str) -> XLSFormImport:
    """Convert the .xlsx *content* into Heard definition data, without validating it.

    source: the file name, shown at the start of every message.
    Raises XLSFormError when the file is not a readable, well-formed XLSForm.
    """
    workbook = _read(content, source)
    settings = {
        k.strip().lower(): str(v).strip() for k, v in (workbook.settings or [{}])[0].items()
    }
    columns = list((workbook.survey_header or [{}])[0])
    column_problems: list[tuple[int, str]] = []
    languages = _languages(columns, settings.get("default_language", ""), column_problems)
    lists: dict[str, list[dict[str, Any]]] = {}
    for row in workbook.choices or []:
        if row.get("list_name"):
            lists.setdefault(str(row["list_name"]).strip(), []).append(row)
    rows = SurveyRows(choices=lists, languages=languages)
    rows.unsupported.extend(column_problems)
    rows.walk(list(workbook.survey))
    result = XLSFormImport(
        data={}, notes=rows.notes, translations=rows.translations, rows_of=rows.rows_of
    )
    result.unsupported = [
        f"{source}: survey sheet row {number}: {message}"
        for number, message in sorted(rows.unsupported, key=lambda item: item[0])
    ]
    result.data = _top(settings, rows, source, result.notes)
    return result


def _top(
    settings: dict[str, str], rows: SurveyRows, source: str, notes: list[str]
) -> dict[str, Any]:
    stem = FilePath(source).stem
    form_id = settings.get("form_id") or stem
    slug = make_slug(form_id)
    if slug != form_id:
        notes.append(f"form_id {form_id!r} became the slug {slug!r}")
    data: dict[str, Any] = {
        "slug": slug,
        "title": settings.get("form_title") or form_id,
        "audience": settings.get("audience") or DEFAULT_AUDIENCE,
        "consent": settings.get("consent") or DEFAULT_CONSENT,
        "languages": list(
            dict.fromkeys(
                [rows.languages.primary] + [c for c, _ in rows.languages.others.get("label", [])]
            )
        ),
        "pages": rows.pages,
    }
    if not settings.get("audience"):
        notes.append(f"the settings sheet gives no audience; it is {DEFAULT_AUDIENCE!r}")
    if not settings.get("consent"):
        notes.append("the settings sheet gives no consent text; Heard's standard one is used")
    description = settings.get("description") or " ".join(rows.description)
    if description:
        data["description"] = description
    for key in ("age_band", "kind"):
        if settings.get(key):
            data[key] = settings[key]
    if settings.get("min_n"):
        data["min_n"] = int(settings["min_n"]) if settings["min_n"].isdigit() else settings["min_n"]
    return data


_LOCATED = re.compile(r"pages\[(\d+)\]\.questions\[(\d+)\]\.?([^:]*):")


def _locate(message: str, rows_of: dict[tuple[int, int], int]) -> str:
    """Say a validation problem's spreadsheet row instead of its place in the converted data."""

    def replace(match: re.Match[str]) -> str:
        row = rows_of.get((int(match.group(1)), int(match.group(2))))
        if row is None:
            return match.group(0)
        # Name the spreadsheet's own columns: Heard's `text` is XLSForm's label.
        key = match.group(3)
        key = {"text": "label", "id": "name"}.get(key, key)
        detail = f" ({key})" if key else ""
        return f"survey sheet row {row}{detail}:"

    return _LOCATED.sub(replace, message, count=1)


def load_workbook(
    content: bytes, source: str, skip_unsupported: bool = False
) -> tuple[Definition, XLSFormImport]:
    """Import .xlsx *content* as a validated Definition.

    source: the file name shown in messages.
    skip_unsupported: import the rest when some rows are unsupported (they are
        listed in the returned import's ``unsupported``); otherwise such rows make
        the import fail with XLSFormError listing them.
    """
    result = convert_workbook(content, source)
    problems: list[str] = []
    definition = None
    try:
        definition = parse_definition(result.data, source)
    except DefinitionError as exc:
        problems = [_locate(p, result.rows_of) for p in exc.problems]
    blocking = [] if skip_unsupported else result.unsupported
    if blocking or problems:
        raise XLSFormError(blocking + problems, blocking)
    assert definition is not None
    return definition, result


def load_xlsform(path: str | FilePath, skip_unsupported: bool = False) -> Definition:
    """Read and import the XLSForm file at *path* (see :func:`load_workbook`)."""
    path = FilePath(path)
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise DefinitionError([f"{path}: cannot read the file: {exc.strerror}"]) from None
    return load_workbook(content, str(path), skip_unsupported)[0]


__all__ = [
    "XLSFormError",
    "XLSFormImport",
    "convert_workbook",
    "load_workbook",
    "load_xlsform",
]
