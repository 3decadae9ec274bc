"""Red/amber/green against target, and the change since the previous period, on known data."""

from __future__ import annotations

import pytest

from analysis.indicators import Change, change, rag


@pytest.mark.parametrize(
    ("value", "target", "higher", "expected"),
    [
        (100, 100, True, "green"),  # meeting the target is green
        (90, 100, True, "amber"),  # within 10% short
        (89.9, 100, True, "red"),
        (20, 20, False, "green"),  # lower is better: at or under target
        (22, 20, False, "amber"),
        (22.1, 20, False, "red"),
        (0, 0, False, "green"),
        (50, None, True, None),  # no target, no RAG
        (None, 100, True, None),
    ],
)
def test_rag_against_target(value, target, higher, expected) -> None:  # type: ignore[no-untyped-def]
    assert rag(value, target, higher) == expected


def test_change_says_better_or_worse_by_the_indicators_direction() -> None:
    assert change(21.6, 24.0, higher_is_better=False) == Change(24.0, -2.4, "better")
    assert change(80.5, 82.0, higher_is_better=True) == Change(82.0, -1.5, "worse")
    assert change(5, 5, higher_is_better=True) == Change(5, 0.0, "same")
    assert change(5, None, higher_is_better=True) is None
