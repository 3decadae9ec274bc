"""Submissions under gunicorn (2 workers): completed surveys/s, latency, stored == acknowledged.

For each database (SQLite file, PostgreSQL) a fresh database gets the bench survey
(bench/surveys/submit.yaml: 10 questions on one page, like the peer's), gunicorn serves
it, and 16 then 64 clients complete whole surveys, three runs each. After every run the
response and answer rows are counted and compared with what the server acknowledged.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from bench.load import run_load
from bench.machine import wait_quiet
from bench.server import (
    Gunicorn,
    fresh_database,
    postgres_url,
    prepare,
    remove_scratch,
    scratch_dir,
    sqlalchemy_url,
)
from bench.stats import summary

HERE = Path(__file__).resolve().parent
SURVEY = HERE / "surveys" / "submit.yaml"
SLUG = "bench-submit"


def stored(url: str, slug: str = SLUG) -> tuple[int, int]:
    """(responses, answers) stored for survey `slug`, counted in the database itself."""
    engine = create_engine(sqlalchemy_url(url))
    with engine.connect() as conn:
        survey_id = conn.scalar(text("SELECT id FROM survey WHERE slug = :s"), {"s": slug})
        responses = conn.scalar(
            text("SELECT count(*) FROM response WHERE survey_id = :i"), {"i": survey_id}
        )
        answers = conn.scalar(
            text(
                "SELECT count(*) FROM answer JOIN response ON response.id = answer.response_id"
                " WHERE response.survey_id = :i"
            ),
            {"i": survey_id},
        )
    engine.dispose()
    return int(responses or 0), int(answers or 0)


def measure_server(
    server: Gunicorn, url: str, clients: int, runs: int, seconds: float, max_surveys: int
) -> dict[str, Any]:
    """`runs` bounded runs of `clients` respondents against a running server."""
    results = []
    for number in range(runs):
        busy = wait_quiet()
        before = stored(url)
        cpu0 = server.cpu_seconds()
        result = run_load(server.base, SLUG, clients, max_surveys, seconds, seed=number + 1)
        server_cpu = server.cpu_seconds() - cpu0
        after = stored(url)
        # Server CPU per completed survey: what 2 idle cores could sustain does not depend
        # on what else the shared machine was doing during the run.
        result["server_cpu_s"] = round(server_cpu, 2)
        result["server_cpu_ms_per_survey"] = (
            round(server_cpu / result["completed"] * 1000, 2) if result["completed"] else None
        )
        result["cpu_busy_before"] = busy
        result["stored_responses"] = after[0] - before[0]
        result["stored_answers"] = after[1] - before[1]
        result["stored_equals_acknowledged"] = (
            result["stored_responses"] == result["acknowledged"]
            and result["stored_answers"] == result["answers_sent"]
        )
        results.append(result)
    return {
        "clients": clients,
        "surveys_per_s": summary([r["surveys_per_s"] for r in results], 1),
        "submit_p95_ms": summary([r["latency_ms"]["post_submit"]["p95"] or 0 for r in results], 1),
        "all_p50_ms": summary([r["latency_ms"]["all"]["p50"] or 0 for r in results], 1),
        "all_p95_ms": summary([r["latency_ms"]["all"]["p95"] or 0 for r in results], 1),
        "all_p99_ms": summary([r["latency_ms"]["all"]["p99"] or 0 for r in results], 1),
        "server_cpu_ms_per_survey": summary(
            [r["server_cpu_ms_per_survey"] or 0 for r in results], 2
        ),
        "stored_equals_acknowledged": all(r["stored_equals_acknowledged"] for r in results),
        "errors": sum(sum(r["errors"].values()) for r in results),
        "runs": results,
    }


def bench_submissions(
    kinds: tuple[str, ...] = ("sqlite", "postgres"),
    clients: tuple[int, ...] = (16, 64),
    runs: int = 3,
    seconds: float = 8.0,
    max_surveys: int = 20000,
) -> dict[str, Any]:
    """The submission benchmark on each database kind; skipped kinds say why."""
    out: dict[str, Any] = {"seconds_per_run": seconds, "survey": SURVEY.name, "databases": {}}
    folder = scratch_dir("submit")
    try:
        for kind in kinds:
            pg, how = (None, "")
            if kind == "postgres":
                pg, how = postgres_url()
                if pg is None:
                    out["databases"][kind] = {"skipped": f"no PostgreSQL: {how}"}
                    continue
            with fresh_database(kind, folder, pg) as url:
                prepare(url, SURVEY)
                with Gunicorn(url, workers=2, log_dir=folder) as server:
                    run_load(server.base, SLUG, 4, 40, 20)  # warm up both workers
                    by_clients = {
                        str(c): measure_server(server, url, c, runs, seconds, max_surveys)
                        for c in clients
                    }
                out["databases"][kind] = {
                    "server": how or "SQLite file, WAL",
                    "clients": by_clients,
                }
    finally:
        remove_scratch(folder)
    return out
