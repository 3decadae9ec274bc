"""Outcome rows from counts: suppression, intervals, pooling and the change since last period."""

from __future__ import annotations

import json

import pytest

from analysis.outcome_table import SurveyOutcomes, Tally, outcome_table
from analysis.outcomes import (
    NOT_ANSWERED,
    POOLED,
    build_row,
    describe_change,
    format_percent,
)


def test_seven_of_ten_row_has_percent_and_wilson_interval():
    row = build_row("felt_listened_to", "Children who felt listened to", 7, 10, min_n=10)
    data = row.to_json()
    assert data["percent"] == 70.0
    assert (data["ci_low"], data["ci_high"]) == (39.7, 89.2)
    assert data["numerator"] == 7 and data["denominator"] == 10
    assert data["suppressed"] is False and data["group"] is None and data["period"] == "all"


def test_suppression_starts_one_below_min_n():
    shown = build_row("o", "Statement", 5, 10, min_n=10)
    hidden = build_row("o", "Statement", 5, 9, min_n=10)
    assert not shown.suppressed and shown.percent == 50.0
    data = hidden.to_json()
    assert data["suppressed"] is True
    assert data["numerator"] is None and data["percent"] is None
    assert data["ci_low"] is None and data["ci_high"] is None
    assert data["denominator"] == 9
    assert data["change"] == "too few answers to say"


def test_no_answers_at_all_is_suppressed_not_an_error():
    row = build_row("o", "Statement", 0, 0, min_n=1)
    assert row.suppressed and row.percent is None


def test_contract_fields_are_all_present_and_json_safe():
    row = build_row("o", "S", 3, 12, period="2026-H1", group=("language", "pl"), survey="kids")
    data = json.loads(json.dumps(row.to_json()))
    for key in (
        "id",
        "statement",
        "numerator",
        "denominator",
        "percent",
        "ci_low",
        "ci_high",
        "suppressed",
        "period",
        "group",
    ):
        assert key in data
    assert data["group"] == {"language": "pl"} and data["percent"] == 25.0


def test_impossible_counts_are_refused():
    with pytest.raises(ValueError):
        build_row("o", "S", 11, 10)


def test_a_real_rise_is_worded_plainly():
    row = build_row(
        "o", "S", 80, 100, period="2026-H1", previous_counts=(64, 100), previous_period="2025-H2"
    )
    assert row.change == "up from 64% in 2025-H2; a real change"
    assert row.previous["significant"] is True and row.previous["p_value"] == 0.0117
    assert row.previous["direction"] == "up"


def test_a_real_fall_is_worded_plainly():
    row = build_row("o", "S", 64, 100, previous_counts=(805, 1000), previous_period="2025-H2")
    # A whole percent in words, as on every page (80.5 rounds half up).
    assert row.change == "down from 81% in 2025-H2; a real change"


def test_a_wobble_is_no_clear_change():
    row = build_row("o", "S", 66, 100, previous_counts=(64, 100), previous_period="2025-H2")
    assert row.change == "no clear change"
    assert row.previous["significant"] is False and row.previous["percent"] == 64.0


def test_no_earlier_figure_when_there_is_none_or_it_was_suppressed():
    assert build_row("o", "S", 7, 10).change == "no earlier figure"
    row = build_row("o", "S", 7, 10, previous_counts=(3, 9), previous_period="2025-H2")
    # The earlier figure was itself below min_n: comparing would reveal it.
    assert row.previous is None and row.change == "no earlier figure"


def test_describe_change_and_format_percent():
    assert format_percent(64.0) == "64%" and format_percent(64.3) == "64.3%"
    assert describe_change(None) == "no earlier figure"


CHILDREN = [
    SurveyOutcomes("young", 10, (("listened", "Children who felt listened to"),)),
    SurveyOutcomes(
        "older",
        20,
        (("listened", "Children who felt listened to"), ("safer", "Children who feel safer")),
    ),
]


def test_pooling_sums_counts_and_keeps_per_survey_rows_beside_it():
    rows = outcome_table(
        CHILDREN,
        [
            Tally("listened", "young", 9, 12),
            Tally("listened", "older", 15, 25),
            Tally("safer", "older", 20, 25),
        ],
    )
    listened = [r for r in rows if r.id == "listened"]
    assert [r.survey for r in listened] == [POOLED, "young", "older"]
    pooled = listened[0]
    assert (pooled.numerator, pooled.denominator) == (24, 37)
    assert pooled.pooled_from == ("young", "older")
    # The pooled row keeps the strictest promise: the larger min_n of the two.
    assert pooled.min_n == 20
    # "safer" is asked by one survey only, so it has no pooled row.
    assert [r.survey for r in rows if r.id == "safer"] == ["older"]


def test_pooled_row_is_suppressed_by_the_largest_min_n():
    rows = outcome_table(
        CHILDREN, [Tally("listened", "young", 5, 10), Tally("listened", "older", 4, 9)]
    )
    pooled, young, older = rows[:3]
    assert pooled.denominator == 19 and pooled.suppressed  # 19 < 20
    assert not young.suppressed and older.suppressed


def test_pooling_can_be_turned_off():
    rows = outcome_table(CHILDREN, [Tally("listened", "young", 9, 12)], pooled=False)
    assert POOLED not in {r.survey for r in rows}


