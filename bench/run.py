"""Run the benchmarks and rewrite bench/RESULTS.md: `python -m bench.run [options]`.

    python -m bench.run                      # make bench: everything but the peer and 1M
    python -m bench.run --only scale --scale-sizes 10000,100000,270000,1000000
                                             # make bench-scale
    python -m bench.run --only peers         # make bench-peers
    python -m bench.run --report             # only re-render RESULTS.md

Figures go to bench/results/latest.json, section by section: a run replaces the
sections it measured and keeps the others (each section carries its own date), then
RESULTS.md is rendered from the whole file.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.machine import machine_info

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "latest.json"
EVERYTHING = ("weight", "submissions", "scale", "text", "quality")
DEFAULT_SIZES = (10_000, 100_000, 270_000, 1_000_000)
BUDGET_S = 15 * 60  # `make bench` must finish within 15 minutes on 2 cores


def _load() -> dict[str, Any]:
    return json.loads(RESULTS.read_text()) if RESULTS.exists() else {}


def _save(results: dict[str, Any]) -> None:
    from bench.report import render

    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1, default=str) + "\n")
    (HERE / "RESULTS.md").write_text(render(results))


def _postgres_version() -> str | None:
    from sqlalchemy import create_engine, text

    from bench.server import postgres_url, sqlalchemy_url

    url, _how = postgres_url()
    if not url:
        return None
    engine = create_engine(sqlalchemy_url(url))
    with engine.connect() as conn:
        version = conn.scalar(text("SHOW server_version"))
    engine.dispose()
    return str(version)


def _merge_scale(old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    """Keep sizes measured earlier (the 1M point of `make bench-scale`) beside new ones."""
    if not old or "sizes" not in old:
        return new
    sizes = dict(old["sizes"])
    for size, ops in new["sizes"].items():
        kept = sizes.get(size, {})
        # A point skipped for time keeps the figures an earlier run measured.
        sizes[size] = {
            op: (kept[op] if "skipped" in m and op in kept else m) for op, m in ops.items()
        }
    return new | {"sizes": sizes, "seeding": new.get("seeding", [])}


def _section(name: str, args: argparse.Namespace) -> dict[str, Any]:
    if name == "weight":
        from bench.weight import bench_weight

        return bench_weight()
    if name == "submissions":
        from bench.submissions import bench_submissions

        return bench_submissions(runs=args.runs, seconds=args.seconds)
    if name == "scale":
        from bench.scale import bench_scale

        return bench_scale(
            tuple(int(s) for s in args.scale_sizes.split(",")),
            runs=args.runs,
            deadline=args.started + BUDGET_S,
        )
    if name == "text":
        from bench.scale import bench_text

        return bench_text(runs=args.runs)
    if name == "quality":
        from bench.quality import bench_quality

        return bench_quality()
    if name == "peers":
        from bench.peers import bench_peers

        return bench_peers(rounds=args.runs)
    raise ValueError(name)


KEYS = {"text": "text_rate"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--only",
        default=",".join(EVERYTHING),
        help="comma-separated: weight,submissions,scale,text,quality,peers",
    )
    parser.add_argument("--scale-sizes", default=",".join(map(str, DEFAULT_SIZES)))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=8.0, help="length of a load run")
    parser.add_argument("--report", action="store_true", help="only re-render RESULTS.md")
    args = parser.parse_args(argv)
    results = _load()
    if args.report:
        _save(results)
        return 0
    started = args.started = time.monotonic()
    machine = machine_info()
    try:
        machine["postgres"] = _postgres_version()
    except Exception as exc:  # a missing server is reported in its section, not fatal here
        machine["postgres_error"] = str(exc)[:200]
    machine["commit"] = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=HERE, capture_output=True, text=True
    ).stdout.strip()
    results["machine"] = machine
    for name in args.only.split(","):
        t0 = time.monotonic()
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        try:
            section = _section(name, args)
        except Exception as exc:  # one broken benchmark must not lose the others' figures
            section = {"error": f"{type(exc).__name__}: {exc}"[-1500:]}
        section["date"] = machine["date"]
        section["elapsed_s"] = round(time.monotonic() - t0, 1)
        key = KEYS.get(name, name)
        if name == "scale":
            for ops in section.get("sizes", {}).values():
                for measured in ops.values():
                    measured.setdefault("date", machine["date"])
            section = _merge_scale(results.get("scale"), section)
        results[key] = section
        _save(results)  # after each section, so an interrupted run keeps what it measured
        print(f"bench: {name} took {section['elapsed_s']} s", file=sys.stderr, flush=True)
    results["machine"]["total_s"] = round(time.monotonic() - started, 1)
    results["machine"]["ran"] = args.only
    if args.only == ",".join(EVERYTHING):  # a whole `make bench`: its time is a budget too
        results["make_bench"] = {"date": machine["date"], "total_s": machine["total_s"]}
    _save(results)
    print(
        f"bench: done in {results['machine']['total_s']} s; see bench/RESULTS.md", file=sys.stderr
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
