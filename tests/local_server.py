"""Starting a real server for a test on a free loopback port, and stopping it after."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


def free_port() -> int:
    """A port nothing listens on now (another process may still take it first)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def local_server(
    launch: Callable[[int], subprocess.Popen[bytes]],
    ready: Callable[[int], bool],
    *,
    seconds: float,
    what: str,
) -> Iterator[int]:
    """Run `launch(port)` until `ready(port)`, yield the port, then stop the server.

    Another process may take the port between choosing and binding it, so a few ports
    are tried. The wait is for readiness, not a timing assertion: a loaded machine may
    take seconds.
    """
    for _attempt in range(5):
        port = free_port()
        process = launch(port)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and process.poll() is None and not ready(port):
            time.sleep(0.05)
        if process.poll() is None and ready(port):
            break
        _stop(process)
    else:
        raise RuntimeError(f"{what} did not start")
    try:
        yield port
    finally:
        _stop(process)
