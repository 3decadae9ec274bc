"""`heard demo` (and so `make run`) gives the lead a reading list of children's texts."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import ConcernAlert, ReadingDecision, Response, User
from feedback.models._time import utcnow
from tests.feedback.safeguarding_helpers import make_user


def test_the_demo_leaves_recent_childrens_texts_to_read(app, runner):
    make_user(app, "safeguarding@heard.example", "safeguarding")
    assert runner.invoke(args=["demo", "--responses", "10"]).exit_code == 0
    status = json.loads(runner.invoke(args=["reading", "status", "--format", "json"]).output)
    # Four fresh texts in each of the three children's surveys, one of them overdue; a
    # fresh text the analyser flags is read on its alert's page instead of the list.
    with app.app_context():
        alerted = db.session.scalar(
            select(func.count(func.distinct(ConcernAlert.response_id))).where(
                ConcernAlert.created_at > utcnow() - timedelta(days=5)
            )
        )
    assert status["unread"] + alerted >= 12 and status["overdue"] >= 3
    assert status["oldest_hours"] < 14 * 24
    with app.app_context():
        lead = db.session.scalar(select(User.id).where(User.email == "safeguarding@heard.example"))
        read_by = set(db.session.scalars(select(ReadingDecision.user_id)))
        waits = [
            read - sent
            for read, sent in db.session.execute(
                select(ReadingDecision.decided_at, Response.submitted_at).join(
                    Response, Response.id == ReadingDecision.response_id
                )
            )
        ]
        assert read_by == {lead}  # the older texts, read by the demo lead
        assert db.session.scalar(select(func.max(ReadingDecision.decided_at))) < utcnow()
    # Read a few hours to a couple of days after they came in: the summary has a median.
    assert waits and all(timedelta(hours=2) <= w <= timedelta(hours=60) for w in waits)
