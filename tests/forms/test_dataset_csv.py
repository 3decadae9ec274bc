"""The dataset CSV: good rows read, and every kind of bad row named by line and column."""

from __future__ import annotations

import pytest

from forms.dataset import PERIOD_HELP, DatasetError, read_dataset

HEADER = "d.csv: line 1: the header must name the columns indicator,period,value"
UNITS = {"cp_plans_neglect_rate": "rate_per_10k", "child_views": "percent", "days": "count"}


def _problems(text: str) -> list[str]:
    with pytest.raises(DatasetError) as caught:
        read_dataset(text, "d.csv", UNITS)
    return caught.value.problems


def test_good_rows_are_read_in_any_column_order_with_a_bom_and_blank_lines() -> None:
    text = "\ufeffperiod,Value,indicator\n2026-H1,23.4,cp_plans_neglect_rate\n\nFY2025,80,days\n"
    rows = read_dataset(text, "d.csv", UNITS)
    assert [(r.line, r.indicator, r.period, r.value) for r in rows] == [
        (2, "cp_plans_neglect_rate", "2026-H1", 23.4),
        (4, "days", "FY2025", 80.0),
    ]


def test_every_bad_row_is_named_by_line_and_column() -> None:
    text = (
        "indicator,period,value\n"
        "cp_plans_neglect_rat,2026-H1,20\n"  # 2: unknown indicator, with a suggestion
        "days,2026-H3,5\n"  # 3: bad period
        "days,all,5\n"  # 4: "all" is no period for a figure
        "days,2026-H1,five\n"  # 5: not a number
        "days,2026-H2,-1\n"  # 6: negative
        "child_views,2026-H1,101\n"  # 7: a percent over 100
        "days,2026-Q1\n"  # 8: a column short
        "days,2026-Q2,1\n"
        "days,2026-Q2,2\n"  # 10: the same indicator and period again
        ",2026-Q3,nan\n"  # 11: no indicator, and nan is not a number
    )
    assert _problems(text) == [
        "d.csv: line 2, column indicator: unknown indicator 'cp_plans_neglect_rat'; "
        "did you mean 'cp_plans_neglect_rate'?",
        f"d.csv: line 3, column period: '2026-H3' is not a period ({PERIOD_HELP})",
        f"d.csv: line 4, column period: 'all' is not a period ({PERIOD_HELP})",
        "d.csv: line 5, column value: 'five' is not a number",
        "d.csv: line 6, column value: -1 is negative",
        "d.csv: line 7, column value: 101 is more than 100 (a percent)",
        "d.csv: line 8: 2 columns, the header has 3",
        "d.csv: line 10, column period: days for 2026-Q2 is already given on line 9",
        "d.csv: line 11, column indicator: no indicator",
        "d.csv: line 11, column value: 'nan' is not a number",
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "d.csv: the file is empty"),
        (
            "indicator,period\n",
            f"{HEADER} (found indicator,period)",
        ),
        (
            "indicator,period,value,note\n",
            f"{HEADER} (found indicator,period,value,note)",
        ),
        ("indicator,period,value\n", "d.csv: the file has a header but no figures"),
    ],
)
def test_a_file_that_is_not_a_dataset_is_refused_in_one_message(text: str, problem: str) -> None:
    assert _problems(text) == [problem]


def test_a_file_of_thousands_of_bad_rows_lists_two_hundred_and_counts_the_rest() -> None:
    text = "indicator,period,value\n" + "nope,2026-H1,1\n" * 250
    problems = _problems(text)
    assert len(problems) == 201
    assert problems[-1] == "d.csv: and 50 more problems"
