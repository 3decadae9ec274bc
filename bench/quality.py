"""Text-analysis quality for issues 3 and 4: `heard eval-text --format json` on the dev sets.

The figures are the analyser's own evaluation (analysis/text, its helper's
bench/TEXT_FIGURES.md explains them); the bench runs it so RESULTS.md carries today's
numbers beside the speed figures, and marks each target met or not met.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.scale import available
from bench.server import heard

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
SETS = {"voices-dev": DATA / "voices-dev.jsonl", "nhs-fft-dev": DATA / "nhs-fft" / "dev.csv"}


def _figures(name: str, d: dict[str, Any]) -> dict[str, Any]:
    themes = d.get("themes", {}).get("analyser", {})
    out: dict[str, Any] = {
        "examples": d.get("examples"),
        "theme_micro_f1": themes.get("micro", {}).get("f1"),
        "theme_f1": {k: v.get("f1") for k, v in themes.get("per_theme", {}).items()},
        "sentiment_accuracy": d.get("sentiment", {}).get("accuracy"),
        "sentiment_baseline": d.get("sentiment", {}).get("baseline_accuracy"),
        "texts_per_cpu_second": d.get("texts_per_cpu_second"),
    }
    concern = d.get("concern", {}).get("analyser")
    if concern:
        out["concern_recall"] = concern.get("recall")
        out["concern_precision"] = concern.get("precision")
        out["concern_found"] = f"{concern.get('tp')} of {concern.get('support')}"
        out["concern_false_alarms"] = concern.get("fp")
    return out


def bench_quality() -> dict[str, Any]:
    """eval-text figures per data set, or why they could not be taken."""
    missing = available("heard eval-text")
    if missing:
        return {"skipped": missing}
    out: dict[str, Any] = {}
    for name, path in SETS.items():
        if not path.exists():
            out[name] = {"skipped": f"data set not found at {path}"}
            continue
        try:
            proc = heard("sqlite://", "eval-text", "--format", "json", str(path))
            out[name] = _figures(name, json.loads(proc.stdout))
        except (RuntimeError, ValueError) as exc:
            out[name] = {"error": str(exc)[-600:]}
    return out
