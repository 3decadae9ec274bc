"""A real gunicorn server on loopback and survey-completing clients, for load and fault tests.

Every loop is bounded in count and in time; only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import http.client
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SURVEY = ROOT / "tests" / "load" / "load-survey.yaml"
SLUG = "load-test"
#: gunicorn's log of the last server started (errors and tracebacks), for failure messages
LAST_LOG: Path | None = None
HIDDEN = re.compile(r'name="(csrf_token|state)"[^>]*value="([^"]*)"')
FORM_FIELD = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def heard(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [str(BIN / "heard"), *args], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr + done.stdout
    return done.stdout


@contextmanager
def gunicorn(
    database_url: str, workers: int = 2, extra_env: dict[str, str] | None = None
) -> Iterator[str]:
    """Serve Heard on a free loopback port; yields the base URL.

    extra_env: settings for this server (for example a shared limiter store), applied last.
    """
    port = free_port()
    env = dict(
        os.environ,
        DATABASE_URL=database_url,
        SECRET_KEY=secrets.token_hex(16),
        HEARD_ENV="production",
        HEARD_BASE_URL=f"http://127.0.0.1:{port}",
        HEARD_RATELIMIT_ENABLED="0",
    )
    env.update(extra_env or {})
    heard(env, "init-db")
    heard(env, "surveys", "load", str(SURVEY))
    global LAST_LOG
    log = tempfile.NamedTemporaryFile(prefix="heard-gunicorn-", suffix=".log", delete=False)
    LAST_LOG = Path(log.name)
    process = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{port}",
            "-t",
            "60",
            "--log-level",
            "warning",
            "--error-logfile",
            "-",
            "feedback:create_app()",
        ],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        # Ready means the app answers /healthz, not only that the port is open: a worker's
        # first request imports the text analyser, which is slow on a busy machine.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError("gunicorn exited at start")
            # Closed whatever happens: a probe that timed out must not leave its socket
            # for the garbage collector (pytest turns that ResourceWarning into a failure).
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.2)
            finally:
                conn.close()
        else:
            raise RuntimeError("gunicorn did not become healthy")
        yield f"127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@dataclass
class Tally:
    acknowledged: int = 0  #: submissions answered with the redirect to the thank-you page
    retried: int = 0  #: final POSTs sent a second time (a double tap or a lost reply)
    unavailable: int = 0  #: 503 pages seen
    resent: int = 0  #: 503 pages whose "Send again" form was posted
    server_errors: list[str] = field(default_factory=list)
    #: final forms that met a 503: (cookie, the fields the 503 page kept, submission number)
    pending: list[tuple[str, list[tuple[str, str]], int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, **counts: int) -> None:
        with self.lock:
            for name, n in counts.items():
                setattr(self, name, getattr(self, name) + n)


class Client:
    """One respondent's browser: a keep-alive connection and a cookie jar of one cookie."""

    def __init__(self, host: str) -> None:
        self.host = host
        self.conn = http.client.HTTPConnection(host, timeout=30)
        self.cookie = ""

    def request(self, method: str, path: str, form: list[tuple[str, str]] | None = None):  # type: ignore[no-untyped-def]
        body = urlencode(form) if form is not None else None
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
        if self.cookie:
            headers["Cookie"] = self.cookie
        for attempt in range(3):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                reply = self.conn.getresponse()
                text = reply.read().decode()
                break
            except (OSError, http.client.HTTPException):
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, timeout=30)
                if attempt == 2:
                    raise
        cookie = reply.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        return reply.status, text

    def complete_survey(self, tally: Tally, retry_final: bool, number: int) -> None:
        path = f"/s/{SLUG}"
        status, html = self.request("GET", path)
        if status >= 500:
            return self._server_trouble(tally, status, html, path)
        fields = dict(HIDDEN.findall(html))
        status, html = self.request(
            "POST", path, [("csrf_token", fields["csrf_token"]), ("action", "start")]
        )
        if status >= 500:
            return self._server_trouble(tally, status, html, path)
        fields = dict(HIDDEN.findall(html))
        form = [
            ("csrf_token", fields["csrf_token"]),
            ("state", fields["state"]),
            ("action", "next"),
            ("responsive", ("agree", "disagree", "not_sure")[number % 3]),
            ("say_more", f"load test answer {number}"),
        ]
        status, html = self.request("POST", path, form)
        if status == 303:
            tally.add(acknowledged=1)
        elif status >= 500:
            self._server_trouble(tally, status, html, path)
            if status == 503:
                with tally.lock:
                    tally.pending.append((self.cookie, FORM_FIELD.findall(html), number))
            return
        if retry_final:
            again, _ = self.request("POST", path, form)
            tally.add(retried=1)
            if again >= 500:
                tally.server_errors.append(f"retry answered {again}")

    def _server_trouble(self, tally: Tally, status: int, html: str, path: str) -> None:
        if status != 503 or ("Send again" not in html and "unavailable" not in html):
            tally.server_errors.append(f"{status}: {html[:200]}")
            return
        tally.add(unavailable=1)


def run_clients(
    host: str,
    clients: int,
    submissions: int,
    seconds: float,
    tally: Tally,
    retry_every: int = 10,
    stop: threading.Event | None = None,
    first: int = 0,
) -> int:
    """Complete `submissions` surveys across `clients` threads; stop at `seconds` regardless."""
    counter = iter(range(first, first + submissions))
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    started = [0]

    def worker() -> None:
        client = Client(host)
        while time.monotonic() < deadline and not (stop and stop.is_set()):
            with lock:
                number = next(counter, None)
                if number is None:
                    return
                started[0] += 1
            try:
                client.complete_survey(tally, retry_final=number % retry_every == 0, number=number)
            except (OSError, http.client.HTTPException) as exc:
                tally.server_errors.append(f"connection: {exc}")
                client = Client(host)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=max(0.0, deadline - time.monotonic()) + 35)
    return started[0]


def server_log_tail(chars: int = 4000) -> str:
    """The end of the last server's log, to explain a failure."""
    if LAST_LOG is None or not LAST_LOG.exists():
        return ""
    return LAST_LOG.read_text(errors="replace")[-chars:]
