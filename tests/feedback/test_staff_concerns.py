"""Any member of staff raises a concern about a text they are shown; it is then withheld."""

from __future__ import annotations

import csv
import html as htmllib
import io
import re

import pytest
from sqlalchemy import func, select

from analysis.export import WITHHELD
from feedback.extensions import db
from feedback.models import AlertNote, AuditEvent, ConcernAlert, CourseRun, FocusSession, User
from tests.feedback.helpers import hidden
from tests.feedback.reading_helpers import store_text
from tests.feedback.staff_helpers import signed_in

SLUG = "children-8-11"
WORDS = "My worker listens to me and explains what happens next"
OTHER = "Nobody listens to me at the meetings"


def _links(page: str) -> list[str]:
    return [htmllib.unescape(u) for u in re.findall(r'href="(/safeguarding/concern/[^"]+)"', page)]


def _answer_of(app, link: str) -> int:  # type: ignore[no-untyped-def]
    """The text a concern link is about (its signed payload)."""
    from feedback.services.signed import unsign

    with app.app_context():
        return unsign("concern.link", link.rsplit("/", 1)[1], 3600)["a"]


def _raise(client, link: str, why: str, categories=()):  # type: ignore[no-untyped-def]
    form = client.get(link)
    assert form.status_code == 200
    html = form.get_data(as_text=True)
    return client.post(
        link,
        data={"csrf_token": hidden(html, "csrf_token"), "why": why, "categories": list(categories)},
    )


def _alerts(app) -> list[tuple[str, int | None, list[str], int]]:  # type: ignore[no-untyped-def]
    with app.app_context():
        return [
            (a.source, a.raised_by_id, a.categories, a.answer_id)
            for a in db.session.scalars(select(ConcernAlert).order_by(ConcernAlert.id))
        ]


def _user(app, role: str) -> int:  # type: ignore[no-untyped-def]
    with app.app_context():
        return db.session.scalar(select(User.id).where(User.email == f"{role}@example.org"))


@pytest.fixture
def quotable(library_loaded):  # type: ignore[no-untyped-def]
    """Two quotable children's texts about being listened to (so both are excerpts)."""
    app = library_loaded
    ids = [store_text(app, text, hours_ago=2, score=0.1, consent="yes") for text in (WORDS, OTHER)]
    return app, ids


def test_an_analyst_raises_a_concern_about_an_excerpt_and_it_is_withheld(quotable, tmp_path):
    app, (answer_id, _) = quotable
    analyst = signed_in(app, "analyst")
    survey_page = f"/analyse/surveys/{SLUG}"
    page = analyst.get(survey_page).get_data(as_text=True)
    assert WORDS in page and OTHER in page
    link = next(u for u in _links(page) if WORDS in analyst.get(u).get_data(as_text=True))
    reply = _raise(analyst, link, "Sounds scripted, as if coached.", ["emotional_abuse"])
    assert reply.status_code == 303 and reply.headers["Location"] == survey_page
    after = analyst.get(survey_page).get_data(as_text=True)
    assert "The safeguarding leads have been told" in after
    assert WORDS not in after and OTHER in after
    assert _alerts(app) == [("staff", _user(app, "analyst"), ["emotional_abuse"], answer_id)]
    with app.app_context():
        note = db.session.scalar(select(AlertNote))
        assert (note.text, note.user_id) == (
            "Sounds scripted, as if coached.",
            _user(app, "analyst"),
        )
        raised = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "alert.raise"))
        assert raised.detail["source"] == "staff" and "coached" not in str(raised.detail)
    # Withheld everywhere a machine-flagged text is: here, an export.
    export = analyst.get(f"/analyse/surveys/{SLUG}/export?format=csv").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(export)))
    texts = [r["anything_else"] for r in rows]
    assert WORDS not in export and WITHHELD in texts and OTHER in texts
    # Leads are told: a link, no text.
    [mail] = (tmp_path / "outbox").glob("alert-*.eml")
    assert "worker" not in mail.read_text()


