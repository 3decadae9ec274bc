"""Every budget the earlier issues set, checked against the latest figures.

Each check returns (figure as text, True/False/None); None means not measured yet.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bench.stats import fmt, fmt_summary

Check = Callable[[dict[str, Any]], tuple[str, bool | None]]


def _get(d: Any, *keys: Any) -> Any:
    for k in keys:
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d


def _pages(r: dict[str, Any]) -> list[dict[str, Any]]:
    """Every weighed page: each page type, and the 10-question page of bench-submit."""
    extra = _get(r, "weight", "submit_survey_page")
    return (_get(r, "weight", "pages") or []) + ([extra] if extra else [])


def page_bytes(r: dict[str, Any]) -> tuple[str, bool | None]:
    pages = _pages(r)
    if not pages:
        return "not measured", None
    worst = max(pages, key=lambda p: p["bytes"])
    text = f"heaviest: {worst['page']}, {worst['bytes']:,} B ({worst['bytes'] / 1024:.1f} KiB)"
    return text, worst["bytes"] <= 30 * 1024


def page_requests(r: dict[str, Any]) -> tuple[str, bool | None]:
    pages = _pages(r)
    if not pages:
        return "not measured", None
    most = max(p["requests"] for p in pages)
    third = sum(p["third_party"] for p in pages)
    return (
        f"at most {most} per page, {third} third-party (in {len(pages)} pages)",
        most <= 3 and third == 0,
    )


def _sqlite16(r: dict[str, Any]) -> dict[str, Any] | None:
    return _get(r, "submissions", "databases", "sqlite", "clients", "16")


def submissions_rate(r: dict[str, Any]) -> tuple[str, bool | None]:
    s = _sqlite16(r)
    if not s:
        return "not measured", None
    rate = s["surveys_per_s"]
    text = fmt_summary(rate, "completed surveys/s", 1)
    cpu = (s.get("server_cpu_ms_per_survey") or {}).get("median")
    if cpu:
        text += (
            f"; server CPU {cpu:.1f} ms per survey, so at most {2000 / cpu:.0f}/s "
            "with both cores to itself"
        )
    return text, rate["median"] >= 200


def submit_p95(r: dict[str, Any]) -> tuple[str, bool | None]:
    s = _sqlite16(r)
    if not s:
        return "not measured", None
    return fmt_summary(s["submit_p95_ms"], "ms", 1), s["submit_p95_ms"]["median"] < 100


def stored_equals(r: dict[str, Any]) -> tuple[str, bool | None]:
    dbs = _get(r, "submissions", "databases") or {}
    runs = [
        run for db in dbs.values() for c in (db.get("clients") or {}).values() for run in c["runs"]
    ]
    if not runs:
        return "not measured", None
    ok = all(run["stored_equals_acknowledged"] for run in runs)
    total = sum(run["acknowledged"] for run in runs)
    return f"{total:,} acknowledged in {len(runs)} runs, all stored: {'yes' if ok else 'NO'}", ok


def _scale_op(r: dict[str, Any], size: int, op: str) -> dict[str, Any] | None:
    return _get(r, "scale", "sizes", str(size), op)


def _timed(size: int, op: str, limit: float, rss: float | None = None) -> Check:
    def check(r: dict[str, Any]) -> tuple[str, bool | None]:
        m = _scale_op(r, size, op)
        if not m:
            return "not measured", None
        if "skipped" in m:
            return m["skipped"], None
        if "error" in m:
            return "failed: " + " ".join(m["error"].split())[:300].replace("|", "/"), False
        text = fmt_summary(m["seconds"], "s")
        if (m.get("cpu_s") or {}).get("median") is not None:
            text += f" (CPU {m['cpu_s']['median']:.2f} s)"
        ok = m["seconds"]["median"] <= limit
        if rss is not None:
            text += f"; peak RSS {fmt_summary(m['peak_rss_mb'], 'MB', 1)}"
            ok = ok and m["peak_rss_mb"]["max"] <= rss
        return text, ok

    return check


def text_rate(r: dict[str, Any]) -> tuple[str, bool | None]:
    t = r.get("text_rate") or {}
    if "skipped" in t or "error" in t or not t:
        return t.get("skipped") or t.get("error") or "not measured", None
    return (
        f"{fmt_summary(t['per_cpu_s'], 'answers per CPU second', 0)}; wall clock on the "
        f"pinned core {fmt_summary(t['per_s'], '/s', 0)}",
        t["per_cpu_s"]["median"] >= 1000,
    )


def text_rate_both(r: dict[str, Any]) -> tuple[str, bool | None]:
    figure, met = text_rate(r)
    t = r.get("text_rate") or {}
    return figure, None if met is None else t["per_cpu_s"]["median"] >= 500


def text_latency(r: dict[str, Any]) -> tuple[str, bool | None]:
    t = r.get("text_rate") or {}
    if "median_ms" not in t:
        return t.get("skipped") or t.get("error") or "not measured", None
    return fmt_summary(t["median_ms"], "ms per answer", 2), t["median_ms"]["median"] <= 10


def model_memory(r: dict[str, Any]) -> tuple[str, bool | None]:
    t = r.get("text_rate") or {}
    if "model_rss_mb" not in t:
        return t.get("skipped") or t.get("error") or "not measured", None
    return (
        fmt_summary(t["model_rss_mb"], "MB more resident memory", 1),
        t["model_rss_mb"]["max"] <= 60,
    )


def _quality(name: str, key: str, limit: float) -> Check:
    def check(r: dict[str, Any]) -> tuple[str, bool | None]:
        q = _get(r, "quality", name) or {}
        value = q.get(key)
        if value is None:
            return q.get("skipped") or q.get("error") or _get(
                r, "quality", "skipped"
            ) or "not measured", None
        return fmt(value, digits=3), value >= limit

    return check


def fft_themes(r: dict[str, Any]) -> tuple[str, bool | None]:
    f1 = _get(r, "quality", "nhs-fft-dev", "theme_f1")
    if not f1:
        return "not measured", None
    worst = min(f1, key=f1.get)
    return f"lowest: {worst} {f1[worst]:.3f} ({len(f1)} themes)", f1[worst] >= 0.60


def _ratio(name: str, target: float, lower_is_better: bool, cpu: str | None = None) -> Check:
    """Heard / peer for `name`; `cpu` names the CPU-time figure shown beside it."""

    def check(r: dict[str, Any]) -> tuple[str, bool | None]:
        ratio = _get(r, "peers", "ratios", name)
        if ratio is None:
            return "not measured (make bench-peers)", None
        if lower_is_better:
            text, ok = f"Heard / peer = {ratio:.3f} ({1 / ratio:.1f}x)", 1 / ratio >= target
        else:
            text, ok = f"Heard / peer = {ratio:.2f}x", ratio >= target
        by_cpu = _get(r, "peers", "ratios", cpu) if cpu else None
        if by_cpu:
            # CPU per unit of work: lower is better for Heard in both cases.
            text += f"; by CPU time {1 / by_cpu:.1f}x"
        return text, ok

    return check


BUDGETS: list[tuple[str, str, Check]] = [
    ("2", "survey page <= 30 KB uncompressed, CSS and script included", page_bytes),
    ("2", "<= 3 requests per page, no third-party request", page_requests),
    (
        "2",
        ">= 200 completed submissions/s, 16 clients, gunicorn 2 workers, SQLite",
        submissions_rate,
    ),
    ("2", "POST p95 < 100 ms (the POST that stores), same run", submit_p95),
    ("2", "stored == acknowledged (every run, both databases)", stored_equals),
    ("3", "outcomes, 100,000 responses: <= 2 s", _timed(100_000, "outcomes", 2.0)),
    (
        "3",
        "CSV export, 270,000 responses: <= 60 s, peak RSS <= 300 MB",
        _timed(270_000, "csv", 60.0, 300.0),
    ),
    ("3", "XLSX export, 100,000 responses: <= 90 s", _timed(100_000, "xlsx", 90.0)),
    ("3", "Board report (HTML), 100,000 responses: <= 30 s", _timed(100_000, "report_html", 30)),
    ("3", "Board report (PDF), 100,000 responses: <= 30 s", _timed(100_000, "report_pdf", 30)),
    # Issue 15 tightened them, with the summary on page 1 and the PDF tagged (PDF/UA).
    ("15", "Board report (HTML), 100,000 responses: <= 3 s", _timed(100_000, "report_html", 3)),
    (
        "15",
        "Board report (PDF, tagged), 100,000 responses: <= 6 s",
        _timed(100_000, "report_pdf", 6),
    ),
    (
        "15",
        "a survey's analyst page, 10,000 responses: <= 0.5 s server time, charts included",
        _timed(10_000, "analyst_page", 0.5),
    ),
    (
        "15",
        "response explorer, 10,000 responses: <= 0.5 s a page (list, search, filter, one)",
        _timed(10_000, "explorer", 0.5),
    ),
    ("3", "text analysis >= 1,000 answers/s on one core", text_rate),
    ("11", "both tiers: >= 500 answers/s on one core (the figure above)", text_rate_both),
    ("11", "one answer at submission <= 10 ms median", text_latency),
    ("11", "learned model <= 60 MB more resident memory per worker", model_memory),
    ("3", "voices-dev theme micro-F1 >= 0.80", _quality("voices-dev", "theme_micro_f1", 0.80)),
    (
        "3",
        "voices-dev sentiment accuracy >= 0.80",
        _quality("voices-dev", "sentiment_accuracy", 0.80),
    ),
    (
        "3",
        "nhs-fft dev sentiment accuracy >= 0.70",
        _quality("nhs-fft-dev", "sentiment_accuracy", 0.70),
    ),
    ("3", "nhs-fft dev F1 >= 0.60 on each mapped theme", fft_themes),
    ("4", "concern recall >= 0.97 (voices-dev)", _quality("voices-dev", "concern_recall", 0.97)),
    (
        "4",
        "concern precision >= 0.75 (voices-dev)",
        _quality("voices-dev", "concern_precision", 0.75),
    ),
    ("7", "page >= 10x lighter than the peer's", _ratio("page_bytes", 10, True)),
    (
        "7",
        ">= 5x the peer's submissions/s",
        _ratio("surveys_per_s", 5, False, "server_cpu_ms_per_survey"),
    ),
    (
        "7",
        "CSV export of 10,000 responses >= 20x faster",
        _ratio("export_10k_s", 20, True, "export_10k_cpu_s"),
    ),
]


def evaluate(results: dict[str, Any]) -> list[tuple[str, str, str, bool | None]]:
    """(issue, budget, figure, met) for every budget."""
    return [(issue, text, *check(results)) for issue, text, check in BUDGETS]
