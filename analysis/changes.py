"""What changed between two periods: which themes people mention more, or less, often.

Plain data in: responses mentioning each theme, and the responses in each period. A
theme's share is the fraction of a voice's responses that mention it; a rise or fall is
reported only when the two-proportion z-test says it is unlikely to be chance (p < 0.05,
as for outcome statements), and only when both periods have enough responses to say so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from analysis.stats import SIGNIFICANCE, two_proportion_z

__all__ = ["ThemeShift", "theme_shifts"]


@dataclass(frozen=True)
class ThemeShift:
    """A theme whose share of responses rose or fell significantly.

    share_now, share_before: percent of the voice's responses (one decimal).
    direction: "up" or "down". mentions_now: responses mentioning it this period.
    """

    theme: str
    share_now: float
    share_before: float
    direction: str
    mentions_now: int
    p_value: float


def theme_shifts(
    now: Mapping[str, int],
    responses_now: int,
    before: Mapping[str, int],
    responses_before: int,
    min_n: int = 10,
) -> list[ThemeShift]:
    """Themes whose share changed significantly, biggest change first.

    now, before: theme -> responses mentioning it in each period. responses_now,
    responses_before: the voice's responses in each period (the denominators).
    min_n: below this many responses in either period nothing is said, as for outcomes.
    """
    if responses_now < min_n or responses_before < min_n:
        return []
    found = []
    for theme in sorted(set(now) | set(before)):
        k1, k0 = int(now.get(theme, 0)), int(before.get(theme, 0))
        k1, k0 = min(k1, responses_now), min(k0, responses_before)
        z, p = two_proportion_z(k1, responses_now, k0, responses_before)
        if p >= SIGNIFICANCE or k1 * responses_before == k0 * responses_now:
            continue
        found.append(
            ThemeShift(
                theme,
                round(100 * k1 / responses_now, 1),
                round(100 * k0 / responses_before, 1),
                "up" if z > 0 else "down",
                k1,
                round(p, 4),
            )
        )
    return sorted(found, key=lambda s: (-abs(s.share_now - s.share_before), s.theme))
