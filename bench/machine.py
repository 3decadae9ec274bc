"""What machine the figures come from, and waiting for a shared machine to calm down."""

from __future__ import annotations

import os
import platform
import sqlite3
import sys
import time
from datetime import UTC, datetime
from typing import Any


def cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo (or the platform's guess elsewhere)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def memory_gib() -> float | None:
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def machine_info() -> dict[str, Any]:
    """Date, cores, CPU model, memory, Python and SQLite versions, and the load right now."""
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": os.cpu_count(),
        "cpu_model": cpu_model(),
        "memory_gib": memory_gib(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
        "loadavg_1m": round(os.getloadavg()[0], 2),
        "executable": sys.executable,
    }


def cpu_busy(seconds: float = 1.0) -> float:
    """Fraction of all CPUs busy over a short window (from /proc/stat)."""

    def snap() -> tuple[int, int]:
        with open("/proc/stat", encoding="utf-8") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        return v[3] + v[4], sum(v)

    idle0, total0 = snap()
    time.sleep(seconds)
    idle1, total1 = snap()
    return round(1 - (idle1 - idle0) / max(total1 - total0, 1), 2)


# Seconds to wait for an idle machine before each run (BENCH_QUIET_WAIT): short by
# default so a busy neighbour cannot push `make bench` past its 15 minutes.
QUIET_WAIT = float(os.environ.get("BENCH_QUIET_WAIT", "5"))


def wait_quiet(max_wait: float | None = None, threshold: float = 0.3) -> float:
    """Wait (at most `max_wait` s) until the CPUs are mostly idle; return the busy share seen.

    The machine is shared with other work: a figure taken while a neighbour compiles is
    not Heard's figure. The busy share is recorded with each run so a reader can tell.
    """
    end = time.monotonic() + (QUIET_WAIT if max_wait is None else max_wait)
    busy = cpu_busy()
    while busy > threshold and time.monotonic() < end:
        time.sleep(1.0)
        busy = cpu_busy()
    return busy
