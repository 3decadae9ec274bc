"""Counting what an abuser does, in the limiter's store (shared between workers via Redis).

Flask-Limiter's decorators count every request to a route. Some limits must count only
failures (wrong passwords, wrong access codes, junk POSTs) or key on something other than
the address (an account, a draft), so they are counted here, in the same storage and with
the same strategy as the decorators. Keys are keyed hashes: neither an e-mail address nor
a client address is ever written to the store in the clear.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import shlex
import sys
from functools import lru_cache

from flask import Flask, current_app
from limits import RateLimitItem, parse_many

from feedback.extensions import limiter


@lru_cache(maxsize=64)
def _items(rate: str) -> tuple[RateLimitItem, ...]:
    return tuple(parse_many(rate))


def _digest(value: str) -> str:
    secret = str(current_app.config["SECRET_KEY"]).encode()
    return hmac.new(secret, value.encode(), hashlib.sha256).hexdigest()[:32]


def _active() -> bool:
    # The limiter is one object per process; an app built with throttling off leaves it
    # without storage (tests, the load harness, benchmarks).
    return bool(current_app.config.get("RATELIMIT_ENABLED")) and limiter._storage is not None


def exhausted(kind: str, key: str, rate: str) -> bool:
    """Whether `key` has used up `rate` (e.g. "10 per hour") for `kind`; counts nothing."""
    if not _active():
        return False
    digest = _digest(key)
    try:
        return any(not limiter.limiter.test(item, "heard", kind, digest) for item in _items(rate))
    except Exception as error:  # a store that is down must not lock everyone out
        current_app.logger.warning("rate-limit store unavailable: %s", error)
        return False


def spend(kind: str, key: str, rate: str) -> bool:
    """Count one event for `key`; False when that went over `rate` (the caller refuses)."""
    if not _active():
        return True
    digest = _digest(key)
    try:
        # Every window is counted, even after one is over, so a burst cannot hide in another.
        results = [limiter.limiter.hit(item, "heard", kind, digest) for item in _items(rate)]
    except Exception as error:
        current_app.logger.warning("rate-limit store unavailable: %s", error)
        return True
    return all(results)


def client_address() -> str:
    """The address the limiter keys on (after HEARD_PROXY_COUNT proxies), never stored."""
    from flask_limiter.util import get_remote_address

    return get_remote_address()


def gunicorn_workers(argv: list[str] | None = None) -> int:
    """How many worker processes gunicorn was asked for (1 when not under gunicorn).

    Read the way gunicorn reads it: GUNICORN_CMD_ARGS, then the command line, with
    WEB_CONCURRENCY as the default. A `workers =` in a gunicorn config file is not seen.
    """
    argv = sys.argv if argv is None else argv
    if not argv or not os.path.basename(argv[0]).startswith("gunicorn"):
        return 1
    workers = int(os.environ.get("WEB_CONCURRENCY") or 1)
    words = shlex.split(os.environ.get("GUNICORN_CMD_ARGS", "")) + list(argv[1:])
    for n, word in enumerate(words):
        value = None
        if word in ("-w", "--workers") and n + 1 < len(words):
            value = words[n + 1]
        elif word.startswith("--workers="):
            value = word.split("=", 1)[1]
        elif word.startswith("-w") and word[2:].isdigit():
            value = word[2:]
        if value and value.isdigit():
            workers = int(value)
    return workers


def warn_if_unshared(app: Flask) -> None:
    """Say at start-up when several workers would each keep their own counts in memory."""
    if not app.config.get("RATELIMIT_ENABLED"):
        return
    uri = str(app.config.get("RATELIMIT_STORAGE_URI") or "memory://")
    workers = gunicorn_workers()
    if uri.startswith("memory://") and workers > 1:
        app.logger.warning(
            "Rate limits are kept in each worker's memory but gunicorn runs %d workers: "
            "every limit is multiplied by %d. Set HEARD_RATELIMIT_STORAGE_URI=redis://... "
            "so that the workers share their counts.",
            workers,
            workers,
        )
