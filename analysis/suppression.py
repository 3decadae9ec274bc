"""Which rows of an outcome table to hide, so that a hidden figure cannot be worked out.

Primary suppression hides a figure from fewer answers than ``min_n``. That alone is
not enough when a total and all but one of its parts are shown: the hidden part is
the total minus the others (everyone 51 of 85, online 43 of 74, facilitated hidden,
paper 4 of 6 shown gives facilitated away). So when exactly one part of a shown total
is hidden, the smallest other part is hidden too ("secondary suppression").

Totals and parts here are a survey's everyone-row and its breakdown groups, and a
pooled row and the surveys it adds up. This is the simple guard statistical offices
use against subtraction, not a full disclosure-control solver: an analyst combining
several periods or breakdowns by hand may still narrow a hidden figure down.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

__all__ = ["secondary_suppression"]

#: a row's key: whatever the caller names its rows by
K = TypeVar("K", bound=Hashable)


def secondary_suppression(
    denominators: Mapping[K, int],
    primary: Iterable[K],
    relations: Sequence[tuple[K, Sequence[K]]],
    tiebreak: Callable[[K], str] = repr,
) -> set[K]:
    """Every key to hide: the *primary* ones plus those needed to protect them.

    denominators: key -> denominator of the row (its size).
    primary: keys hidden because they are below their min_n.
    relations: (total key, part keys): the parts add up to the total.
    tiebreak: orders parts of equal size, so the result is the same every run.

    A hidden part with no answers at all protects nothing and needs no partner.
    """
    hidden = set(primary)
    changed = True
    while changed:
        changed = False
        for total, parts in relations:
            if total in hidden:
                continue
            exposed = [p for p in parts if p in hidden and denominators.get(p, 0) > 0]
            shown = [p for p in parts if p not in hidden and denominators.get(p, 0) > 0]
            if len(exposed) == 1 and shown:
                partner = min(shown, key=lambda p: (denominators.get(p, 0), tiebreak(p)))
                hidden.add(partner)
                changed = True
    return hidden
