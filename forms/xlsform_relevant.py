"""Turning an XLSForm ``relevant`` expression into a Heard ``show_if``.

Heard's branching is deliberately small: show a question when an earlier choice
was (or was not) picked. So only the XLSForm comparisons that say exactly that
are converted::

    ${q} = 'v'                      -> {question: q, equals: v}
    ${q} != 'v'                     -> {question: q, not: v}
    selected(${q}, 'v')             -> {question: q, equals: v}
    not(selected(${q}, 'v'))        -> {question: q, not: v}
    ${q} = 'a' or ${q} = 'b' ...    -> {question: q, in: [a, b]}  (one question only)

Anything else (and, arithmetic, functions, other questions mixed in) is reported
by the caller as unsupported rather than guessed at.
"""

from __future__ import annotations

import re

_NAME = r"\$\{\s*([A-Za-z_][\w.-]*)\s*\}"
_VALUE = r"""(?:'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?))"""
_COMPARE = re.compile(rf"{_NAME}\s*(=|!=)\s*{_VALUE}")
_SELECTED = re.compile(rf"selected\(\s*{_NAME}\s*,\s*{_VALUE}\s*\)")
_NOT_SELECTED = re.compile(rf"not\(\s*selected\(\s*{_NAME}\s*,\s*{_VALUE}\s*\)\s*\)")
_OR = re.compile(r"\s+or\s+")


def _value(match: re.Match[str], first: int) -> str:
    for group in (first, first + 1, first + 2):
        if match.group(group) is not None:
            return match.group(group).strip()
    return ""


def _one(expression: str) -> tuple[str, str, str] | None:
    """(name, op, value) for a single comparison, or None when it is not one."""
    text = expression.strip()
    while text.startswith("(") and text.endswith(")") and _balanced(text[1:-1]):
        text = text[1:-1].strip()
    if match := _NOT_SELECTED.fullmatch(text):
        return match.group(1), "not", _value(match, 2)
    if match := _SELECTED.fullmatch(text):
        return match.group(1), "equals", _value(match, 2)
    if match := _COMPARE.fullmatch(text):
        op = "equals" if match.group(2) == "=" else "not"
        return match.group(1), op, _value(match, 3)
    return None


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def parse_relevant(expression: str) -> tuple[str, str, tuple[str, ...]] | None:
    """The (question name, op, values) an XLSForm *expression* means, or None.

    op is one of Heard's show_if operators: ``equals``, ``not`` or ``in``. None
    means the expression is more than a simple comparison and cannot be converted.
    """
    parts = _OR.split(expression.strip())
    if len(parts) == 1:
        single = _one(parts[0])
        return (single[0], single[1], (single[2],)) if single else None
    found = [_one(part) for part in parts]
    if any(f is None or f[1] != "equals" for f in found):
        return None
    names = {f[0] for f in found if f}
    if len(names) != 1:
        return None
    values = tuple(dict.fromkeys(f[2] for f in found if f))
    return names.pop(), "in", values
