"""PostgreSQL stops in the middle of submissions: nothing is lost or half-written.

This test runs its own throwaway cluster (it must stop and start it), so it needs
Debian's postgresql; CI installs it (.ci/postgres.sh).
"""

from __future__ import annotations

import http.client
import os
import shutil
import subprocess
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.load.harness import (
    ROOT,
    SLUG,
    Client,
    Tally,
    free_port,
    gunicorn,
    run_clients,
    server_log_tail,
)

pytestmark = pytest.mark.slow
PG_BIN = sorted(Path("/usr/lib/postgresql").glob("*/bin"))


def _as_postgres(*args: str) -> None:
    command = list(args)
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, capture_output=True, timeout=60)


@pytest.fixture
def cluster(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    if not PG_BIN:
        pytest.skip("Debian's postgresql is not installed (apt-get install postgresql)")
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        pytest.skip("runuser is needed to start PostgreSQL as root")
    data = Path(f"/tmp/heard-fault-{os.getpid()}-{free_port()}")
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir()
    if os.geteuid() == 0:
        shutil.chown(data, "postgres")
    port = free_port()
    binary = PG_BIN[-1]
    _as_postgres(str(binary / "initdb"), "-D", str(data), "-U", "heard", "--auth=trust")
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {data} -c fsync=off"

    def start() -> None:
        _as_postgres(
            str(binary / "pg_ctl"),
            "-D",
            str(data),
            "-w",
            "-o",
            options,
            "-l",
            str(data / "log"),
            "start",
        )

    def stop() -> None:
        _as_postgres(str(binary / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop")

    start()
    _as_postgres(
        str(binary / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "heard", "heard"
    )
    yield f"postgresql://heard@127.0.0.1:{port}/heard", start, stop
    subprocess.run(
        [str(binary / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
        capture_output=True,
        check=False,
        user="postgres" if os.geteuid() == 0 else None,
    )
    shutil.rmtree(data, ignore_errors=True)


def _health(host: str) -> int:
    conn = http.client.HTTPConnection(host, timeout=10)
    try:
        conn.request("GET", "/healthz")
        return conn.getresponse().status
    except OSError:
        return 0
    finally:
        conn.close()


def test_database_outage_mid_submission_loses_nothing(cluster):
    url, start, stop = cluster
    tally = Tally()
    with gunicorn(url) as host:
        assert _health(host) == 200
        assert run_clients(host, 8, 100, 60, tally) == 100
        assert tally.acknowledged == 100
        done = threading.Event()
        runner = threading.Thread(
            target=lambda: run_clients(host, 8, 2000, 40, tally, stop=done, first=100),
            daemon=True,
        )
        runner.start()
        time.sleep(1.0)
        stop()
        time.sleep(1.5)
        assert _health(host) == 503
        done.set()
        runner.join(timeout=60)
        assert tally.unavailable > 0, "some respondents met the outage"
        start()
        deadline = time.monotonic() + 30
        while _health(host) != 200 and time.monotonic() < deadline:
            time.sleep(0.5)
        assert _health(host) == 200, "service returns without restarting Heard"
        # Every respondent who saw the 503 page presses "Send again".
        for cookie, fields, _number in tally.pending:
            client = Client(host)
            client.cookie = cookie
            status, _ = client.request("POST", f"/s/{SLUG}", fields)
            assert status == 303
            tally.add(acknowledged=1, resent=1)
    expected = ("503", "connection", "retry answered 503")
    unexpected = [e for e in tally.server_errors if not e.startswith(expected)]
    assert not unexpected, server_log_tail()
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as conn:
        texts = Counter(
            conn.scalars(text("SELECT value FROM answer WHERE question_id = 'say_more'"))
        )
        stored = conn.scalar(text("SELECT count(*) FROM response"))
        half = conn.scalar(
            text(
                "SELECT count(*) FROM response r WHERE (SELECT count(*) FROM answer a "
                "WHERE a.response_id = r.id) <> 2"
            )
        )
    engine.dispose()
    assert half == 0, "no response is half-written"
    assert set(texts.values()) == {1}, "no submission is stored twice"
    assert stored == tally.acknowledged, "everything acknowledged is stored"
    assert ROOT.exists()
