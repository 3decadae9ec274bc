"""Paired before-and-after change: summaries, the Wilcoxon signed-rank test, the sign test.

Pure Python (no scipy), for the small samples a training course gives: a cohort of 8 to
40 people answering 0-10 confidence scales, so many differences are zero and many tie.

- Zeros (no change) are dropped before ranking, as in Wilcoxon's original method; they
  are still counted in the summary ("same").
- Tied absolute differences share the average of their ranks, and the variance of the
  statistic is reduced by the usual tie correction: sum(t**3 - t) / 48 over tie groups.
- The p-value is exact (the distribution of W+ enumerated) when there are no ties and at
  most EXACT_MAX non-zero differences, otherwise the normal approximation with a
  continuity correction of 0.5. Both are two-sided.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "EXACT_MAX",
    "PairedSummary",
    "SignTestResult",
    "WilcoxonResult",
    "average_ranks",
    "paired_change",
    "sign_test",
    "wilcoxon_signed_rank",
]

#: Up to this many non-zero differences (and no ties) the exact distribution is used.
EXACT_MAX = 30


@dataclass(frozen=True)
class WilcoxonResult:
    """The Wilcoxon signed-rank test of paired differences.

    n: non-zero differences ranked. zeros: differences of zero, dropped.
    w_plus / w_minus: sums of the ranks of positive / negative differences.
    z: the normal score (None when n is 0 or the exact method was used).
    p_value: two-sided; None when there is nothing to test (n == 0).
    method: "exact", "normal" or "none".
    """

    n: int
    zeros: int
    w_plus: float
    w_minus: float
    z: float | None
    p_value: float | None
    method: str

    @property
    def statistic(self) -> float:
        """The smaller of W+ and W-, the figure printed in most textbooks."""
        return min(self.w_plus, self.w_minus)


@dataclass(frozen=True)
class SignTestResult:
    """The exact two-sided sign test: how many went up against how many went down."""

    positive: int
    negative: int
    zeros: int
    p_value: float | None


@dataclass(frozen=True)
class PairedSummary:
    """Change from `before` to `after` for one item across the people who answered both.

    n: pairs. mean_change / median_change: of after - before (None when n is 0).
    improved / same / worse: people whose answer went up / did not move / went down.
    percent_improved: improved / n * 100, one decimal (None when n is 0).
    """

    n: int
    mean_before: float | None
    mean_after: float | None
    mean_change: float | None
    median_change: float | None
    improved: int
    same: int
    worse: int
    percent_improved: float | None
    wilcoxon: WilcoxonResult
    sign: SignTestResult


def average_ranks(values: Sequence[float]) -> list[float]:
    """Ranks 1..n of `values` in their original order; ties share their average rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        shared = (start + end) / 2 + 1  # average of positions start+1 .. end+1
        for k in range(start, end + 1):
            ranks[order[k]] = shared
        start = end + 1
    return ranks


def _exact_p(n: int, w: float) -> float:
    """Two-sided exact p for W+ = w with untied ranks 1..n: every sign pattern counted."""
    total = n * (n + 1) // 2
    counts = [0] * (total + 1)
    counts[0] = 1
    for rank in range(1, n + 1):
        for s in range(total, rank - 1, -1):
            counts[s] += counts[s - rank]
    low = min(w, total - w)
    tail = sum(counts[: math.floor(low) + 1])
    return min(1.0, 2 * tail / 2**n)


def wilcoxon_signed_rank(differences: Sequence[float]) -> WilcoxonResult:
    """Test whether paired differences (after - before) centre on zero.

    differences: one number per person. Zeros are dropped; ties get average ranks.
    """
    nonzero = [d for d in differences if d != 0]
    zeros = len(differences) - len(nonzero)
    n = len(nonzero)
    if n == 0:
        return WilcoxonResult(0, zeros, 0.0, 0.0, None, None, "none")
    magnitudes = [abs(d) for d in nonzero]
    ranks = average_ranks(magnitudes)
    w_plus = sum(r for r, d in zip(ranks, nonzero, strict=True) if d > 0)
    w_minus = sum(r for r, d in zip(ranks, nonzero, strict=True) if d < 0)
    ties = [t for t in Counter(magnitudes).values() if t > 1]
    if not ties and n <= EXACT_MAX:
        return WilcoxonResult(n, zeros, w_plus, w_minus, None, _exact_p(n, w_plus), "exact")
    mean = n * (n + 1) / 4
    variance = n * (n + 1) * (2 * n + 1) / 24 - sum(t**3 - t for t in ties) / 48
    if variance <= 0:
        return WilcoxonResult(n, zeros, w_plus, w_minus, None, 1.0, "normal")
    gap = w_plus - mean
    # Continuity correction: move half a rank towards the mean, never past it.
    corrected = math.copysign(max(abs(gap) - 0.5, 0.0), gap)
    z = corrected / math.sqrt(variance)
    p = math.erfc(abs(z) / math.sqrt(2))
    return WilcoxonResult(n, zeros, w_plus, w_minus, z, min(1.0, p), "normal")


def sign_test(differences: Sequence[float]) -> SignTestResult:
    """The exact binomial sign test (p = 0.5) on the non-zero differences, two-sided."""
    positive = sum(1 for d in differences if d > 0)
    negative = sum(1 for d in differences if d < 0)
    zeros = len(differences) - positive - negative
    n = positive + negative
    if n == 0:
        return SignTestResult(positive, negative, zeros, None)
    k = min(positive, negative)
    tail = sum(math.comb(n, i) for i in range(k + 1)) / 2**n
    return SignTestResult(positive, negative, zeros, min(1.0, 2 * tail))


def paired_change(before: Sequence[float], after: Sequence[float]) -> PairedSummary:
    """Summarise change for one item; `before[i]` and `after[i]` are the same person."""
    if len(before) != len(after):
        raise ValueError("before and after must pair up one to one")
    diffs = [a - b for b, a in zip(before, after, strict=True)]
    n = len(diffs)
    improved = sum(1 for d in diffs if d > 0)
    worse = sum(1 for d in diffs if d < 0)
    return PairedSummary(
        n=n,
        mean_before=round(statistics.fmean(before), 2) if n else None,
        mean_after=round(statistics.fmean(after), 2) if n else None,
        mean_change=round(statistics.fmean(diffs), 2) if n else None,
        median_change=float(statistics.median(diffs)) if n else None,
        improved=improved,
        same=n - improved - worse,
        worse=worse,
        percent_improved=round(100 * improved / n, 1) if n else None,
        wilcoxon=wilcoxon_signed_rank(diffs),
        sign=sign_test(diffs),
    )
