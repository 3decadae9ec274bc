"""Simulated respondents completing whole surveys against a running server.

Each client is a thread (spread over several processes) with one keep-alive http.client
connection (reopened whenever the server closes it, as gunicorn's sync workers do after
each response) and its own cookie jar, cleared for every new respondent. A respondent
does every GET and POST a browser does: the consent page, Start, each page of questions
(answering what the page offers, carrying the csrf_token and state hidden fields), check
your answers when the survey has it, then the thank-you page after the 303. Every loop
is bounded in count and in time, and only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import http.client
import random
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urlsplit

from bench.stats import latency_ms

HIDDEN = re.compile(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"')
HIDDEN_REV = re.compile(r'<input[^>]*name="([^"]+)"[^>]*type="hidden"[^>]*value="([^"]*)"')
CHOICE = re.compile(r'<input type="(radio|checkbox)" id="[^"]*" name="([^"]+)" value="([^"]*)"')
TEXTAREA = re.compile(r'<textarea id="[^"]*" name="([^"]+)"')
SELECT = re.compile(r'<select id="[^"]*" name="([^"]+)"[^>]*>(.*?)</select>', re.S)
OPTION = re.compile(r'<option value="([^"]+)"')
TEXT_INPUT = re.compile(
    r'<input id="[^"]*" name="([^"]+)" value="[^"]*"\s*type="(text|date)"'
    r'(?: inputmode="(decimal)")?'
)
SUBMIT = 'name="action" value="submit"'
MAX_STEPS = 60  # a survey longer than this is a loop, not a survey

# Written for the benchmark: short answers like a child's, some happy, some not.
TEXTS = [
    "The games were fun and the staff listened to me",
    "Painting, and the big slide",
    "Lunch!",
    "More football please",
    "",
    "Meeting my friends. And the dog!",
    "nothing really it was boring",
    "I liked that they asked what I wanted",
    "the room was too noisy and nobody explained what was happening",
    "",
]


class Failure(Exception):
    """A respondent could not finish: a wrong status, a missing field, a timeout."""


@dataclass
class Tally:
    """What the clients saw, shared between threads (append-only lists are thread-safe)."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    completed: int = 0
    acknowledged: int = 0
    answers_sent: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    started: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def timing(self, kind: str, seconds: float) -> None:
        self.latencies.setdefault(kind, []).append(seconds)


class Client:
    """One simulated browser: a connection and a cookie jar."""

    def __init__(self, base: str, slug: str, rng: random.Random, tally: Tally) -> None:
        parts = urlsplit(base)
        assert parts.hostname in ("127.0.0.1", "localhost"), "the bench only talks to loopback"
        self.host, self.port = parts.hostname, parts.port or 80
        self.path = f"/s/{slug}"
        self.rng = rng
        self.tally = tally
        self.cookies: dict[str, str] = {}
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)

    def request(self, kind: str, method: str, path: str, form: Any = None) -> tuple[int, str, str]:
        """Send one request; record its latency under `kind` ("post_submit" when it stored)."""
        headers = {"Host": f"{self.host}:{self.port}"}
        body = None
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        t0 = time.perf_counter()
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                resp = self.conn.getresponse()
                data = resp.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # The server closed a kept-alive connection before this request: reopen.
                self.conn.close()
                if attempt == 2:
                    raise
        if resp.getheader("Connection", "").lower() == "close":
            self.conn.close()
        if resp.status == 303 and method == "POST":
            kind = "post_submit"  # the POST that stored the response
        self.tally.timing(kind, time.perf_counter() - t0)
        for header, value in resp.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return resp.status, resp.getheader("Location") or "", data.decode("utf-8", "replace")

    def fill(self, html: str) -> tuple[dict[str, Any], int]:
        """Answers for every question on a page, and how many answer rows they make."""
        form: dict[str, Any] = {}
        groups: dict[str, tuple[str, list[str]]] = {}
        for kind, name, value in CHOICE.findall(html):
            groups.setdefault(name, (kind, []))[1].append(value)
        rows = 0
        for name, (kind, values) in groups.items():
            real = [v for v in values if v != "prefer_not_to_say"] or values
            if kind == "checkbox":
                form[name] = self.rng.sample(real, k=min(2, len(real)))
            else:
                form[name] = self.rng.choice(real)
            rows += len(form[name]) if isinstance(form[name], list) else 1
        for name, options in SELECT.findall(html):
            values = [v for v in OPTION.findall(options) if v and v != "prefer_not_to_say"]
            if values:
                form[name] = self.rng.choice(values)
                rows += 1
        for name in TEXTAREA.findall(html):
            form[name] = self.rng.choice(TEXTS)
            rows += bool(form[name])
        for name, kind, decimal in TEXT_INPUT.findall(html):
            form[name] = "2026-03-14" if kind == "date" else "3" if decimal else "Kind staff"
            rows += 1
        return form, rows

    def complete_survey(self) -> None:
        """One respondent, start to finish; raises Failure when anything goes wrong."""
        self.cookies.clear()  # a new respondent every time
        status, _, html = self.request("get_consent", "GET", self.path)
        if status != 200:
            raise Failure(f"consent HTTP {status}")
        hidden = dict(HIDDEN.findall(html) + HIDDEN_REV.findall(html))
        status, _, html = self.request(
            "post_start",
            "POST",
            self.path,
            {"csrf_token": hidden.get("csrf_token", ""), "action": "start"},
        )
        answer_rows = 0
        for _step in range(MAX_STEPS):
            if status == 303:
                break
            if status != 200:
                raise Failure(f"page HTTP {status}")
            hidden = dict(HIDDEN.findall(html) + HIDDEN_REV.findall(html))
            if "state" not in hidden:
                raise Failure("no state field")
            if SUBMIT in html:  # check your answers
                form: dict[str, Any] = {"action": "submit"}
            else:
                form, rows = self.fill(html)
                answer_rows += rows
                form["action"] = "next"
            form["csrf_token"] = hidden.get("csrf_token", "")
            form["state"] = hidden["state"]
            status, location, html = self.request("post_page", "POST", self.path, form)
        else:
            raise Failure("no end after MAX_STEPS pages")
        with self.tally.lock:
            self.tally.acknowledged += 1
            self.tally.answers_sent += answer_rows
        status, _, html = self.request("get_thanks", "GET", urlsplit(location).path or location)
        if status != 200:
            raise Failure(f"thanks HTTP {status}")
        with self.tally.lock:
            self.tally.completed += 1


