"""Scale: outcomes, exports, the Board report and text analysis on large synthetic data.

One SQLite database holds the bundled children's survey (children-8-11); bench.seed tops
it up from size to size (10,000 -> 100,000 -> 270,000 -> 1,000,000 responses), and at
each size the operations that issue 3 names are measured, three runs each, every run in
its own process so its peak memory (ru_maxrss from os.wait4) is its own. An operation
whose code has not landed yet is skipped with the reason.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.machine import wait_quiet
from bench.seed import seed
from bench.server import BIN, ROOT, heard_env, prepare, remove_scratch, scratch_dir
from bench.stats import summary

SLUG = "children-8-11"
SURVEY = ROOT / "forms" / "library" / f"{SLUG}.yaml"
TIME_BOX = 150.0  # seconds of one operation's runs after which no further run starts
PERIOD = "2026-H1"  # the seeded data spans 2025-H2 and 2026-H1: every row is counted
# size -> the operations measured at that size (issue 3's budgets, plus plot points)
PLAN: dict[int, tuple[str, ...]] = {
    10_000: ("outcomes", "analyst_page", "explorer"),
    100_000: ("outcomes", "outcomes_cli", "xlsx", "report_html", "report_pdf"),
    270_000: ("outcomes", "csv"),
    1_000_000: ("outcomes",),
}


def measured(cmd: list[str], env: dict[str, str], timeout: float) -> dict[str, Any]:
    """Run `cmd`: wall seconds, its own peak RSS in MB, return code and output.

    The command runs under bench/rss.py, a tiny launcher that reads the command's own
    peak from os.wait4 (see that file for why it is not read from here).
    """
    folder = scratch_dir("out")
    paths = {name: folder / name for name in ("stdout", "stderr", "rss")}
    launcher = [sys.executable, "-S", str(ROOT / "bench" / "rss.py"), str(paths["rss"]), "--"]
    t0 = time.perf_counter()
    try:
        with open(paths["stdout"], "w") as out, open(paths["stderr"], "w") as err:
            proc = subprocess.Popen(launcher + cmd, env=env, cwd=ROOT, stdout=out, stderr=err)
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                return {"seconds": timeout, "peak_rss_mb": None, "rc": "timeout"}
        seconds = time.perf_counter() - t0
        usage = json.loads(paths["rss"].read_text())
        return {
            "seconds": seconds,
            "peak_rss_mb": round(usage["peak_rss_kib"] / 1024, 1),  # Linux reports KiB
            "rc": usage["rc"],
            "cpu_s": round(usage["cpu_s"], 2),
            "stdout": paths["stdout"].read_text()[-20000:],
            "stderr": paths["stderr"].read_text()[-2000:],
        }
    finally:
        remove_scratch(folder)


def available(check: str) -> str | None:
    """None when `check` (a Python import line or 'heard CMD') works, else why not."""
    if check.startswith("heard "):
        cmd = [str(BIN / "heard"), *check.split()[1:], "--help"]
    else:
        cmd = [sys.executable, "-c", check]
    env = heard_env("sqlite:////nonexistent/bench-check.sqlite")
    proc = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    if proc.returncode == 0:
        return None
    tail = (proc.stderr or proc.stdout).strip().splitlines()
    return f"not available yet: `{check}` fails ({tail[-1] if tail else proc.returncode})"


CHECKS = {
    "outcomes": "from feedback.services.outcomes.rows import outcome_rows",
    "outcomes_cli": "heard outcomes",
    "csv": "heard export",
    "xlsx": "heard export",
    "report_html": "heard report",
    "report_pdf": "heard report",
    "text": "from analysis.text import analyse_text",
    "analyst_page": "from feedback.services.outcomes.charts import KINDS",
    "explorer": "from feedback.services.outcomes.explorer import explore",
}
#: Operations timed inside their process (bench.child prints the figure as JSON).
IN_PROCESS = ("outcomes", "analyst_page", "explorer")


def _command(what: str, url: str, folder: Path) -> list[str]:
    py, heard_bin = sys.executable, str(BIN / "heard")
    out = folder / f"out-{what}"
    return {
        "outcomes": [py, "-m", "bench.child", "outcomes", SLUG, "--period", PERIOD],
        "analyst_page": [py, "-m", "bench.child", "analyst-page", SLUG, "--period", PERIOD],
        "explorer": [py, "-m", "bench.child", "explorer", SLUG, "--period", PERIOD],
        "outcomes_cli": [heard_bin, "outcomes", SLUG, "--period", PERIOD, "--format", "json"],
        "csv": [heard_bin, "export", SLUG, "--format", "csv", "-o", f"{out}.csv"],
        "xlsx": [heard_bin, "export", SLUG, "--format", "xlsx", "-o", f"{out}.xlsx"],
        "report_html": [
            heard_bin,
            "report",
            SLUG,
            "--period",
            PERIOD,
            "--format",
            "html",
            "-o",
            f"{out}.html",
        ],
        "report_pdf": [
            heard_bin,
            "report",
            SLUG,
            "--period",
            PERIOD,
            "--format",
            "pdf",
            "-o",
            f"{out}.pdf",
        ],
    }[what]


def _output_note(what: str, folder: Path) -> dict[str, Any]:
    """Size (and for CSV the line count) of what the command wrote, to show it did the work."""
    suffix = {"csv": ".csv", "xlsx": ".xlsx", "report_html": ".html", "report_pdf": ".pdf"}
    if what not in suffix:
        return {}
    path = folder / f"out-{what}{suffix[what]}"
    if not path.exists():
        return {"output": "missing"}
    note: dict[str, Any] = {"output_bytes": path.stat().st_size}
    if what == "csv":
        with open(path, "rb") as f:
            note["output_lines"] = sum(1 for _ in f)
    path.unlink()
    return note


def measure(what: str, url: str, folder: Path, runs: int, timeout: float) -> dict[str, Any]:
    """`runs` runs of one operation; the figure is the median with min and max."""
    results = []
    spent = 0.0
    for _ in range(runs):
        if spent > TIME_BOX:
            break  # a slow operation gets fewer runs so `make bench` stays within 15 minutes
        busy = wait_quiet()
        r = measured(_command(what, url, folder), heard_env(url), timeout)
        spent += r["seconds"]
        if r["rc"] != 0:
            lines = (r.get("stderr") or "").strip().splitlines() or ["(no output)"]
            return {
                "error": f"`heard {' '.join(_command(what, url, folder)[1:3])}` exited "
                f"{r['rc']}: {lines[-1][:300]}",
                "stderr_tail": "\n".join(lines[-12:]),
            }
        if what in IN_PROCESS:
            inner = json.loads(r["stdout"].strip().splitlines()[-1])
            r["process_seconds"], r["seconds"] = r["seconds"], inner["seconds"]
            r["process_cpu_s"], r["cpu_s"] = r["cpu_s"], round(inner["cpu_seconds"], 3)
            if "rows" in inner:
                r["rows"] = inner["rows"]
            if "again_seconds" in inner:
                r["again_seconds"] = round(inner["again_seconds"], 4)
                r["again_cpu_s"] = round(inner["again_cpu_seconds"], 4)
            if "requests" in inner:
                r["requests"] = {
                    path: {k: round(v, 4) for k, v in figures.items()}
                    for path, figures in inner["requests"].items()
                }
        r.update(_output_note(what, folder))
        r["cpu_busy_before"] = busy
        r.pop("stdout", None)
        r.pop("stderr", None)
        results.append(r)
    return {
        "seconds": summary([r["seconds"] for r in results], 3),
        "cpu_s": summary([r["cpu_s"] for r in results], 2),
        "peak_rss_mb": summary([r["peak_rss_mb"] for r in results], 1),
        "runs": results,
        "note": ""
        if len(results) == runs
        else f"{len(results)} run(s): stopped after {spent:.0f} s to keep make bench within 15 min",
    }


def bench_text(runs: int = 3, count: int = 3000) -> dict[str, Any]:
    """Text analysis rate on one core, or why it could not be measured."""
    missing = available(CHECKS["text"])
    if missing:
        return {"skipped": missing}
    results = []
    for _ in range(runs):
        busy = wait_quiet()
        r = measured(
            [sys.executable, "-m", "bench.child", "text", "--count", str(count)],
            heard_env("sqlite://"),
            600,
        )
        if r["rc"] != 0:
            return {"error": (r.get("stderr") or "").strip()[-600:]}
        inner = json.loads(r["stdout"].strip().splitlines()[-1])
        results.append(inner | {"peak_rss_mb": r["peak_rss_mb"], "cpu_busy_before": busy})
    return {
        "per_s": summary([r["per_s"] for r in results], 0),
        "per_cpu_s": summary([r["per_cpu_s"] for r in results], 0),
        "median_ms": summary([r["median_ms"] for r in results], 2),
        "model_rss_mb": summary([r["model_rss_mb"] for r in results], 1),
        "texts": count,
        "runs": results,
    }


def bench_scale(
    sizes: tuple[int, ...], runs: int = 3, timeout: float = 300, deadline: float | None = None
) -> dict[str, Any]:
    """Seed up through `sizes` and measure what PLAN names at each; skip what is missing.

    deadline: a time.monotonic() by which `make bench` should be done; the million-response
    point (about two minutes) is skipped, with the reason, when too little time is left.
    """
    out: dict[str, Any] = {"survey": SLUG, "period": PERIOD, "sizes": {}, "seeding": []}
    missing = {what: available(check) for what, check in CHECKS.items() if what != "text"}
    out["skipped"] = {k: v for k, v in missing.items() if v}
    folder = scratch_dir("scale")
    url = f"sqlite:///{folder}/heard.sqlite"
    try:
        prepare(url, SURVEY)
        for size in sorted(sizes):
            if deadline is not None and size >= 1_000_000 and time.monotonic() > deadline - 240:
                why = (
                    "skipped to keep `make bench` within 15 minutes on a busy machine; "
                    "`make bench-scale` measures it"
                )
                out["sizes"][str(size)] = {"outcomes": {"skipped": why}}
                continue
            out["seeding"].append(seed(url, SLUG, size))
            here: dict[str, Any] = {}
            for what in PLAN.get(size, ("outcomes",)):
                if missing.get(what):
                    here[what] = {"skipped": missing[what]}
                    continue
                print(f"  scale: {what} at {size:,} responses", file=sys.stderr, flush=True)
                here[what] = measure(what, url, folder, runs, timeout)
            out["sizes"][str(size)] = here
        out["database_mb"] = round(Path(f"{folder}/heard.sqlite").stat().st_size / 2**20, 1)
    finally:
        remove_scratch(folder)
    return out
