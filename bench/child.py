"""One measured operation in its own process: `python -m bench.child outcomes|text|...`.

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


def _signed_in_client(app: object) -> object:
    """A test client signed in as a bench analyst (made on first use; no second factor)."""
    import re

    from sqlalchemy import select

    from feedback.extensions import db
    from feedback.models import User
    from feedback.services.people.users import create_user

    email, password = "bench-analyst@example.org", "bench analyst passphrase 7 rivers"
    with app.app_context():  # type: ignore[attr-defined]
        if db.session.scalar(select(User.id).where(User.email == email)) is None:
            create_user(email, "analyst", password)
    client = app.test_client()  # type: ignore[attr-defined]
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]*)"', page).group(1)  # type: ignore[union-attr]
    reply = client.post("/login", data={"csrf_token": token, "email": email, "password": password})
    assert reply.status_code == 302, f"bench sign-in failed: {reply.status_code}"
    return client


def _timed_gets(client: object, paths: list[str]) -> dict[str, dict[str, float]]:
    """Each path's server time (wall and CPU seconds) through the WSGI app in-process."""
    out = {}
    for path in paths:
        t0, cpu0 = time.perf_counter(), time.process_time()
        reply = client.get(path)  # type: ignore[attr-defined]
        body = reply.get_data()
        seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
        assert reply.status_code == 200, f"{path}: {reply.status_code}"
        out[path] = {"seconds": seconds, "cpu_seconds": cpu, "bytes": len(body)}
    return out


def analyst_page(slug: str, period: str) -> dict[str, object]:
    """A survey's analyst page as a browser loads it: the HTML, then each chart (SVG).

    Server time only (in-process, no network). A first load of another period warms
    what any running server has warm (imports, compiled templates, matplotlib's fonts);
    nothing Heard computes is cached between periods, so the timed load is all work.
    """
    from feedback import create_app
    from feedback.services.outcomes.charts import KINDS

    app = create_app()
    client = _signed_in_client(app)

    def paths(p: str) -> list[str]:
        base = f"/analyse/surveys/{slug}"
        return [f"{base}?period={p}"] + [f"{base}/charts/{k}.svg?period={p}" for k in KINDS]

    _timed_gets(client, paths("2025-H2"))
    each = _timed_gets(client, paths(period))
    # The same page again (another breakdown, or coming back): its charts are kept.
    again = _timed_gets(
        client,
        [
            p.replace("?period=", "?by=mode&period=", 1) if i == 0 else p
            for i, p in enumerate(paths(period))
        ],
    )
    return {
        "seconds": sum(v["seconds"] for v in each.values()),
        "cpu_seconds": sum(v["cpu_seconds"] for v in each.values()),
        "again_seconds": sum(v["seconds"] for v in again.values()),
        "again_cpu_seconds": sum(v["cpu_seconds"] for v in again.values()),
        "requests": each,
    }


def explorer(slug: str, period: str) -> dict[str, object]:
    """The response explorer: the list, a search, a closed answer with a search, one
    response's page; the figure is the slowest of them (each is one page a person waits for)."""
    from sqlalchemy import func, select

    from feedback import create_app
    from feedback.extensions import db
    from feedback.models import Response

    app = create_app()
    client = _signed_in_client(app)
    with app.app_context():
        newest = db.session.scalar(select(func.max(Response.id)))
    base = f"/analyse/surveys/{slug}/responses"
    _timed_gets(client, [f"{base}?period=2025-H2&q=kind"])  # warm up, as analyst_page
    each = _timed_gets(
        client,
        [
            f"{base}?period={period}",
            f"{base}?period={period}&q=waited",
            f"{base}?period={period}&answer=listened:very_happy&q=kind&page=3",
            f"{base}/{newest}?period={period}",
        ],
    )
    slowest = max(each.values(), key=lambda v: v["seconds"])
    return {
        "seconds": slowest["seconds"],
        "cpu_seconds": slowest["cpu_seconds"],
        "requests": each,
    }


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
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "texts": len(texts),
        "per_s": len(texts) / seconds,
        "per_cpu_s": len(texts) / cpu,
        "median_ms": statistics.median(each) * 1000,
        "model_rss_mb": model_mb,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="what", required=True)
    o = sub.add_parser("outcomes")
    o.add_argument("slug")
    o.add_argument("--period", default="all")
    o.add_argument("--by")
    for name in ("analyst-page", "explorer"):
        page = sub.add_parser(name)
        page.add_argument("slug")
        page.add_argument("--period", default="all")
    t = sub.add_parser("text")
    t.add_argument("--count", type=int, default=3000)
    args = parser.parse_args()
    if args.what == "outcomes":
        result = outcomes(args.slug, args.period, args.by)
    elif args.what == "analyst-page":
        result = analyst_page(args.slug, args.period)
    elif args.what == "explorer":
        result = explorer(args.slug, args.period)
    else:
        result = text_rate(args.count)
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
