"""Filling the reading list and reading its page, for the reading-list tests."""

from __future__ import annotations

import re
import secrets
from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import Answer, Campaign, Survey, TextAnalysis
from feedback.models._time import utcnow
from feedback.services.surveys.responses import record_response
from tests.feedback.helpers import hidden

CHILD = "children-8-11"


def store_text(
    app: Flask,
    text: str,
    *,
    hours_ago: float = 1,
    score: float | str | None = 0.1,
    slug: str = CHILD,
    question: str = "anything_else",
    consent: str | None = None,
) -> int:
    """Store a response whose free-text answer is `text`, sent `hours_ago`; its answer id.

    The response goes through record_response (analysed, alerts raised, as a child's
    would); `score` then sets the analysis's concern score so a test decides the order
    (None: as if not analysed yet; "analysed": the analyser's own). `consent`: the
    answer to consent_to_quote, if any.
    """
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.slug == slug))
        campaign = db.session.scalar(select(Campaign).where(Campaign.survey_id == survey.id))
        response = record_response(
            version=survey.current_version,
            campaign=campaign,
            answers={question: text, **({"consent_to_quote": consent} if consent else {})},
            token=secrets.token_urlsafe(16),
            secret="test",
            submitted_at=utcnow() - timedelta(hours=hours_ago),
        )
        assert response is not None
        answer = db.session.scalar(
            select(Answer).where(Answer.response_id == response.id, Answer.question_id == question)
        )
        analysis = db.session.scalar(
            select(TextAnalysis).where(TextAnalysis.answer_id == answer.id)
        )
        if score is None:
            db.session.delete(analysis)
        elif score != "analysed":
            analysis.concern_score = score
        db.session.commit()
        return answer.id


def reading_page(client: FlaskClient) -> str:
    reply = client.get("/safeguarding/reading")
    assert reply.status_code == 200, reply.status_code
    assert reply.headers["Cache-Control"] == "no-store"
    return reply.get_data(as_text=True)


def shown_ids(html: str) -> list[int]:
    """The texts on the page, in the order shown (from each item's heading)."""
    return [
        int(i)
        for i in re.findall(
            r'<article class="reading-item[^"]*" aria-labelledby="item-(\d+)"', html
        )
    ]


def overdue_ids(html: str) -> list[int]:
    return [
        int(i)
        for i in re.findall(
            r'<article class="reading-item overdue" aria-labelledby="item-(\d+)"', html
        )
    ]


def post_read(client: FlaskClient, html: str, ids: list[int], bulk: bool = False, **extra: str):  # type: ignore[no-untyped-def]
    """Post "Read — no concern" (or the bulk form) with the page's signature."""
    data: dict[str, object] = {
        "csrf_token": hidden(html, "csrf_token"),
        "shown": hidden(html, "shown"),
        "item": [str(i) for i in ids],
    }
    if bulk:
        data["bulk"] = "1"
    data.update(extra)
    return client.post("/safeguarding/reading/read", data=data)


def post_alert(client: FlaskClient, html: str, answer_id: int, note: str, categories=()):  # type: ignore[no-untyped-def]
    return client.post(
        f"/safeguarding/reading/{answer_id}/alert",
        data={
            "csrf_token": hidden(html, "csrf_token"),
            "shown": hidden(html, "shown"),
            "note": note,
            "categories": list(categories),
        },
    )


def flashed(client: FlaskClient, reply) -> str:  # type: ignore[no-untyped-def]
    """The page a 303 leads to (where the flashed message is shown)."""
    assert reply.status_code == 303, reply.status_code
    return client.get(reply.headers["Location"]).get_data(as_text=True)
