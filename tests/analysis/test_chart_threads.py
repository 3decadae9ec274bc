"""Charts drawn in several threads at once keep their settings (a threaded server draws a
page's charts together, and matplotlib's rc settings are global to the process)."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

from analysis import charts

PERIODS = ["2025-H1", "2025-H2", "2026-H1"]


def _trend_svg(_: int) -> str:
    series = {
        f"Outcome {n}": [
            {"period": p, "percent": 50.0 + i, "ci_low": 40.0, "ci_high": 60.0, "suppressed": False}
            for i, p in enumerate(PERIODS)
        ]
        for n in range(4)
    }
    return str(charts.trend(series, PERIODS, "Felt listened to").image)


def test_every_chart_drawn_in_parallel_keeps_real_text():
    with ThreadPoolExecutor(max_workers=6) as pool:
        images = list(pool.map(_trend_svg, range(24)))
    # svg.fonttype "none" draws <text> with a font size; the default draws glyphs as paths.
    assert all(re.search(r"font-size: [\d.]+px", svg) for svg in images)
