"""Half-years, quarters and UK financial years: labels, edges and neighbours."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from analysis.periods import (
    ALL,
    parse_period,
    period_of,
    periods_between,
    periods_covering,
    previous,
)


def test_half_years_split_at_the_first_of_july():
    h1, h2 = parse_period("2026-H1"), parse_period("2026-H2")
    assert (h1.start, h1.end) == (datetime(2026, 1, 1), datetime(2026, 7, 1))
    assert (h2.start, h2.end) == (datetime(2026, 7, 1), datetime(2027, 1, 1))
    midnight = datetime(2026, 7, 1)
    assert midnight in h2 and midnight not in h1
    assert midnight - timedelta(microseconds=1) in h1


def test_financial_year_runs_april_to_march():
    fy = parse_period("FY2026")
    assert (fy.start, fy.end) == (datetime(2026, 4, 1), datetime(2027, 4, 1))
    assert datetime(2027, 3, 31, 23, 59, 59) in fy
    assert datetime(2027, 4, 1) not in fy
    assert datetime(2026, 3, 31, 23, 59) not in fy


def test_quarters_are_calendar_quarters():
    q3 = parse_period("2026-Q3")
    assert (q3.start, q3.end) == (datetime(2026, 7, 1), datetime(2026, 10, 1))
    q4 = parse_period("2026-Q4")
    assert q4.end == datetime(2027, 1, 1)


def test_labels_are_forgiving_about_case_and_spaces():
    assert parse_period(" 2026-h2 ").label == "2026-H2"
    assert parse_period("fy2025").label == "FY2025"
    assert parse_period("ALL") is ALL


def test_all_holds_everything_and_has_no_previous():
    assert datetime(2001, 5, 5) in ALL and datetime(2090, 1, 1) in ALL
    assert previous("all") is None


@pytest.mark.parametrize("bad", ["2026", "2026-H3", "2026-Q5", "FY26", "H1-2026", "", "last year"])
def test_a_bad_label_says_what_is_accepted(bad):
    with pytest.raises(ValueError) as excinfo:
        parse_period(bad)
    message = str(excinfo.value)
    assert "2026-H1" in message and "FY2026" in message and "all" in message


@pytest.mark.parametrize(
    "label, before",
    [
        ("2026-H1", "2025-H2"),
        ("2026-H2", "2026-H1"),
        ("2026-Q1", "2025-Q4"),
        ("2026-Q3", "2026-Q2"),
        ("FY2026", "FY2025"),
    ],
)
def test_previous_is_the_same_kind_just_before(label, before):
    earlier = previous(label)
    assert earlier is not None and earlier.label == before
    assert earlier.end == parse_period(label).start


def test_period_of_a_moment():
    assert period_of(datetime(2026, 3, 31, 12), "fy").label == "FY2025"
    assert period_of(datetime(2026, 4, 1), "fy").label == "FY2026"
    assert period_of(datetime(2026, 6, 30, 23), "half").label == "2026-H1"
    assert period_of(datetime(2026, 12, 31), "quarter").label == "2026-Q4"


def test_periods_between_runs_oldest_first_and_inclusive():
    labels = [p.label for p in periods_between("2025-H1", "2026-H2")]
    assert labels == ["2025-H1", "2025-H2", "2026-H1", "2026-H2"]
    assert periods_between("2026-H2", "2026-H1") == []
    with pytest.raises(ValueError):
        periods_between("2026-H1", "FY2026")


def test_periods_covering_the_data_for_a_trend():
    found = periods_covering(datetime(2025, 2, 10), datetime(2026, 4, 2), "fy")
    assert [p.label for p in found] == ["FY2024", "FY2025", "FY2026"]
