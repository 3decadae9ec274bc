"""How the dataset's figures read on the pages and in the report, by unit."""

from __future__ import annotations

from datetime import date

from flask_babel import format_date, format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from analysis.indicators import Change

RAG_LABELS = {"red": _l("Red"), "amber": _l("Amber"), "green": _l("Green")}
DIRECTION_LABELS = {"better": _l("better"), "worse": _l("worse"), "same": _l("no change")}


def figure_text(value: float | None, unit: str) -> str:
    """23.4 per 10,000 · 82.5% · 1,234."""
    if value is None:
        return "\u2013"  # an en dash: no figure
    number = format_decimal(value, format="#,##0.#")
    if unit == "percent":
        return _("%(number)s%%", number=number)
    if unit == "rate_per_10k":
        return _("%(number)s per 10,000", number=number)
    return number


def change_text(found: Change | None, unit: str) -> str:
    """+2.1 points, better · -40 (a minus sign), worse · no change; empty without one."""
    if found is None:
        return ""
    if found.direction == "same":
        return str(DIRECTION_LABELS["same"])
    sign = "+" if found.delta > 0 else "\u2212"  # a true minus sign, read as "minus"
    size = format_decimal(abs(found.delta), format="#,##0.#")
    if unit == "percent":
        amount = _("%(sign)s%(number)s points", sign=sign, number=size)
    else:
        amount = f"{sign}{size}"
    return _(
        "%(amount)s, %(direction)s", amount=amount, direction=DIRECTION_LABELS[found.direction]
    )


def rag_label(rag: str | None) -> str:
    return str(RAG_LABELS[rag]) if rag else _("No target")


def day(value: date) -> str:
    """A due date as people write it: 3 March 2026."""
    return format_date(value, "d MMMM y")
