"""A world of alerted and ordinary texts for the walk over every text surface.

Each survey that reaches a text surface gets one response with a concern alert whose
*other* texts are harmless (they mention a giraffe), and one ordinary response whose
text mentions a kite. A surface may show kites; it must never show a giraffe, nor the
disclosure itself, anywhere but on the alert's own page.
"""

from __future__ import annotations

import io
import secrets
from dataclasses import dataclass, field

import openpyxl
from flask import Flask
from flask.testing import FlaskCliRunner
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import ConcernAlert, CourseRun, FocusSession, Response, Survey
from feedback.services.surveys.courses import course_campaigns
from feedback.services.surveys.focus import QuoteInput, record_session
from feedback.services.surveys.responses import record_response
from tests.feedback.access_helpers import build_world
from tests.feedback.helpers import load_test_survey
from tests.feedback.safeguarding_helpers import DISCLOSURE, submit

#: words only the alerted responses wrote: none may leave the alert page
SECRET_WORDS = ("giraffe", "boyfriend", "hurts me")
#: words of the ordinary responses: the surfaces do show texts
SHOWN_WORD = "kite"
ALERTED_TEXT = "The giraffe painting club at the hub was brilliant fun and staff listened to me"
CONTROL_TEXT = "The kite painting club at the hub was brilliant fun and staff listened to me"


@dataclass
class World:
    """URL values to walk (each URL part may have several) and the alerts raised."""

    values: dict[str, list[object]] = field(default_factory=dict)
    alert_ids: list[int] = field(default_factory=list)
    slugs: list[str] = field(default_factory=list)
    #: (slug, response id) of every response of those surveys: a response's page is
    #: walked under its own survey only (another survey's slug is a 404)
    responses: list[tuple[str, int]] = field(default_factory=list)


def _course_answers(app: Flask, course_id: int) -> None:
    """The probe's case: a trainee's disclosure beside a harmless "most useful" answer."""
    stage = course_campaigns(db.session.get(CourseRun, course_id)).post
    version = stage.survey.current_version
    for useful, worry in ((ALERTED_TEXT, DISCLOSURE), (CONTROL_TEXT, None)):
        answers = {"most_useful": useful, "consent_to_quote": "yes", "skills_improved": "agree"}
        if worry:
            answers["anything_else"] = worry
        record_response(
            version=version,
            campaign=stage,
            answers=answers,
            token=secrets.token_urlsafe(8),
            secret=app.config["SECRET_KEY"],
        )


def _sessions() -> list[int]:
    """A focus group whose notes hold a disclosure, and an ordinary one."""
    ids = []
    for listened, safe in ((ALERTED_TEXT, DISCLOSURE), (CONTROL_TEXT, "We feel safe here.")):
        response = record_session(
            answers={
                "session_date": "2026-02-11",
                "participants": "5",
                "consent_to_quote": "yes",
                "prompt_listened": listened,
                "prompt_safe": safe,
            },
            facilitator="Sam",
            quotes=[QuoteInput(text=listened, consent=True, prompt_id="prompt_listened")],
            secret="surfaces",
            entered_by_id=None,
        )
        assert response is not None
        ids.append(
            db.session.scalar(
                select(FocusSession.id).where(FocusSession.response_id == response.id)
            )
        )
    return ids


def build_text_world(app: Flask, runner: FlaskCliRunner) -> World:
    """The demo world of test_access, plus the alerted and ordinary texts above."""
    base = build_world(app, runner)
    contact = load_test_survey(app, "contact.yaml")
    client = app.test_client()
    # Asking to be contacted raises an alert although the text itself is harmless.
    submit(client, contact, {"anything_else": ALERTED_TEXT, "heard_contact": "yes"})
    for _ in range(3):
        submit(client, contact, {"anything_else": CONTROL_TEXT})
    world = World(values={k: [v] for k, v in base.items()})
    with app.test_request_context():
        _course_answers(app, int(base["course_id"]))  # type: ignore[arg-type]
        world.values["session_id"] = _sessions()
        world.alert_ids = list(db.session.scalars(select(ConcernAlert.id)))
        world.slugs = [contact, "training-post", "focus-group", str(base["slug"])]
        world.values["slug"] = list(world.slugs)
        world.values["kind"] = ["outcomes", "trend", "themes"]
        world.responses = [
            (slug, rid)
            for slug, rid in db.session.execute(
                select(Survey.slug, Response.id)
                .join(Response, Response.survey_id == Survey.id)
                .where(Survey.slug.in_(world.slugs))
                .order_by(Response.id)
            )
        ]
    return world


def closed_questions(app: Flask, slug: str) -> list[str]:
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.slug == slug))
        return [q.id for q in survey.current_version.definition.questions() if q.closed]


def body_text(reply) -> str:  # type: ignore[no-untyped-def]
    """What a reply says, as text: every cell of a workbook, the body of anything else."""
    data = reply.get_data()
    reply.close()
    if reply.mimetype.endswith("spreadsheetml.sheet"):
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        cells = (
            str(value)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        )
        return "\n".join(cells)
    return data.decode("utf-8", errors="replace")


def leaks(text: str) -> list[str]:
    """The secret words found in `text` (case-insensitive)."""
    lower = text.lower()
    return [word for word in SECRET_WORDS if word in lower]
