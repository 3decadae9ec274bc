"""Outcome statements: "72% of children felt listened to", with an interval and a change.

Plain data in, plain data out. :func:`build_row` turns the counts of one outcome
(responses that answered its question with a value that counts, and those among them
that answered positively) into an :class:`OutcomeRow`: percent, Wilson 95% interval,
small-number suppression and the comparison with the previous period in plain words.
:mod:`analysis.outcome_table` builds whole tables, with pooling across surveys.

Suppression: a row whose denominator is below the survey's ``min_n`` shows no
numerator, percent or interval, because a percentage of a handful of children can
identify them (see also :mod:`analysis.suppression`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from analysis.numbers import whole_percent
from analysis.stats import SIGNIFICANCE, two_proportion_z, wilson

__all__ = [
    "BELOW_MIN_N",
    "NOT_ANSWERED",
    "POOLED",
    "PROTECTS_ANOTHER",
    "Group",
    "OutcomeRow",
    "build_row",
    "describe_change",
    "format_percent",
]

#: The group value of responses that gave no value for the breakdown field.
NOT_ANSWERED = "not answered"
#: The ``survey`` of a row that adds up several surveys sharing an outcome id.
POOLED = "pooled"
#: Why a row is suppressed: too few answers, or to stop another being worked out.
BELOW_MIN_N = "below_min_n"
PROTECTS_ANOTHER = "protects_another_row"

Group = tuple[str, str] | None  # (field, value), or None for everyone


@dataclass
class OutcomeRow:
    """One line of an outcome table; :meth:`to_json` is the contract object.

    percent, ci_low, ci_high are 0-100 with one decimal (None when suppressed).
    survey: the slug, ``"pooled"`` for a row adding up several surveys.
    previous: the same row in the previous period, or None when there is none to
    show: {"period", "numerator", "denominator", "percent", "p_value", "significant",
    "direction" ("up", "down" or "same")}.
    change: the comparison in plain words.
    suppressed_reason: None, "below_min_n", or "protects_another_row" (shown alone,
    this figure would let a suppressed one be worked out by subtraction).
    """

    id: str
    statement: str
    numerator: int | None
    denominator: int
    percent: float | None
    ci_low: float | None
    ci_high: float | None
    suppressed: bool
    period: str
    group: dict[str, str] | None = None
    survey: str | None = None
    min_n: int = 10
    previous: dict[str, Any] | None = None
    change: str = "no earlier figure"
    pooled_from: tuple[str, ...] = field(default=())
    suppressed_reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The outcomes JSON object of ARCHITECTURE.md, plus survey, pooled_from, min_n,
        previous, change and suppressed_reason."""
        return {
            "id": self.id,
            "statement": self.statement,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "percent": self.percent,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "suppressed": self.suppressed,
            "suppressed_reason": self.suppressed_reason,
            "period": self.period,
            "group": dict(self.group) if self.group else None,
            "survey": self.survey,
            "pooled_from": list(self.pooled_from) or None,
            "min_n": self.min_n,
            "previous": dict(self.previous) if self.previous else None,
            "change": self.change,
        }


def _one_decimal(proportion: float) -> float:
    return round(100 * proportion, 1)


def format_percent(percent: float) -> str:
    """Say "64%" for 64.0 and "64.3%" for 64.3: how a percent reads in a sentence."""
    return f"{percent:.0f}%" if float(percent).is_integer() else f"{percent:.1f}%"


def describe_change(previous: Mapping[str, Any] | None, suppressed: bool = False) -> str:
    """The change since the previous period in plain words.

    previous: the row's ``previous`` dict (see :class:`OutcomeRow`), or None.
    suppressed: the current figure is suppressed, so nothing is said about change.
    The earlier figure is a whole percent, as every statement is (analysis.numbers).
    """
    if suppressed:
        return "too few answers to say"
    if previous is None:
        return "no earlier figure"
    if not previous["significant"]:
        return "no clear change"
    word = "up" if previous["direction"] == "up" else "down"
    return (
        f"{word} from {whole_percent(previous['percent'])} in {previous['period']}; a real change"
    )


def _compare(
    numerator: int, denominator: int, before: tuple[int, int] | None, period: str | None, min_n: int
) -> dict[str, Any] | None:
    """The ``previous`` dict, or None when the earlier figure is missing or suppressed."""
    if before is None or period is None:
        return None
    k0, n0 = before
    if n0 < max(min_n, 1):
        return None
    z, p = two_proportion_z(numerator, denominator, k0, n0)
    direction = "same" if numerator * n0 == k0 * denominator else ("up" if z > 0 else "down")
    return {
        "period": period,
        "numerator": k0,
        "denominator": n0,
        "percent": _one_decimal(k0 / n0),
        "p_value": round(p, 4),
        "significant": p < SIGNIFICANCE,
        "direction": direction,
    }


def build_row(
    outcome_id: str,
    statement: str,
    numerator: int,
    denominator: int,
    *,
    min_n: int = 10,
    period: str = "all",
    group: Group = None,
    survey: str | None = None,
    previous_counts: tuple[int, int] | None = None,
    previous_period: str | None = None,
    pooled_from: Sequence[str] = (),
    protect: bool = False,
) -> OutcomeRow:
    """One outcome row from counts.

    numerator, denominator: responses with a positive answer / with an answer that
    counts. min_n: suppress when the denominator is below this. period: the label.
    group: (field, value) of a breakdown row, None for everyone. survey: the slug or
    "pooled". previous_counts: (numerator, denominator) in *previous_period*, for
    the comparison; a previous figure that would itself be suppressed is not used.
    protect: suppress the row although it has enough answers, because showing it
    would reveal a suppressed row (see :mod:`analysis.suppression`).
    """
    if not 0 <= numerator <= denominator:
        raise ValueError(f"impossible counts {numerator} of {denominator} for {outcome_id}")
    reason = BELOW_MIN_N if denominator < max(min_n, 1) else PROTECTS_ANOTHER if protect else None
    suppressed = reason is not None
    row = OutcomeRow(
        id=outcome_id,
        statement=statement,
        numerator=None if suppressed else numerator,
        denominator=denominator,
        percent=None,
        ci_low=None,
        ci_high=None,
        suppressed=suppressed,
        period=period,
        group={group[0]: group[1]} if group else None,
        survey=survey,
        min_n=min_n,
        pooled_from=tuple(pooled_from),
        suppressed_reason=reason,
    )
    if not suppressed:
        low, high = wilson(numerator, denominator)
        row.percent = _one_decimal(numerator / denominator)
        row.ci_low, row.ci_high = _one_decimal(low), _one_decimal(high)
        row.previous = _compare(numerator, denominator, previous_counts, previous_period, min_n)
    row.change = (
        "not shown, so that a smaller group cannot be worked out"
        if reason == PROTECTS_ANOTHER
        else describe_change(row.previous, suppressed)
    )
    return row
