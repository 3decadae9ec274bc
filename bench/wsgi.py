"""The app gunicorn serves in the benchmarks: Heard as deployed, with two bench settings.

- The session cookie drops its Secure flag: the bench talks plain HTTP on loopback.
- The per-address submission limit (120 a minute by default) is raised, because every
  simulated respondent comes from 127.0.0.1. The limiter still runs on every POST, so
  its cost is measured.
"""

from __future__ import annotations

import os

from feedback import create_app

app = create_app(
    {
        "SESSION_COOKIE_SECURE": False,
        "HEARD_SUBMIT_RATE": os.environ.get("BENCH_SUBMIT_RATE", "1000000 per minute"),
    }
)
