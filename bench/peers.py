"""`make bench-peers`: Heard beside django-survey-and-report, back to back, alternating.

The peer is built from PyPI by its own script (../shared/bench/peers/django_survey/
setup.sh) in a temporary folder and served by gunicorn with 2 workers on loopback, as
its RESULTS.md describes; its submissions are measured by its own measure.py and its
export by its own management command, exactly as there. Heard is measured the same way
by this bench. Each figure alternates Heard, peer, Heard, peer... so a neighbour's load
falls on both, and the ratios (Heard / peer) come from the medians.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.load import run_load
from bench.machine import QUIET_WAIT, wait_quiet
from bench.scale import measured
from bench.seed import seed
from bench.server import (
    BIN,
    ROOT,
    Gunicorn,
    free_port,
    heard_env,
    prepare,
    remove_scratch,
    scratch_dir,
    tree_cpu_seconds,
)
from bench.stats import summary
from bench.weight import _submit_question_page, weigh_url

PEER = ROOT.parent / "shared" / "bench" / "peers" / "django_survey"
SUBMIT = Path(__file__).resolve().parent / "surveys" / "submit.yaml"
CLIENTS = 8  # the peer's published figure used 8 clients
SECONDS = 20.0


class Peer:
    """The peer built in `folder` and served on a free loopback port."""

    def __init__(self, folder: Path) -> None:
        self.dir = folder / "peer"
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.python = str(self.dir / "venv" / "bin" / "python")

    def build(self) -> float:
        t0 = time.perf_counter()
        subprocess.run(
            ["bash", str(PEER / "setup.sh"), str(self.dir)],
            check=True,
            capture_output=True,
            text=True,
            timeout=900,
        )
        return round(time.perf_counter() - t0, 1)

    def __enter__(self) -> Peer:
        env = dict(os.environ, GUNICORN_ARGS="--timeout 600")  # as its RESULTS.md, for export
        self.log = open(self.dir / "gunicorn.log", "wb")
        self.proc = subprocess.Popen(
            [str(self.dir / "run.sh"), str(self.port)],
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        import urllib.request

        end = time.monotonic() + 60
        while time.monotonic() < end:
            try:
                with urllib.request.urlopen(f"{self.base}/survey/1/", timeout=2):
                    return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("the peer did not start")

    def __exit__(self, *exc: object) -> None:
        os.killpg(self.proc.pid, signal.SIGTERM)  # its own process group: run.sh + gunicorn
        self.proc.wait(timeout=30)
        self.log.close()

    def manage(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [self.python, str(self.dir / "proj" / "manage.py"), *args],
            capture_output=True,
            text=True,
            check=True,
            timeout=900,
        )

    def throughput(self, out: Path) -> dict[str, Any]:
        subprocess.run(
            [
                self.python,
                str(PEER / "measure.py"),
                "--url",
                self.base,
                "--peer-dir",
                str(self.dir),
                "--only",
                "throughput",
                "--n",
                "100000",
                "--c",
                str(CLIENTS),
                "--max-seconds",
                str(SECONDS),
                "--runs",
                "1",
                "--quiet-wait",
                str(QUIET_WAIT),
                "--json",
                str(out),
            ],
            check=True,
            capture_output=True,
            text=True,
            timeout=600,
        )
        run = json.loads(out.read_text())["throughput"]["runs"][0]
        return {
            "surveys_per_s": run["submissions_per_s"],
            "post_p95_ms": run["post_ms"]["p95"],
            "stored_equals_acknowledged": run["db_matches"],
            "errors": run["errors"],
            "client_cpu_s": run["client_cpu_s"],
            "cpu_busy_before": run["cpu_busy_before"],
            "seconds": run["seconds"],
        }


def _timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one command (CPU from bench/rss.py: not stretched by load)."""
    wait_quiet()
    r = measured(cmd, env or dict(os.environ), 900)
    if r["rc"] != 0:
        raise RuntimeError(f"{cmd[:3]} exited {r['rc']}: {r.get('stderr', '')[-500:]}")
    return r["seconds"], r["cpu_s"]


