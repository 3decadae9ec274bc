"""bench/scaling.png: how long outcomes take as the number of responses grows."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def scaling_plot(scale: dict[str, Any], path: Path) -> bool:
    """Draw outcome time (median, whiskers min-max) against responses; False if no data."""
    points = []
    for size, ops in scale.get("sizes", {}).items():
        s = (ops.get("outcomes") or {}).get("seconds")
        if s and s.get("median") is not None:
            points.append((int(size), s["median"], s["min"], s["max"]))
    if not points:
        return False
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    points.sort()
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    err = [[p[1] - p[2] for p in points], [p[3] - p[1] for p in points]]
    fig, ax = plt.subplots(figsize=(6.4, 4.0), dpi=110)
    ax.errorbar(
        xs,
        ys,
        yerr=err,
        marker="o",
        color="#0072B2",
        capsize=4,
        label="outcome_rows (median of 3, min-max)",
    )
    first = points[0]
    ax.plot(
        xs,
        [first[1] * x / first[0] for x in xs],
        linestyle=":",
        color="#999999",
        label="linear from the smallest size",
    )
    # The budget holds at 100,000 responses only: mark it there, not across the plot.
    ax.hlines(2.0, 70_000, 140_000, color="#D55E00", linewidth=2, label="budget at 100,000: 2 s")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("responses in the survey (about 11 answers each)")
    ax.set_ylabel("seconds")
    ax.set_title("Outcome statements: time against size (SQLite)")
    for x, y in zip(xs, ys, strict=True):
        ax.annotate(f"{y:.2f} s", (x, y), textcoords="offset points", xytext=(6, -12), fontsize=8)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8, loc="upper left")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return True
