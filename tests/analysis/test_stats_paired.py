"""Paired change statistics, checked against examples worked by hand."""

from __future__ import annotations

import math

import pytest

from analysis.stats_paired import (
    average_ranks,
    paired_change,
    sign_test,
    wilcoxon_signed_rank,
)

# Twelve people rated their confidence before and after a course; after - before:
HAND_DIFFS = [2, 3, -1, 0, 4, 2, 1, 3, 0, 5, 2, -2]


def test_average_ranks_share_ties():
    assert average_ranks([3, 1, 2, 2]) == [4.0, 1.0, 2.5, 2.5]


def test_wilcoxon_matches_the_hand_worked_example():
    # By hand: drop the two zeros (n = 10). Absolute values sorted: 1 1 2 2 2 2 3 3 4 5,
    # ranks 1.5 1.5 4.5 4.5 4.5 4.5 7.5 7.5 9 10. The negatives are -1 (1.5) and
    # -2 (4.5), so W- = 6 and W+ = 55 - 6 = 49. Mean of W+ under no change: 10*11/4 = 27.5.
    # Variance: 10*11*21/24 = 96.25, less ties (2^3-2 + 4^3-4 + 2^3-2)/48 = 72/48 = 1.5,
    # so 94.75. z = (49 - 27.5 - 0.5) / sqrt(94.75) = 21 / 9.7340 = 2.1574, and the
    # two-sided p = erfc(2.1574 / sqrt 2) = 0.0310.
    result = wilcoxon_signed_rank(HAND_DIFFS)
    assert (result.n, result.zeros) == (10, 2)
    assert (result.w_plus, result.w_minus, result.statistic) == (49.0, 6.0, 6.0)
    assert result.method == "normal"
    assert result.z == pytest.approx(21 / math.sqrt(94.75))
    assert result.z == pytest.approx(2.1574, abs=1e-4)
    assert result.p_value == pytest.approx(0.0310, abs=5e-4)


def test_wilcoxon_exact_when_small_and_untied():
    # Five people, all better, by 1..5: W+ = 15, the most extreme of 2^5 = 32 patterns,
    # so the two-sided exact p is 2/32.
    result = wilcoxon_signed_rank([1, 2, 3, 4, 5])
    assert result.method == "exact"
    assert result.w_plus == 15 and result.w_minus == 0
    assert result.p_value == pytest.approx(2 / 32)
    # W+ = 3 (ranks 1+2 up, 3,4,5 down): patterns with W+ <= 3 are {}, {1}, {2}, {3},
    # {1,2}: 5 of 32, so p = 10/32.
    assert wilcoxon_signed_rank([1, 2, -3, -4, -5]).p_value == pytest.approx(10 / 32)


def test_wilcoxon_with_nothing_to_test():
    result = wilcoxon_signed_rank([0, 0, 0])
    assert result.n == 0 and result.zeros == 3
    assert result.p_value is None and result.method == "none"
    assert wilcoxon_signed_rank([]).p_value is None


def test_wilcoxon_is_symmetric():
    up = wilcoxon_signed_rank(HAND_DIFFS)
    down = wilcoxon_signed_rank([-d for d in HAND_DIFFS])
    assert down.p_value == pytest.approx(up.p_value)
    assert down.z == pytest.approx(-up.z)


def test_sign_test_exact_binomial():
    # 8 up, 2 down, 2 unchanged: P(X <= 2 | n=10) = (1 + 10 + 45) / 1024, doubled.
    result = sign_test(HAND_DIFFS)
    assert (result.positive, result.negative, result.zeros) == (8, 2, 2)
    assert result.p_value == pytest.approx(112 / 1024)
    assert sign_test([1, -1]).p_value == 1.0
    assert sign_test([0]).p_value is None


def test_paired_change_summary():
    before = [4, 5, 6, 7, 5]
    after = [6, 5, 8, 6, 8]
    summary = paired_change(before, after)
    assert summary.n == 5
    assert summary.mean_before == 5.4 and summary.mean_after == 6.6
    assert summary.mean_change == 1.2
    assert summary.median_change == 2.0
    assert (summary.improved, summary.same, summary.worse) == (3, 1, 1)
    assert summary.percent_improved == 60.0
    assert summary.wilcoxon.n == 4


def test_paired_change_needs_matching_lengths():
    with pytest.raises(ValueError):
        paired_change([1, 2], [3])
    empty = paired_change([], [])
    assert empty.n == 0 and empty.mean_change is None and empty.percent_improved is None
