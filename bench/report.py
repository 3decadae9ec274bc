"""bench/RESULTS.md from bench/results/latest.json (and bench/NOTES.md, written by hand)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.budgets import evaluate
from bench.plot import scaling_plot
from bench.stats import fmt, fmt_summary

HERE = Path(__file__).resolve().parent
MARK = {True: "**met**", False: "**not met**", None: "not measured"}
OPS = {
    "outcomes": "outcomes (`outcome_rows`, in-process time)",
    "outcomes_cli": "`heard outcomes --format json` (whole command)",
    "csv": "`heard export --format csv`",
    "xlsx": "`heard export --format xlsx`",
    "report_html": "`heard report --format html`",
    "report_pdf": "`heard report --format pdf`",
    "analyst_page": "a survey's analyst page and its charts (server time, in-process)",
    "explorer": "response explorer: the slowest of list, search, filter, one response",
}


def _machine(m: dict[str, Any]) -> list[str]:
    return [
        f"- **Date**: {m.get('date')}",
        f"- **Machine**: {m.get('cores')} cores, {m.get('cpu_model')}, "
        f"{m.get('memory_gib')} GiB; {m.get('platform')}",
        f"- **Python** {m.get('python')}, **SQLite** {m.get('sqlite')}"
        + (f", **PostgreSQL** {m['postgres']}" if m.get("postgres") else ""),
        f"- **Load**: 1-minute load average {m.get('loadavg_1m')} when the run started. The "
        "2 cores are shared with other work; each run records the CPU busy share seen just "
        "before it (`cpu_busy_before` in results/latest.json) after waiting up to "
        "BENCH_QUIET_WAIT (5) s for it to fall below 30 %. Where wall clock is stretched by "
        "that load, the CPU seconds beside it are the figure to compare.",
        f"- **Commit** {m.get('commit')} (the last run: `--only {m.get('ran', '?')}`, "
        f"{m.get('total_s')} s).",
    ]


def _budgets(results: dict[str, Any]) -> list[str]:
    lines = ["| issue | budget | figure (median of 3 runs, min-max) | |", "|---|---|---|---|"]
    for issue, text, figure, ok in evaluate(results):
        lines.append(f"| #{issue} | {text} | {figure} | {MARK[ok]} |")
    return lines


def _weight(w: dict[str, Any]) -> list[str]:
    if not w or "pages" not in w:
        return [f"Not measured: {w.get('skipped', 'run `make bench`')}."]
    lines = [
        f"Measured {w.get('date')}. Headless Chromium (Playwright, `/usr/bin/chromium`), "
        "360x740 viewport, HTTP cache off so every page is a first visit; bytes are the "
        "uncompressed bodies (Heard does not compress). `redirects` counts the 303 of the "
        "POST that leads to the page (the thank-you page follows one), which is not part "
        "of the page itself.",
        "",
        "| page | requests | bytes | HTML | redirects | third-party |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for p in w["pages"] + ([w["submit_survey_page"]] if w.get("submit_survey_page") else []):
        html = sum(r["bytes"] for r in p["resources"] if r["type"] == "document")
        lines.append(
            f"| {p['page']} | {p['requests']} | {p['bytes']:,} | {html:,} | "
            f"{p['redirects']} | {p['third_party']} |"
        )
    assets = {
        r["url"]: r["bytes"]
        for p in w["pages"]
        for r in p["resources"]
        if r["type"] != "document" and r["status"] == 200
    }
    lines += [
        "",
        "Assets every page loads: "
        + ", ".join(f"`{u}` {b:,} B" for u, b in sorted(assets.items()))
        + ".",
    ]
    return lines


def _submissions(s: dict[str, Any]) -> list[str]:
    if not s or "databases" not in s:
        return ["Not measured yet."]
    lines = [
        f"Measured {s.get('date')}. gunicorn, 2 sync workers, on 127.0.0.1; the bench survey "
        "`bench/surveys/submit.yaml` (10 questions on one page, like the peer's). A completed "
        "survey is every request a browser makes: GET the consent page, POST Start (gets the "
        "page), POST the answers (303 = stored), GET the thank-you page. "
        f"Each run lasts {s.get('seconds_per_run')} s; three runs per row.",
        "",
        "| database | clients | completed surveys/s | requests/s | all requests p50 / p95 / "
        "p99 ms | storing POST p95 ms | server CPU ms per survey | stored == acknowledged "
        "| errors |",
        "|---|---:|---|---:|---|---|---|---|---:|",
    ]
    for kind, db in s["databases"].items():
        if "skipped" in db:
            lines.append(f"| {kind} | | {db['skipped']} | | | | | | |")
            continue
        for c, m in db["clients"].items():
            rps = sorted(r["requests_per_s"] for r in m["runs"])[len(m["runs"]) // 2]
            lines.append(
                f"| {kind} | {c} | {fmt_summary(m['surveys_per_s'], '', 1)} | {rps:,.0f} | "
                f"{m['all_p50_ms']['median']} / {m['all_p95_ms']['median']} / "
                f"{m['all_p99_ms']['median']} | {fmt_summary(m['submit_p95_ms'], '', 1)} | "
                f"{fmt_summary(m.get('server_cpu_ms_per_survey'), '', 1)} | "
                f"{'yes' if m['stored_equals_acknowledged'] else 'NO'} | {m['errors']} |"
            )
    lines += ["", "Per request kind (median run, 16 clients, SQLite), p50 / p95 / p99 ms:", ""]
    m16 = ((s["databases"].get("sqlite") or {}).get("clients") or {}).get("16")
    if m16:
        run = sorted(m16["runs"], key=lambda r: r["surveys_per_s"])[len(m16["runs"]) // 2]
        for kind, lat in run["latency_ms"].items():
            lines.append(f"- {kind}: {lat['p50']} / {lat['p95']} / {lat['p99']}")
        lines.append(f"- load generator CPU: {run['client_cpu_s']} s in {run['seconds']} s")
    return lines


def _scale(sc: dict[str, Any]) -> list[str]:
    if not sc or "sizes" not in sc:
        return ["Not measured yet."]
    lines = [
        f"Survey `{sc.get('survey')}` (bundled, 13 questions with branching), period "
        f"`{sc.get('period')}` (all seeded rows fall in it or the period before, so every row "
        "is counted). SQLite. Each operation runs in its own process, three times; peak RSS "
        "is that process's own (bench/rss.py). Seeding is bulk inserts and not counted.",
        "",
        "| responses | operation | time (wall) | CPU | peak RSS | output | measured |",
        "|---:|---|---|---|---|---|---|",
    ]
    for size in sorted(sc["sizes"], key=int):
        for op, m in sc["sizes"][size].items():
            name = OPS.get(op, op)
            if "skipped" in m or "error" in m:
                why = " ".join(str(m.get("skipped") or m.get("error")).split()).replace("|", "/")
                lines.append(f"| {int(size):,} | {name} | {why} | | | | |")
                continue
            run = m["runs"][0]
            note = ""
            if "output_lines" in run:
                note = f"{run['output_lines']:,} lines, "
            if "output_bytes" in run:
                note += f"{run['output_bytes'] / 2**20:.1f} MB"
            if "rows" in run:
                note = f"{run['rows']} outcome rows"
            if m.get("note"):
                note += f"; {m['note']}"
            lines.append(
                f"| {int(size):,} | {name} | {fmt_summary(m['seconds'], 's')} | "
                f"{fmt_summary(m.get('cpu_s'), 's')} | "
                f"{fmt_summary(m['peak_rss_mb'], 'MB', 1)} | {note} | "
                f"{m.get('date', sc.get('date'))} |"
            )
    lines += [
        "",
        "`make bench` includes the 1,000,000-response point (about two minutes: "
        "seeding 11.5 million answer rows, then three timings) unless its first "
        "sections ran so slowly on a busy machine that it would pass 15 minutes; it is "
        "then skipped and the last figure kept (see the date column). `make "
        "bench-scale` runs the scale part alone.",
    ]
    seeding = ", ".join(f"{x['total']:,} in {x['seconds']} s" for x in sc.get("seeding", []))
    lines += [
        "",
        f"Seeding (not counted): {seeding}.",
        "",
        "![Outcome time against size](scaling.png)",
    ]
    return lines


def _quality(q: dict[str, Any], rate: dict[str, Any]) -> list[str]:
    lines = []
    if rate and "per_s" in rate:
        lines.append(
            f"Rate: {rate['texts']:,} varied answers (bench/texts.py) through "
            "`analysis.text.analyse_text`, one process pinned to one core: "
            f"{fmt_summary(rate['per_cpu_s'], 'per CPU second', 0)}, "
            f"{fmt_summary(rate['per_s'], 'per second of wall clock', 0)}."
        )
    elif rate:
        lines.append(f"Rate: {rate.get('skipped') or rate.get('error')}")
    for name, f in (q or {}).items():
        if not isinstance(f, dict) or "theme_micro_f1" not in f:
            continue
        lines.append(
            f"- `heard eval-text` on {name} ({fmt(f['examples'])} answers): theme "
            f"micro-F1 {f['theme_micro_f1']}, sentiment accuracy "
            f"{f['sentiment_accuracy']} (plain TextBlob {f['sentiment_baseline']})"
            + (
                f", concern recall {f['concern_recall']} ({f['concern_found']}), "
                f"precision {f['concern_precision']}"
                if "concern_recall" in f
                else ""
            )
        )
    if (HERE / "TEXT_FIGURES.md").exists():
        lines.append(
            "- Per theme and per category, and the baselines: "
            "[TEXT_FIGURES.md](TEXT_FIGURES.md) (the analyser's own notes)."
        )
    return lines or ["Not measured yet."]


def _peers(p: dict[str, Any]) -> list[str]:
    if not p or "figures" not in p:
        return ["Not measured yet: run `make bench-peers`."]
    f, r = p["figures"], p["ratios"]
    rows = [
        ("survey page bytes (browser, first visit)", "page_bytes", "B", 0),
        ("survey page requests", "page_requests", "", 0),
        (f"completed surveys/s, {p['clients']} clients", "surveys_per_s", "/s", 1),
        ("storing POST p95", "submit_p95_ms", "ms", 1),
        ("server CPU per completed survey", "server_cpu_ms_per_survey", "ms", 1),
        ("load generator CPU, cores busy (CPU s / wall s)", "client_cpu_share", "", 2),
        ("CSV export of 10,000 responses (command, with start-up)", "export_10k_s", "s", 2),
        ("the same export, CPU seconds", "export_10k_cpu_s", "s", 2),
    ]
    lines = [
        f"Measured {p.get('date')} by `make bench-peers`: django-survey-and-report built by "
        "its own setup.sh in a temporary folder, gunicorn 2 workers on loopback, its "
        "submissions measured by its own measure.py, its export by `manage.py exportresult "
        "--csv --force`; Heard measured by this bench; alternating Heard, peer, "
        f"{p['rounds']} rounds. Heard's page is the 10-question page of bench-submit, the "
        "peer's is its 10-question /survey/1/, both weighed by the same headless Chromium.",
        "",
        "| figure | Heard | peer | Heard / peer |",
        "|---|---|---|---:|",
    ]
    for text, key, unit, digits in rows:
        if key in f:
            lines.append(
                f"| {text} | {fmt_summary(f[key]['heard'], unit, digits)} | "
                f"{fmt_summary(f[key]['peer'], unit, digits)} | {r.get(key, '-')} |"
            )
    lines += [
        "",
        "CPU seconds (of the export command; of the gunicorn master and workers per "
        "completed survey) are what the figures would be with no neighbour on the "
        "machine: wall clock stretches with other load, CPU time much less.",
        "",
        "A Heard survey is four requests (consent, Start, answers, thank you), the "
        "peer's two (form, POST): the rate compares whole surveys either way. The "
        "peer's client (requests) costs more CPU per request than Heard's bench client "
        "(http.client), on the same two cores.",
    ]
    return lines


def render(results: dict[str, Any]) -> str:
    """The whole RESULTS.md text (and bench/scaling.png as a side effect)."""
    has_plot = scaling_plot(results.get("scale") or {}, HERE / "scaling.png")
    notes = HERE / "NOTES.md"
    parts = [
        "# Heard benchmark results",
        "",
        "Written by `make bench` (`make bench-peers` adds the peer, `make bench-scale` reruns "
        "the scale part alone); do not edit by hand. Raw figures: "
        '[results/latest.json](results/latest.json). How to run: README, "Benchmarks".',
        "",
        *_machine(results.get("machine") or {}),
        f"- **`make bench`** (every section but the peer) took "
        f"{(results.get('make_bench') or {}).get('total_s', '?')} s on "
        f"{(results.get('make_bench') or {}).get('date', '?')}: the limit is 15 minutes.",
        "",
        "## Budgets",
        "",
        *_budgets(results),
        "",
        "## Page weight (issue 2)",
        "",
        *_weight(results.get("weight") or {}),
        "",
        "## Submissions (issue 2)",
        "",
        *_submissions(results.get("submissions") or {}),
        "",
        "## Scale (issue 3)",
        "",
        *_scale(results.get("scale") or {}),
        "",
        "## Text analysis (issues 3 and 4)",
        "",
        *_quality(results.get("quality") or {}, results.get("text_rate") or {}),
        "",
        "## Heard beside the peer (issue 7)",
        "",
        *_peers(results.get("peers") or {}),
        "",
    ]
    if not has_plot:
        parts = [p for p in parts if "scaling.png" not in p]
    if notes.exists():
        parts += [notes.read_text().rstrip(), ""]
    return "\n".join(parts)