def _run_threads(
    base: str, slug: str, clients: int, max_surveys: int, max_seconds: float, seed: int
) -> dict[str, Any]:
    """`clients` threads in this process; the raw tally (latencies unsummarised)."""
    tally = Tally()
    deadline = time.monotonic() + max_seconds

    def worker(number: int) -> None:
        client = Client(base, slug, random.Random(seed * 1000 + number), tally)
        while time.monotonic() < deadline:
            with tally.lock:
                if tally.started >= max_surveys:
                    return
                tally.started += 1
            try:
                client.complete_survey()
            except (Failure, OSError, http.client.HTTPException) as exc:
                key = str(exc) if isinstance(exc, Failure) else type(exc).__name__
                with tally.lock:
                    tally.errors[key] = tally.errors.get(key, 0) + 1
                client.conn.close()

    cpu0 = time.process_time()
    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=max_seconds + 120)
    return {
        "completed": tally.completed,
        "acknowledged": tally.acknowledged,
        "answers_sent": tally.answers_sent,
        "latencies": tally.latencies,
        "errors": tally.errors,
        "cpu_s": time.process_time() - cpu0,
    }


def _process_share(args: tuple[Any, ...]) -> dict[str, Any]:
    return _run_threads(*args)


#: Client processes: one process's GIL held the threaded client to about one core, so
#: the client could become the bottleneck before the server did (issue 14).
PROCESSES = 4


def run_load(
    base: str,
    slug: str,
    clients: int,
    max_surveys: int,
    max_seconds: float,
    seed: int = 1,
    processes: int = PROCESSES,
) -> dict[str, Any]:
    """`clients` simulated respondents until `max_surveys` or `max_seconds`, whichever first.

    The clients are spread over up to `processes` forked processes (threads within each),
    so the load generator is not held to one core by the GIL; `client_cpu_s` is the CPU
    time of all of them, and `client_cpu_share` that time over the wall clock (1.0 = one
    core busy). Returns completed surveys per second, per-request latency percentiles by
    kind, the acknowledged (303) count and the errors seen.
    """
    import multiprocessing

    procs = max(1, min(processes, clients))
    per = [clients // procs + (1 if i < clients % procs else 0) for i in range(procs)]
    budgets = [max_surveys // procs + (1 if i < max_surveys % procs else 0) for i in range(procs)]
    jobs = [
        (base, slug, n, budget, max_seconds, seed * 100 + i)
        for i, (n, budget) in enumerate(zip(per, budgets, strict=True))
    ]
    t0 = time.monotonic()
    if procs == 1:
        parts = [_run_threads(*jobs[0])]
    else:
        with multiprocessing.get_context("fork").Pool(procs) as pool:
            parts = pool.map(_process_share, jobs)
    elapsed = time.monotonic() - t0
    latencies: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    for part in parts:
        for kind, xs in part["latencies"].items():
            latencies.setdefault(kind, []).extend(xs)
        for key, n in part["errors"].items():
            errors[key] = errors.get(key, 0) + n
    completed = sum(p["completed"] for p in parts)
    every = [s for xs in latencies.values() for s in xs]
    client_cpu = sum(p["cpu_s"] for p in parts)
    return {
        "clients": clients,
        "client_processes": procs,
        "seconds": round(elapsed, 2),
        "completed": completed,
        "acknowledged": sum(p["acknowledged"] for p in parts),
        "answers_sent": sum(p["answers_sent"] for p in parts),
        "surveys_per_s": round(completed / elapsed, 1) if elapsed else 0.0,
        "requests": len(every),
        "requests_per_s": round(len(every) / elapsed, 1) if elapsed else 0.0,
        "latency_ms": {"all": latency_ms(every)}
        | {kind: latency_ms(xs) for kind, xs in sorted(latencies.items())},
        "errors": errors,
        "client_cpu_s": round(client_cpu, 1),
        "client_cpu_share": round(client_cpu / elapsed, 2) if elapsed else 0.0,
    }
