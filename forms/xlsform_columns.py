"""The columns and types of an XLSForm, as Heard reads them.

XLSForm spells the same thing several ways (``select one`` and ``select_one``,
``begin group`` and ``begin_group``) and puts one column per language
(``label::English (en)``). These helpers name things one way, so the converter
in :mod:`forms.xlsform_rows` can be plain.
"""

from __future__ import annotations

import re
from typing import Literal

#: Types that become a Heard question, a page boundary or page text.
HANDLED_TYPES = frozenset(
    {
        "select_one",
        "select_multiple",
        "text",
        "integer",
        "decimal",
        "date",
        "range",
        "note",
        "begin_group",
        "end_group",
        "begin_repeat",
        "end_repeat",
    }
)
#: XLSForm metadata a phone records by itself; Heard stores nothing of the kind
#: with a response (privacy by default), so these rows are reported, not kept.
METADATA_TYPES = frozenset(
    {
        "start",
        "end",
        "today",
        "deviceid",
        "imei",
        "username",
        "email",
        "phonenumber",
        "simserial",
        "subscriberid",
        "audit",
        "start-geopoint",
        "background-geopoint",
        "background-audio",
    }
)
_ALIASES = {
    "select1": "select_one",
    "select_all_that_apply": "select_multiple",
    "begin_loop": "begin_repeat",
    "end_loop": "end_repeat",
    "string": "text",
    "int": "integer",
}
_SELECT_PREFIXES = (
    ("select_one ", "select_one"),
    ("select one ", "select_one"),
    ("select1 ", "select_one"),
    ("select_multiple ", "select_multiple"),
    ("select multiple ", "select_multiple"),
    ("select all that apply ", "select_multiple"),
)
#: Columns that only change how ODK lays a question out or words its error
#: messages; Heard has its own layout and messages, so they are left out quietly.
LAYOUT_COLUMNS = frozenset({"appearance", "required_message", "guidance_hint"})
#: Columns the converter reads on the survey sheet.
READ_COLUMNS = frozenset({"type", "name", "label", "caption", "hint", "required", "relevant"})
_ENGLISH_NAMES = {"english": "en"}


def normalise_type(raw: str) -> tuple[str, str]:
    """(kind, argument): ``"select_one yes_no"`` -> ``("select_one", "yes_no")``.

    The argument is the list name (and anything after it) of a select; empty otherwise.
    """
    text = " ".join(raw.strip().split())
    lower = text.lower()
    for prefix, kind in _SELECT_PREFIXES:
        if lower.startswith(prefix):
            return kind, text[len(prefix) :].strip()
    kind = lower.replace(" ", "_")
    return _ALIASES.get(kind, kind), ""


def base_column(column: str) -> str:
    """``"label::English (en)"`` -> ``"label"``; ``"relevance"`` -> ``"relevant"``."""
    base = column.split("::", 1)[0].strip().lower()
    return {"relevance": "relevant", "caption": "label"}.get(base, base)


def is_bookkeeping(column: str) -> bool:
    """Columns KoboToolbox adds for its own records (``$kuid``, ``kobo--...``)."""
    return column.startswith("$") or column.startswith("kobo--")


def language_of(column: str) -> str | Literal[False] | None:
    """The language code of a ``label::...`` or ``hint::...`` column.

    None for the plain column (the form's default language); False when the
    column names a language without a two-letter code Heard can use.
    """
    if "::" not in column:
        return None
    name = column.split("::", 1)[1].strip()
    match = re.search(r"\(\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?\s*\)\s*$", name)
    code = match.group(1) if match else _ENGLISH_NAMES.get(name.lower(), name)
    code = code.lower()
    return code if re.fullmatch(r"[a-z]{2}", code) else False


def parse_parameters(text: str) -> dict[str, str]:
    """``"start=0 end=10 step=1"`` -> ``{"start": "0", "end": "10", "step": "1"}``."""
    out: dict[str, str] = {}
    for part in re.split(r"[\s;,]+", text.strip()):
        if "=" in part:
            key, value = part.split("=", 1)
            out[key.strip().lower()] = value.strip()
    return out


def make_ident(name: str) -> str:
    """A Heard question id from an XLSForm name: lowercase letters, digits and _."""
    ident = re.sub(r"[^a-z0-9_]+", "_", name.strip().lower()).strip("_")
    if not ident or not ident[0].isalpha():
        ident = "q_" + ident
    return ident[:63]


def make_slug(form_id: str) -> str:
    """A Heard slug from an XLSForm form_id: lowercase letters, digits and -."""
    return re.sub(r"[^a-z0-9]+", "-", form_id.strip().lower()).strip("-")[:63]
