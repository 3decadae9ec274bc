"""The limiter's in-process store, without the timer threads of limits' MemoryStorage.

limits' MemoryStorage starts a threading.Timer every 10 ms while counts change, to drop
expired keys; under load that is a new thread per 10 ms per worker, and Thread.start
waited for about 5 % of a worker's time (bench/NOTES.md). Counts here are the same
(each key is still expired when read, by MemoryStorage.get); the sweep that bounds
memory runs inline at most once a second instead. Used when RATELIMIT_STORAGE_URI is
memory:// (the default); a shared store (redis://) is unaffected.
"""

from __future__ import annotations

import time
from typing import Any

from limits.storage import MemoryStorage

SCHEME = "heard-memory"
SWEEP_SECONDS = 1.0


class SweepingMemoryStorage(MemoryStorage):
    """MemoryStorage whose expiry sweep runs in the caller's thread, once a second."""

    STORAGE_SCHEME = [SCHEME]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options: str):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self.timer.cancel()  # the one timer the parent starts: nothing reschedules it
        self._last_sweep = time.monotonic()

    def _MemoryStorage__schedule_expiry(self) -> None:  # replaces the parent's private hook
        now = time.monotonic()
        if now - self._last_sweep >= SWEEP_SECONDS:
            self._last_sweep = now
            # The parent's private method, by its mangled name (the stubs know no such name).
            self._MemoryStorage__expire_events()  # type: ignore[attr-defined]

    def __setstate__(self, state: dict[str, Any]) -> None:
        super().__setstate__(state)
        self.timer.cancel()


def thread_free(uri: str) -> str:
    """The storage URI to give Flask-Limiter: memory:// becomes this store."""
    return SCHEME + uri.removeprefix("memory") if uri.startswith("memory://") else uri
