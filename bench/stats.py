"""Summaries of repeated measurements: median with min and max, and percentiles."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any


def summary(values: Sequence[float], digits: int = 2) -> dict[str, Any]:
    """Median, min and max of `values` (the runs of one figure), rounded to `digits`."""
    if not values:
        return {"median": None, "min": None, "max": None, "runs": []}
    return {
        "median": round(statistics.median(values), digits),
        "min": round(min(values), digits),
        "max": round(max(values), digits),
        "runs": [round(v, digits) for v in values],
    }


def percentile(values: Sequence[float], p: float) -> float | None:
    """The `p`th percentile (nearest rank) of `values`, or None when there are none."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def latency_ms(values: Sequence[float]) -> dict[str, float | None]:
    """p50/p95/p99 in milliseconds of durations given in seconds."""
    out: dict[str, float | None] = {}
    for p in (50, 95, 99):
        v = percentile(values, p)
        out[f"p{p}"] = None if v is None else round(v * 1000, 1)
    return out


def fmt(value: Any, unit: str = "", digits: int = 2) -> str:
    """A figure for the results page: thousands separators, a unit, '-' for None."""
    if value is None:
        return "-"
    if isinstance(value, float):
        text = f"{value:,.{digits}f}"
    elif isinstance(value, int):
        text = f"{value:,}"
    else:
        text = str(value)
    return f"{text} {unit}".strip()


def fmt_summary(s: dict[str, Any] | None, unit: str = "", digits: int = 2) -> str:
    """'median (min-max) unit' for a summary() dict."""
    if not s or s.get("median") is None:
        return "-"
    if len(s.get("runs", [])) <= 1:
        return fmt(s["median"], unit, digits)
    return (
        f"{fmt(s['median'], '', digits)} ({fmt(s['min'], '', digits)}-"
        f"{fmt(s['max'], '', digits)}) {unit}".strip()
    )
