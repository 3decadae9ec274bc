"""A real OpenID provider on a free loopback port, started and stopped by the tests.

tests/oidc/provider.js runs the certified `oidc-provider` package from npm with Node
(`make test` installs it: npm ci in tests/oidc, from the committed package-lock.json).
Only a missing Node or a missing install skips, saying what to run; a provider that will
not start is an error.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.local_server import local_server

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
    with (folder / "oidc-provider.log").open("a") as log:

        def launch(port: int) -> subprocess.Popen[bytes]:
            return subprocess.Popen(
                [node, str(HERE / "provider.js"), str(port), CLIENT_ID, CLIENT_SECRET,
                 redirect_uri],
                cwd=HERE, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip

        def ready(port: int) -> bool:
            return _ready(f"http://127.0.0.1:{port}")

        with local_server(
            launch, ready, seconds=60, what=f"the test OpenID provider (see {folder})"
        ) as port:
            yield RunningProvider(f"http://127.0.0.1:{port}")
