"""The two statistics outcome statements need: an interval and a comparison.

Proportions only, in plain Python (no numpy or scipy for two formulas).
"""

from __future__ import annotations

import math

__all__ = ["SIGNIFICANCE", "Z95", "two_proportion_z", "wilson"]

#: The z value of a two-sided 95% interval.
Z95 = 1.96
#: A change between periods counts as real when its p-value is below this.
SIGNIFICANCE = 0.05


def _check_counts(k: int, n: int) -> None:
    if n <= 0:
        raise ValueError(f"a proportion needs at least one answer (n={n})")
    if not 0 <= k <= n:
        raise ValueError(f"k must be between 0 and n (k={k}, n={n})")


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of *k* successes in *n* trials, as (low, high) in 0..1.

    Unlike the textbook p ± z·SE interval it stays inside 0..1 and behaves at small n
    and at 0% or 100%, which is where survey outcomes of small services live.
    z: 1.96 for 95%. Raises ValueError when n < 1 or k is not in 0..n.
    """
    _check_counts(k, n)
    p = k / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    margin = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator
    # Clamp the rounding dust at the edges (k = 0 gives a low of -1e-17).
    return max(0.0, centre - margin), min(1.0, centre + margin)


def two_proportion_z(k1: int, n1: int, k2: int, n2: int) -> tuple[float, float]:
    """Compare k1/n1 with k2/n2 by the pooled two-proportion z-test.

    Returns (z, p): z is positive when the first proportion is the larger; p is the
    two-sided p-value. When both proportions are 0% or both 100% there is no
    variation to test, and the answer is (0.0, 1.0): no evidence of a change.
    Raises ValueError when a count is impossible.
    """
    _check_counts(k1, n1)
    _check_counts(k2, n2)
    pooled = (k1 + k2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if se == 0:
        return 0.0, 1.0
    z = (k1 / n1 - k2 / n2) / se
    # Two-sided tail of the standard normal: P(|Z| >= |z|) = erfc(|z| / sqrt 2).
    return z, math.erfc(abs(z) / math.sqrt(2))
