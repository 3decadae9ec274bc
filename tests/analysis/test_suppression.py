"""Secondary suppression on its own: totals, parts and the smallest partner."""

from __future__ import annotations

from analysis.suppression import secondary_suppression


def test_nothing_more_is_hidden_when_nothing_is_exposed():
    sizes = {"all": 30, "a": 15, "b": 15}
    assert secondary_suppression(sizes, [], [("all", ["a", "b"])]) == set()


def test_the_smallest_shown_part_partners_a_lone_hidden_part():
    sizes = {"all": 60, "a": 30, "b": 22, "c": 8}
    hidden = secondary_suppression(sizes, ["c"], [("all", ["a", "b", "c"])])
    assert hidden == {"c", "b"}


def test_a_hidden_total_needs_no_protection():
    sizes = {"all": 8, "a": 5, "b": 3}
    assert secondary_suppression(sizes, ["all", "a", "b"], [("all", ["a", "b"])]) == {
        "all",
        "a",
        "b",
    }


def test_protection_spreads_through_linked_totals():
    # x is hidden in the first table; its partner y is a part of a second table,
    # where it is now the lone hidden part and needs a partner of its own.
    sizes = {"t1": 50, "x": 5, "y": 12, "z": 33, "t2": 40, "y2": 12, "w": 28}
    relations = [("t1", ["x", "y", "z"]), ("t2", ["y", "w"])]
    assert secondary_suppression(sizes, ["x"], relations) == {"x", "y", "w"}
