"""The app gunicorn serves in the benchmarks: Heard as deployed, with two bench settings.

- The session cookie drops its Secure flag: the bench talks plain HTTP on loopback.
- The per-address limits on survey POSTs (stored responses and new drafts) are raised,
  because every simulated respondent comes from 127.0.0.1. The limits still run on every
  POST, so their cost is measured.
"""

from __future__ import annotations

import os

from feedback import create_app

app = create_app(
    {
        "SESSION_COOKIE_SECURE": False,
        "HEARD_SUBMIT_RATE": os.environ.get("BENCH_SUBMIT_RATE", "1000000 per minute"),
        "HEARD_START_RATE": os.environ.get("BENCH_SUBMIT_RATE", "1000000 per minute"),
    }
)