def bench_peers(rounds: int = 3) -> dict[str, Any]:
    """Build the peer, then measure export, page weight and submissions, alternating."""
    folder = scratch_dir("peers")
    out: dict[str, Any] = {"clients": CLIENTS, "seconds_per_run": SECONDS, "rounds": rounds}
    figures: dict[str, dict[str, list[float]]] = {}

    def add(name: str, who: str, value: float) -> None:
        figures.setdefault(name, {"heard": [], "peer": []})[who].append(value)

    try:
        peer = Peer(folder)
        out["peer_build_s"] = peer.build()
        # Export first, at exactly 10,000 responses on both sides (the load runs add more).
        heard_db = f"sqlite:///{folder}/heard-export.sqlite"
        prepare(heard_db, SUBMIT)
        seed(heard_db, "bench-submit", 10_000)
        peer.manage("seed_responses", "--survey-id", "1", "--total", "10000")
        export = [
            str(BIN / "heard"),
            "export",
            "bench-submit",
            "--format",
            "csv",
            "-o",
            str(folder / "heard.csv"),
        ]
        peer_export = [
            peer.python,
            str(peer.dir / "proj" / "manage.py"),
            "exportresult",
            "--survey-id",
            "1",
            "--csv",
            "--force",
        ]
        for _ in range(rounds):
            for who, cmd, env in (
                ("heard", export, heard_env(heard_db)),
                ("peer", peer_export, None),
            ):
                wall, cpu = _timed(cmd, env)
                add("export_10k_s", who, wall)
                add("export_10k_cpu_s", who, cpu)
        out["heard_export_lines"] = sum(1 for _ in open(folder / "heard.csv", "rb"))
        load_db = f"sqlite:///{folder}/heard-load.sqlite"
        prepare(load_db, SUBMIT)
        with Gunicorn(load_db, workers=2, log_dir=folder) as server, peer:
            run_load(server.base, "bench-submit", 4, 40, 20)  # warm up Heard's workers
            for number in range(rounds):
                heard_page = _submit_question_page(server.base)
                peer_page = weigh_url(f"{peer.base}/survey/1/")
                add("page_bytes", "heard", heard_page["bytes"])
                add("page_bytes", "peer", peer_page["bytes"])
                add("page_requests", "heard", heard_page["requests"])
                add("page_requests", "peer", peer_page["requests"])
                out["heard_page"], out["peer_page"] = heard_page, peer_page
                wait_quiet()
                cpu0 = server.cpu_seconds()
                heard_load = run_load(
                    server.base, "bench-submit", CLIENTS, 100_000, SECONDS, seed=number + 1
                )
                add("surveys_per_s", "heard", heard_load["surveys_per_s"])
                add("client_cpu_share", "heard", heard_load["client_cpu_share"])
                add("submit_p95_ms", "heard", heard_load["latency_ms"]["post_submit"]["p95"])
                if heard_load["completed"]:
                    add(
                        "server_cpu_ms_per_survey",
                        "heard",
                        (server.cpu_seconds() - cpu0) / heard_load["completed"] * 1000,
                    )
                cpu0 = tree_cpu_seconds(peer.proc.pid)
                peer_load = peer.throughput(folder / f"peer-load-{number}.json")
                done = round(peer_load["surveys_per_s"] * peer_load["seconds"])
                if done:
                    add(
                        "server_cpu_ms_per_survey",
                        "peer",
                        (tree_cpu_seconds(peer.proc.pid) - cpu0) / done * 1000,
                    )
                add("surveys_per_s", "peer", peer_load["surveys_per_s"])
                if peer_load["seconds"]:
                    add(
                        "client_cpu_share", "peer", peer_load["client_cpu_s"] / peer_load["seconds"]
                    )
                add("submit_p95_ms", "peer", peer_load["post_p95_ms"])
                out.setdefault("load_runs", []).append({"heard": heard_load, "peer": peer_load})
    finally:
        remove_scratch(folder)
    out["figures"] = {
        name: {who: summary(values, 3) for who, values in sides.items()}
        for name, sides in figures.items()
    }
    out["ratios"] = {
        name: round(f["heard"]["median"] / f["peer"]["median"], 4)
        for name, f in out["figures"].items()
        if f["peer"]["median"]
    }
    return out


if __name__ == "__main__":
    json.dump(bench_peers(int(sys.argv[1]) if len(sys.argv) > 1 else 3), sys.stdout, indent=1)
