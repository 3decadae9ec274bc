"""Figures in words for staff pages and the Board report, one way everywhere.

Whole percents in statements and changes ("up from 64%"), one decimal in intervals
("61.2% to 70.1%"): see analysis.numbers. The dataset's figures by unit (23.4 per
10,000). Counts grouped as the page's language groups them (49,495). The sentences go
through Babel here, because analysis/ never imports Flask; the outcomes JSON keeps its
own plain "change" field. Registered on the app (`init_app`), not on a blueprint: the
Board report uses them, and `heard report` builds an app without pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from flask import Flask
from flask_babel import format_date, format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from analysis.indicators import Change
from analysis.numbers import one_decimal, whole_percent

RAG_LABELS = {"red": _l("Red"), "amber": _l("Amber"), "green": _l("Green")}
DIRECTION_LABELS = {"better": _l("better"), "worse": _l("worse"), "same": _l("no change")}


def change_words(row: Mapping[str, Any]) -> str:
    """The change since the previous period, as a Board member reads it."""
    if row.get("suppressed"):
        if row.get("suppressed_reason") == "protects_another_row":
            return _("not shown, so that a smaller group cannot be worked out")
        return _("too few answers to say")
    before = row.get("previous")
    if not before:
        return _("no earlier figure")
    values = {"before": whole_percent(before["percent"]), "period": before["period"]}
    if not before.get("significant"):
        return _("%(before)s in %(period)s: no clear change", **values)
    if before.get("direction") == "up":
        return _("up from %(before)s in %(period)s: a real change", **values)
    return _("down from %(before)s in %(period)s: a real change", **values)


def interval_words(row: Mapping[str, Any]) -> str:
    """The row's 95% interval with one decimal, or a dash when it is suppressed."""
    if row.get("suppressed") or row.get("ci_low") is None:
        return "-"
    return _(
        "%(low)s to %(high)s", low=one_decimal(row["ci_low"]), high=one_decimal(row["ci_high"])
    )


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


def init_app(app: Flask) -> None:
    """The figure helpers as template filters and globals on every page and the report."""
    for name, fn in (
        ("whole_percent", whole_percent),
        ("one_decimal", one_decimal),
        ("day", day),
        ("number", format_decimal),  # {{ n|number }}: 49,495 rather than 49495
    ):
        app.add_template_filter(fn, name)
    for helper in (
        whole_percent,
        interval_words,
        change_words,
        figure_text,
        change_text,
        rag_label,
    ):
        app.add_template_global(helper)
