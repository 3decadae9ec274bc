"""One XLSForm survey row -> one Heard question (as definition data, not yet validated)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from forms.xlsform_columns import make_ident, parse_parameters

Row = dict[str, Any]
#: reads a row's text in the primary language: (row, "label" or "hint") -> text
TextReader = Callable[[Row, str], "str | None"]
TRUE = frozenset({"yes", "true", "true()", "1"})
FALSE = frozenset({"", "no", "false", "false()", "0"})


def build_question(
    kind: str,
    argument: str,
    row: Row,
    number: int,
    text: TextReader,
    choices: dict[str, list[Row]],
    notes: list[str],
) -> tuple[dict[str, Any] | None, str | None]:
    """(question data, None), or (None, why the row cannot be kept).

    kind, argument: the normalised type and its list name (see normalise_type).
    number: the survey sheet row, for notes. choices: the choices sheet by list name.
    notes: where to say what was done on the author's behalf.
    """
    name = row.get("name", "")
    ident = make_ident(name) if name else ""
    if name and ident != name:
        notes.append(f"survey sheet row {number}: name {name!r} became id {ident!r}")
    question: dict[str, Any] = {"id": ident, "type": kind, "text": text(row, "label")}
    hint = text(row, "hint")
    if hint:
        question["hint"] = hint
    required = row.get("required", "").lower()
    if required in TRUE:
        question["required"] = True
    elif required not in FALSE:
        return None, f"required {row['required']!r} (a condition) is not supported"
    if kind in ("select_one", "select_multiple"):
        problem = _select(question, kind, argument, row, text, choices)
        if problem:
            return None, problem
    elif kind == "text":
        multiline = "multiline" in row.get("appearance", "").lower()
        question["type"] = "textarea" if multiline else "text"
    elif kind in ("integer", "decimal"):
        question["type"] = "number"
    elif kind == "range":
        _range(question, row, number, notes)
    return question, None


def _select(
    question: dict[str, Any],
    kind: str,
    argument: str,
    row: Row,
    text: TextReader,
    choices: dict[str, list[Row]],
) -> str | None:
    words = argument.split()
    if len(words) != 1:
        extra = " ".join(words[1:]) or "no list name"
        return f"type '{row['type']}' is not supported ({extra})"
    items = choices.get(words[0], [])
    values = [str(item.get("name", "")).strip() for item in items]
    if kind == "select_one" and sorted(values) == ["no", "yes"]:
        question["type"] = "yes_no"
        return None
    question["type"] = "single" if kind == "select_one" else "multi"
    question["choices"] = [
        {"value": value, "label": text(item, "label") or value}
        for value, item in zip(values, items, strict=True)
    ]
    return None


def _range(question: dict[str, Any], row: Row, number: int, notes: list[str]) -> None:
    params = parse_parameters(row.get("parameters", ""))
    start, end, step = (params.get(k, d) for k, d in (("start", "1"), ("end", "10"), ("step", "1")))
    if (start, end, step) in (("0", "10", "1"), ("0.0", "10.0", "1.0")):
        question["type"] = "scale0_10"
        return
    question["type"] = "number"
    try:
        question["min"], question["max"] = _number(start), _number(end)
    except ValueError:
        notes.append(f"survey sheet row {number}: range parameters {params} were not read")
    if step not in ("1", "1.0"):
        notes.append(f"survey sheet row {number}: range step {step} is not enforced")


def _number(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() else value
