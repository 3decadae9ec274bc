"""Figures in words for staff pages and the Board report, one way everywhere.

Whole percents in statements and changes ("up from 64%"), one decimal in intervals
("61.2% to 70.1%"): see analysis.numbers. The sentences go through Babel here, because
analysis/ never imports Flask; the outcomes JSON keeps its own plain "change" field.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_babel import gettext as _

from analysis.numbers import one_decimal, whole_percent


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


def helpers() -> dict[str, Any]:
    """Template helpers for figures, to pass to render_template."""
    return {
        "whole_percent": whole_percent,
        "interval_words": interval_words,
        "change_words": change_words,
    }
