"""A real OpenID provider on a free loopback port, started and stopped by the tests.

tests/oidc/provider.js runs the certified `oidc-provider` package from npm with Node
(`make test` installs it: npm ci in tests/oidc, from the committed package-lock.json).
Only a missing Node or a missing install skips, saying what to run; a provider that will
not start is an error.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent / "oidc"
CLIENT_ID = "heard-tests"
CLIENT_SECRET = "a-client-secret-for-the-tests-only"


@dataclass
class RunningProvider:
    issuer: str

    def next_sign_in(self, account: str, tamper: str | None = None) -> None:
        """Who signs in at the provider next, and how to spoil the next ID token."""
        body = json.dumps({"account": account, "tamper": tamper}).encode()
        request = urllib.request.Request(f"{self.issuer}/__test/next", data=body, method="POST")
        with urllib.request.urlopen(request, timeout=30) as reply:
            assert reply.status == 200


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ready(issuer: str) -> bool:
    try:
        url = f"{issuer}/.well-known/openid-configuration"
        with urllib.request.urlopen(url, timeout=2) as reply:
            return reply.status == 200
    except OSError:
        return False


@contextmanager
def oidc_provider(redirect_uri: str, folder: Path) -> Iterator[RunningProvider]:
    """Start the provider for one client whose only redirect URI is `redirect_uri`."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed (apt-get install nodejs npm)")
    if not (HERE / "node_modules" / "oidc-provider").is_dir():
        pytest.skip("the test OpenID provider is not installed: `make test` (npm ci in tests/oidc)")
    for _attempt in range(5):
        port = _free_port()
        issuer = f"http://127.0.0.1:{port}"
        log = (folder / f"oidc-{port}.log").open("w")
        process = subprocess.Popen(
            [node, str(HERE / "provider.js"), str(port), CLIENT_ID, CLIENT_SECRET, redirect_uri],
            cwd=HERE, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        # A readiness wait, not a timing assertion: a loaded machine may take seconds.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None and not _ready(issuer):
            time.sleep(0.1)
        if process.poll() is None and _ready(issuer):
            break
        process.kill()
        process.wait()
        log.close()
    else:
        raise RuntimeError(f"the test OpenID provider did not start; see {folder}")
    try:
        yield RunningProvider(issuer)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
