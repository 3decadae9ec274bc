"""One measured operation in its own process: `python -m bench.child outcomes|text ...`.

The parent (bench.scale) starts this as a child and reads its peak memory from
os.wait4; this process times only the operation itself (not start-up) and prints one
JSON line: {"seconds": ..., ...}.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time


def outcomes(slug: str, period: str, by: str | None) -> dict[str, object]:
    """Time feedback.services.outcomes.rows.outcome_rows for one survey (DATABASE_URL)."""
    from feedback import create_app
    from feedback.services.outcomes.rows import outcome_rows

    app = create_app()
    with app.app_context():
        t0, cpu0 = time.perf_counter(), time.process_time()
        rows = outcome_rows([slug], period, by=by)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    return {"seconds": seconds, "cpu_seconds": cpu, "rows": len(rows)}


def _rss_mb() -> float:
    """This process's resident memory now (Linux /proc), in MB."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def text_rate(count: int) -> dict[str, object]:
    """Analyse `count` texts on one core with analysis.text.analyse_text (both tiers).

    Also: the median time of one answer (the submission path's share), and how much
    resident memory the learned model adds to a process that already has the rules.
    """
    import statistics

    from analysis.text import analyse_rules, analyse_text
    from analysis.text.model import shipped_model
    from bench.texts import sample_texts

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the budget says
    texts = sample_texts(count)
    for t in texts[:20]:
        analyse_rules(t)  # warm up: lexicons load on first use
    before = _rss_mb()
    shipped_model()
    model_mb = _rss_mb() - before
    for t in texts[:20]:
        analyse_text(t)
    each = []
    t0, cpu0 = time.perf_counter(), time.process_time()
    for t in texts:
        start = time.perf_counter()
        analyse_text(t)
        each.append(time.perf_counter() - start)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    # Both rates: wall clock on the pinned core, and per CPU second (what the core does
    # when no neighbour shares it; the machine is shared, so wall clock can only be lower).
    return {"seconds": seconds, "cpu_seconds": cpu, "texts": len(texts),
            "per_s": len(texts) / seconds, "per_cpu_s": len(texts) / cpu,
            "median_ms": statistics.median(each) * 1000, "model_rss_mb": model_mb}


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="what", required=True)
    o = sub.add_parser("outcomes")
    o.add_argument("slug")
    o.add_argument("--period", default="all")
    o.add_argument("--by")
    t = sub.add_parser("text")
    t.add_argument("--count", type=int, default=3000)
    args = parser.parse_args()
    if args.what == "outcomes":
        result = outcomes(args.slug, args.period, args.by)
    else:
        result = text_rate(args.count)
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
