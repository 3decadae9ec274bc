"""A throwaway Redis server on a free loopback port, started and stopped by the tests.

The limiter's shared store is tested against Debian's real `redis-server` (installed by
`make system-packages`), never a fake: the point is that separate processes share counts.
Only a missing binary skips; a server that will not start is an error.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def redis_binary() -> str | None:
    """Where redis-server is (Debian puts it in /usr/bin; some PATHs lack /usr/sbin)."""
    return shutil.which("redis-server") or next(
        (p for p in ("/usr/bin/redis-server", "/usr/sbin/redis-server") if Path(p).exists()),
        None,
    )


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as conn:
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@contextmanager
def redis_server(folder: Path) -> Iterator[str]:
    """Start redis-server on 127.0.0.1 with nothing saved to disk; yield its redis:// URL."""
    binary = redis_binary()
    if binary is None:
        pytest.skip("redis-server is not installed (make system-packages installs it)")
    # Another process may take the port between choosing and binding it: try a few.
    for _attempt in range(5):
        port = _free_port()
        log = folder / f"redis-{port}.log"
        process = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(folder), "--logfile", str(log)],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
        )  # fmt: skip
        # A readiness wait, not a timing assertion: a loaded machine may take seconds.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and process.poll() is None and not _answers(port):
            time.sleep(0.05)
        if process.poll() is None and _answers(port):
            break
        process.kill()
        process.wait()
    else:
        raise RuntimeError(f"redis-server did not start; see {folder}")
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