def test_every_outcome_has_an_overall_row_even_without_answers():
    rows = outcome_table(CHILDREN[1:], [])
    assert [(r.id, r.denominator, r.suppressed) for r in rows] == [
        ("listened", 0, True),
        ("safer", 0, True),
    ]


def test_groups_follow_the_given_order_with_not_answered_last():
    spec = [SurveyOutcomes("s", 1, (("o", "S"),))]
    tallies = [
        Tally("o", "s", 1, 2, ("had_worker", NOT_ANSWERED)),
        Tally("o", "s", 1, 2, ("had_worker", "no")),
        Tally("o", "s", 2, 2, ("had_worker", "yes")),
        Tally("o", "s", 4, 6),
    ]
    rows = outcome_table(spec, tallies, group_order=("yes", "no"))
    assert [r.group for r in rows] == [
        None,
        {"had_worker": "yes"},
        {"had_worker": "no"},
        {"had_worker": NOT_ANSWERED},
    ]


def test_groups_compare_with_the_same_group_last_period():
    spec = [SurveyOutcomes("s", 10, (("o", "S"),))]
    rows = outcome_table(
        spec,
        [Tally("o", "s", 90, 100), Tally("o", "s", 45, 50, ("language", "pl"))],
        [Tally("o", "s", 60, 100), Tally("o", "s", 40, 50, ("language", "pl"))],
        period="2026-H1",
        previous_period="2025-H2",
    )
    assert rows[0].change == "up from 60% in 2025-H2; a real change"
    assert rows[1].group == {"language": "pl"} and rows[1].change == "no clear change"


def test_one_hidden_group_takes_the_smallest_other_group_with_it():
    spec = [SurveyOutcomes("s", 10, (("o", "S"),))]
    tallies = [
        Tally("o", "s", 51, 85),
        Tally("o", "s", 43, 74, ("mode", "online")),
        Tally("o", "s", 4, 6, ("mode", "paper")),
        Tally("o", "s", 4, 5, ("mode", "facilitated")),
    ]
    rows = {r.group["mode"] if r.group else None: r for r in outcome_table(spec, tallies)}
    assert rows["paper"].suppressed_reason == "below_min_n"
    assert rows["facilitated"].suppressed_reason == "below_min_n"
    assert not rows["online"].suppressed  # two hidden groups: neither can be worked out


def test_a_lone_hidden_group_cannot_be_worked_out_by_subtraction():
    spec = [SurveyOutcomes("s", 10, (("o", "S"),))]
    tallies = [
        Tally("o", "s", 70, 100),
        Tally("o", "s", 45, 60, ("language", "en")),
        Tally("o", "s", 20, 34, ("language", "pl")),
        Tally("o", "s", 5, 6, ("language", "ur")),
    ]
    rows = {r.group["language"] if r.group else None: r for r in outcome_table(spec, tallies)}
    assert rows["ur"].suppressed and rows["ur"].suppressed_reason == "below_min_n"
    assert rows["pl"].suppressed and rows["pl"].suppressed_reason == "protects_another_row"
    assert rows["pl"].numerator is None and rows["pl"].percent is None
    assert rows["pl"].change.startswith("not shown")
    assert not rows["en"].suppressed and not rows[None].suppressed


def test_a_pooled_row_does_not_give_away_a_hidden_survey():
    rows = outcome_table(
        CHILDREN,
        [Tally("listened", "young", 5, 8), Tally("listened", "older", 30, 40)],
    )
    pooled, young, older = rows[:3]
    assert young.suppressed_reason == "below_min_n"  # 8 < 10
    assert older.suppressed_reason == "protects_another_row"
    assert not pooled.suppressed and pooled.denominator == 48


def test_a_group_with_no_answers_needs_no_partner():
    spec = [SurveyOutcomes("s", 10, (("o", "S"),))]
    tallies = [
        Tally("o", "s", 30, 40),
        Tally("o", "s", 20, 25, ("mode", "online")),
        Tally("o", "s", 10, 15, ("mode", "paper")),
        Tally("o", "s", 0, 0, ("mode", "facilitated")),
    ]
    hidden = {r.group["mode"] for r in outcome_table(spec, tallies) if r.suppressed}
    assert hidden == {"facilitated"}


def test_a_previous_figure_hidden_in_its_own_period_is_not_compared():
    spec = [SurveyOutcomes("s", 10, (("o", "S"),))]
    rows = outcome_table(
        spec,
        [
            Tally("o", "s", 70, 100),
            Tally("o", "s", 40, 50, ("g", "a")),
            Tally("o", "s", 30, 50, ("g", "b")),
        ],
        [
            Tally("o", "s", 50, 100),
            Tally("o", "s", 45, 95, ("g", "a")),
            Tally("o", "s", 5, 5, ("g", "b")),
        ],
        period="2026-H1",
        previous_period="2025-H2",
    )
    by_group = {r.group["g"] if r.group else None: r for r in rows}
    # Last period "b" had 5 answers (hidden) so "a" was hidden to protect it.
    assert by_group["a"].previous is None and by_group["b"].previous is None
    assert by_group[None].previous["percent"] == 50.0
