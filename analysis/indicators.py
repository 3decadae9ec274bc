"""The partnership dataset's figures: red/amber/green against target, change since last.

Plain numbers in, plain values out; the services read the values from the database and
call these, so the pages, the Board report and the tests agree on one rule.
"""

from __future__ import annotations

from dataclasses import dataclass

#: How far short of its target a figure may be and still be amber, as a share of the
#: target: 10% (a figure at 91 against a target of 100 is amber, at 89 red).
AMBER_MARGIN = 0.10

RAG = ("red", "amber", "green")


def rag(value: float | None, target: float | None, higher_is_better: bool) -> str | None:
    """ "green" when `value` meets `target`, "amber" within AMBER_MARGIN of it, else "red".

    None when there is no value or no target (the dataset does not set one for every
    indicator: "how many incidents were referred" is watched, not aimed at).
    """
    if value is None or target is None:
        return None
    if higher_is_better:
        if value >= target:
            return "green"
        return "amber" if value >= target * (1 - AMBER_MARGIN) else "red"
    if value <= target:
        return "green"
    return "amber" if value <= target * (1 + AMBER_MARGIN) else "red"


@dataclass(frozen=True)
class Change:
    """The change from the previous period's figure to this one.

    delta: this minus previous, in the indicator's unit (percentage points for a
    percent); direction: "better", "worse" or "same" given whether higher is better.
    """

    previous: float
    delta: float
    direction: str


def change(value: float | None, previous: float | None, higher_is_better: bool) -> Change | None:
    """The change since `previous`; None when either figure is missing."""
    if value is None or previous is None:
        return None
    delta = round(value - previous, 6)
    if delta == 0:
        return Change(previous, 0.0, "same")
    better = (delta > 0) == higher_is_better
    return Change(previous, delta, "better" if better else "worse")
