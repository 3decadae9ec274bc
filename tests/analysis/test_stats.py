"""The Wilson interval and the two-proportion z-test against values worked by hand."""

from __future__ import annotations

import math

import pytest

from analysis.stats import two_proportion_z, wilson


def _pct(bounds: tuple[float, float]) -> tuple[float, float]:
    return round(100 * bounds[0], 1), round(100 * bounds[1], 1)


def test_seven_of_ten_gives_the_textbook_interval():
    # p = 0.7, z² = 3.8416: centre 0.8921/1.38416 = 0.6445, margin 0.2477.
    assert _pct(wilson(7, 10)) == (39.7, 89.2)


def test_interval_stays_inside_zero_and_one_at_the_edges():
    low, high = wilson(0, 10)
    assert low == 0.0 and round(high, 4) == 0.2775
    low, high = wilson(10, 10)
    assert high == 1.0 and round(low, 4) == 0.7225


def test_interval_narrows_as_answers_grow():
    small, large = wilson(30, 50), wilson(600, 1000)
    assert (small[1] - small[0]) > (large[1] - large[0])
    assert small[0] < 0.6 < small[1] and large[0] < 0.6 < large[1]


def test_a_wider_z_gives_a_wider_interval():
    narrow, wide = wilson(7, 10, z=1.0), wilson(7, 10, z=2.576)
    assert wide[0] < narrow[0] and wide[1] > narrow[1]


@pytest.mark.parametrize("k, n", [(0, 0), (-1, 5), (6, 5)])
def test_impossible_counts_are_refused(k, n):
    with pytest.raises(ValueError):
        wilson(k, n)


def test_eighty_of_a_hundred_against_sixty_four_is_a_real_rise():
    # pooled p = 0.72, se = sqrt(0.72·0.28·0.02) = 0.063498, z = 0.16/0.063498 = 2.5198.
    z, p = two_proportion_z(80, 100, 64, 100)
    assert round(z, 3) == 2.520
    assert round(p, 4) == 0.0117
    assert p < 0.05


def test_z_is_negative_when_the_first_proportion_is_smaller():
    z, p = two_proportion_z(64, 100, 80, 100)
    assert z < 0 and round(p, 4) == 0.0117


def test_a_small_wobble_is_not_significant():
    z, p = two_proportion_z(66, 100, 64, 100)
    assert abs(z) < 1 and p > 0.5


def test_identical_proportions_have_no_evidence_of_change():
    z, p = two_proportion_z(10, 20, 50, 100)
    assert z == 0 and math.isclose(p, 1.0)


def test_all_or_nothing_in_both_periods_cannot_be_tested():
    assert two_proportion_z(20, 20, 30, 30) == (0.0, 1.0)
    assert two_proportion_z(0, 20, 0, 30) == (0.0, 1.0)
