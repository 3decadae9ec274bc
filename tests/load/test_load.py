"""32 concurrent clients, 5,000 submissions, through a real gunicorn server on loopback.

Runs on whichever database the suite runs on (SQLite, then PostgreSQL in CI).
"""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import create_engine, func, select, text

from tests.load.harness import Tally, gunicorn, run_clients, server_log_tail

pytestmark = pytest.mark.slow
SUBMISSIONS = 5000
CLIENTS = 32
TIME_BOUND = 420  # seconds: the harness stops by itself, finished or not


def test_every_acknowledged_submission_is_stored_exactly_once(database_url):
    tally = Tally()
    with gunicorn(database_url) as host:
        started = run_clients(host, CLIENTS, SUBMISSIONS, TIME_BOUND, tally)
    assert tally.server_errors == [], server_log_tail()
    assert started == SUBMISSIONS, "the run hit its time bound"
    assert tally.retried >= SUBMISSIONS // 10 - 1
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as conn:
        stored = conn.scalar(select(func.count()).select_from(text("response")))
        texts = Counter(
            conn.scalars(text("SELECT value FROM answer WHERE question_id = 'say_more'"))
        )
        orphans = conn.scalar(
            text("SELECT count(*) FROM answer WHERE response_id NOT IN (SELECT id FROM response)")
        )
    engine.dispose()
    assert stored == tally.acknowledged == SUBMISSIONS
    assert len(texts) == SUBMISSIONS and set(texts.values()) == {1}
    assert orphans == 0