def test_a_second_colleague_adds_to_the_open_alert(quotable):
    app, (answer_id, _) = quotable
    analyst = signed_in(app, "analyst")
    page = analyst.get(f"/analyse/surveys/{SLUG}").get_data(as_text=True)
    links = _links(page)
    for link in links:
        if WORDS in analyst.get(link).get_data(as_text=True):
            _raise(analyst, link, "First worry.")
            second = _raise(analyst, link, "Second thoughts.", ["neglect"])
            break
    assert second.status_code == 303
    after = analyst.get(second.headers["Location"]).get_data(as_text=True)
    assert "A lead is already looking at this text" in after
    assert [(a[2], a[3]) for a in _alerts(app)] == [(["neglect"], answer_id)]
    with app.app_context():
        assert db.session.scalar(select(func.count(AlertNote.id))) == 2


def test_a_trainers_course_comment_and_a_facilitators_note(library_loaded, runner):
    app = library_loaded
    assert runner.invoke(args=["demo", "--responses", "4"]).exit_code == 0
    from feedback.services.surveys.focus import QuoteInput, record_session

    with app.test_request_context():
        focus = record_session(
            answers={
                "session_date": "2026-02-10",
                "consent_to_quote": "yes",
                "prompt_safe": "They feel safe at the club",
            },
            facilitator="Sam",
            quotes=[QuoteInput("we would like the club open on sundays", consent=False)],
            secret="test",
            entered_by_id=None,
        )
        session_id = db.session.scalar(
            select(FocusSession.id).where(FocusSession.response_id == focus.id)
        )
        course_id = db.session.scalar(select(CourseRun.id))
    facilitator = signed_in(app, "facilitator")
    page = facilitator.get(f"/facilitate/sessions/{session_id}").get_data(as_text=True)
    [first, *_] = _links(page)
    back = _raise(facilitator, first, "The group talked about a boy being hurt.")
    assert back.headers["Location"] == f"/facilitate/sessions/{session_id}"
    again = facilitator.get(back.headers["Location"]).get_data(as_text=True)
    assert "A safeguarding alert is open on this session" in again
    assert _alerts(app)[-1][:2] == ("staff", _user(app, "facilitator"))

    trainer = signed_in(app, "trainer")
    course = trainer.get(f"/staff/courses/{course_id}").get_data(as_text=True)
    links = _links(course)
    assert links, "the demo course shows quotable comments"
    _raise(trainer, links[0], "A comment about a colleague's conduct.")
    later = trainer.get(f"/staff/courses/{course_id}").get_data(as_text=True)
    source, by, _, answer_id = _alerts(app)[-1]
    assert (source, by) == ("staff", _user(app, "trainer"))
    assert answer_id == _answer_of(app, links[0])
    assert answer_id not in {_answer_of(app, link) for link in _links(later)}


def test_bad_concern_forms_say_why_and_change_nothing(quotable):
    app, _ = quotable
    analyst = signed_in(app, "analyst")
    [link, *_] = _links(analyst.get(f"/analyse/surveys/{SLUG}").get_data(as_text=True))
    empty = _raise(analyst, link, "   ", ["neglect"])
    assert empty.status_code == 400
    page = empty.get_data(as_text=True)
    assert "Say why this text worries you." in page and 'value="neglect" checked' in page
    long = _raise(analyst, link, "y" * 5001)
    assert long.status_code == 400 and "y" * 5001 in long.get_data(as_text=True)
    assert "longer than 5,000 characters" in long.get_data(as_text=True)
    assert _raise(analyst, link, "Worried", ["made_up"]).status_code == 400
    # A link edited by hand, or made up, names no text.
    assert analyst.get(link[:-3] + "abc").status_code == 404
    assert analyst.get("/safeguarding/concern/1").status_code == 404
    assert _alerts(app) == []
