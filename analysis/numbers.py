"""How figures read on a page: whole percents in statements, one decimal in intervals.

One place, so that the Board report, its summary and the analyst pages never disagree
on how "72%" or "61.2% to 70.1%" is written. Rounding is half up, as people expect
("72.5" reads as 73%), not Python's round-half-even.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

__all__ = ["interval", "one_decimal", "whole_percent"]


def whole_percent(percent: float) -> str:
    """A percent as said in a sentence: 71.5 -> "72%"."""
    return f"{Decimal(str(percent)).quantize(Decimal(1), rounding=ROUND_HALF_UP)}%"


def one_decimal(percent: float) -> str:
    """A percent with exactly one decimal, as an interval bound: 61.0 -> "61.0%"."""
    return f"{Decimal(str(percent)).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


def interval(low: float, high: float, joiner: str = " to ") -> str:
    """A 95% interval with one decimal at both ends: "61.2% to 70.1%"."""
    return f"{one_decimal(low)}{joiner}{one_decimal(high)}"
