"""A throwaway Redis server on a free loopback port, started and stopped by the tests.

The limiter's shared store is tested against Debian's real `redis-server` (installed by
`make system-packages`), never a fake: the point is that separate processes share counts.
Only a missing binary skips; a server that will not start is an error.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.local_server import local_server


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

    def launch(port: int) -> subprocess.Popen[bytes]:
        log = folder / f"redis-{port}.log"
        return subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(folder), "--logfile", str(log)],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
        )  # fmt: skip

    with local_server(launch, _answers, seconds=30, what=f"redis-server (see {folder})") as port:
        yield f"redis://127.0.0.1:{port}/0"
