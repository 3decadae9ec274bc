"""Fresh databases and a gunicorn server for the benchmarks, all on loopback.

Every benchmark gets its own database: an SQLite file in a temporary folder, or a new
database on the PostgreSQL cluster (dropped afterwards), so it never touches a
developer's data or another helper's test databases.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DEFAULT_PG = "postgresql://heard@127.0.0.1:54329/heard"
SECRET = "bench-only-secret-key-not-for-production"


def sqlalchemy_url(url: str) -> str:
    """psycopg 3 spelling of a postgres:// URL (what create_app does too)."""
    if url.startswith(("postgres://", "postgresql://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def heard_env(url: str, **extra: str) -> dict[str, str]:
    """Environment for a `heard` command or a server on database `url`."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=url,
        SECRET_KEY=SECRET,
        HEARD_ENV="production",
        HEARD_BASE_URL="http://127.0.0.1:5000",
        PYTHONPATH=str(ROOT),
        HEARD_OUTBOX=str(Path(tempfile.gettempdir()) / "heard-bench-outbox"),
    )
    env.update(extra)
    return env


def heard(url: str, *args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run `heard ARGS` on database `url`; raise with its output if it fails."""
    proc = subprocess.run(
        [str(BIN / "heard"), *args],
        env=heard_env(url),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"heard {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc


def _pg_reachable(url: str) -> bool:
    try:
        engine = create_engine(sqlalchemy_url(url), connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        return True
    except Exception:
        return False


def postgres_url() -> tuple[str | None, str]:
    """The PostgreSQL server to use, and how it was found (or why there is none).

    DATABASE_URL when it names PostgreSQL; else the cluster .ci/postgres.sh runs, started
    with that script when nothing answers (the script wipes its folder, so it is only
    run when no cluster is there).
    """
    given = os.environ.get("DATABASE_URL", "")
    if given.startswith("postgres"):
        return given, "DATABASE_URL"
    if _pg_reachable(DEFAULT_PG):
        return DEFAULT_PG, "the running cluster on 127.0.0.1:54329"
    script = ROOT / ".ci" / "postgres.sh"
    if script.exists():
        proc = subprocess.run(["bash", str(script), "start"], capture_output=True, text=True)
        url = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
        if proc.returncode == 0 and _pg_reachable(url):
            return url, "started by .ci/postgres.sh"
        return None, f".ci/postgres.sh start failed: {proc.stderr.strip()[-300:]}"
    return None, "no DATABASE_URL and no .ci/postgres.sh"


@contextlib.contextmanager
def fresh_database(kind: str, folder: Path, pg_base: str | None = None) -> Iterator[str]:
    """A new, empty database: an SQLite file in `folder`, or a new PostgreSQL database."""
    if kind == "sqlite":
        path = folder / f"heard-{uuid.uuid4().hex[:8]}.sqlite"
        yield f"sqlite:///{path}"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    assert pg_base, "no PostgreSQL server"
    name = f"heard_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(sqlalchemy_url(pg_base), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(sqlalchemy_url(pg_base)).set(database=name).render_as_string(False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def prepare(url: str, *definitions: Path) -> None:
    """Create the schema and load survey definitions into database `url`."""
    heard(url, "init-db")
    if definitions:
        heard(url, "surveys", "load", *map(str, definitions))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    """gunicorn serving bench.wsgi:app with `workers` sync workers on 127.0.0.1."""

    def __init__(self, url: str, workers: int = 2, log_dir: Path | None = None) -> None:
        self.url = url
        self.workers = workers
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = (log_dir or Path(tempfile.gettempdir())) / f"gunicorn-{self.port}.log"
        self.proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Gunicorn:
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "--workers",
                str(self.workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--timeout",
                "600",
                "--log-level",
                "warning",
                "bench.wsgi:app",
            ],
            env=heard_env(self.url),
            cwd=ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.wait_ready()
        return self

    def wait_ready(self, timeout: float = 60) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc and self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer /healthz in {timeout} s")

    def worker_pids(self) -> list[int]:
        """The worker processes (children of the gunicorn master)."""
        assert self.proc
        out = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(self.proc.pid)], capture_output=True, text=True
        )
        return [int(p) for p in out.stdout.split()]

    def cpu_seconds(self) -> float:
        """User + system CPU seconds used so far by the master and its workers."""
        assert self.proc
        return tree_cpu_seconds(self.proc.pid)

    def __exit__(self, *exc: object) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process `pid` and its children (a gunicorn and workers)."""
    ticks = os.sysconf("SC_CLK_TCK")
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    total = 0
    for p in [pid, *(int(x) for x in out.stdout.split())]:
        try:
            with open(f"/proc/{p}/stat", encoding="ascii") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, IndexError, ValueError):
            continue
    return total / ticks


def scratch_dir(name: str) -> Path:
    """A temporary folder for one benchmark (removed by `remove_scratch`)."""
    return Path(tempfile.mkdtemp(prefix=f"heard-bench-{name}-"))


def remove_scratch(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
