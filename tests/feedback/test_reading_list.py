"""The lead's reading list: order, overdue, decisions that are signed, timed and audited."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import AlertNote, AuditEvent, ConcernAlert, ReadingDecision, User
from feedback.models._time import utcnow
from tests.feedback.helpers import hidden
from tests.feedback.reading_helpers import (
    flashed,
    overdue_ids,
    post_alert,
    post_read,
    reading_page,
    shown_ids,
    store_text,
)
from tests.feedback.safeguarding_helpers import DISCLOSURE, lead_client


@pytest.fixture
def lead(library_loaded):  # type: ignore[no-untyped-def]
    return lead_client(library_loaded)


def _decisions(app) -> list[ReadingDecision]:  # type: ignore[no-untyped-def]
    with app.app_context():
        rows = list(db.session.scalars(select(ReadingDecision).order_by(ReadingDecision.id)))
        for row in rows:
            db.session.expunge(row)
        return rows


def _count(app, model) -> int:  # type: ignore[no-untyped-def]
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def test_highest_concern_first_then_oldest_and_overdue_after_72_hours(library_loaded, lead):
    app = library_loaded
    old_low = store_text(app, "The worker was kind to me", hours_ago=100, score=0.2)
    new_high = store_text(app, "we have lots of visitors at night", hours_ago=1, score=0.9)
    newer_low = store_text(app, "The meetings were too long", hours_ago=10, score=0.2)
    unscored = store_text(app, "Nobody asked me", hours_ago=2, score=None)
    just_in_time = store_text(app, "I liked the games", hours_ago=71, score=0.05)
    # Not on the list: a staff survey's text, and a text with an alert of its own.
    store_text(
        app, "Caseloads are too high", hours_ago=200, slug="staff-survey", question="one_change"
    )
    store_text(app, DISCLOSURE, hours_ago=3, score=0.99)

    html = reading_page(lead)
    assert shown_ids(html) == [unscored, new_high, old_low, newer_low, just_in_time]
    assert overdue_ids(html) == [old_low]
    assert "5 texts unread" in html and "1 overdue" in html
    assert "we have lots of visitors at night" in html  # the text as written
    assert "Is there anything else you want to tell us?" in html  # the question
    assert "Not analysed yet" in html and "Concern score 90" in html
    # The survey with its age band, the campaign, the language, the time in London.
    assert "(age 8-11)" in html and ("GMT" in html or "BST" in html)


def test_reading_status_prints_unread_overdue_and_the_oldest_hours(library_loaded, runner):
    app = library_loaded
    empty = runner.invoke(args=["reading", "status", "--format", "json"])
    assert empty.exit_code == 0, empty.output
    assert json.loads(empty.output) == {"unread": 0, "overdue": 0, "oldest_hours": None}
    store_text(app, "It was fine", hours_ago=80)
    store_text(app, "It was good", hours_ago=5)
    result = runner.invoke(args=["reading", "status", "--format", "json"])
    figures = json.loads(result.output)
    assert (figures["unread"], figures["overdue"]) == (2, 1)
    assert 79.9 <= figures["oldest_hours"] <= 80.2
    table = runner.invoke(args=["reading", "status"])
    assert "unread        2" in table.output


def test_read_no_concern_is_signed_timed_and_audited(library_loaded, lead):
    app = library_loaded
    answer_id = store_text(app, "I liked my worker", hours_ago=5)
    before = utcnow()
    html = reading_page(lead)
    page = flashed(lead, post_read(lead, html, [answer_id]))
    assert "Marked 1 text as read." in page
    assert answer_id not in shown_ids(page)
    [decision] = _decisions(app)
    with app.app_context():
        lead_id = db.session.scalar(select(User.id).where(User.email == "lead@example.org"))
        audit = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "reading.read"))
        assert (audit.user_id, audit.target_id) == (lead_id, str(answer_id))
    assert (decision.answer_id, decision.decision, decision.user_id) == (
        answer_id,
        "no_concern",
        lead_id,
    )
    assert decision.decided_at >= before and decision.bulk is False
    with app.app_context():
        views = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "reading.view").order_by(AuditEvent.id)
        ).all()
        # Each look at the list names who looked and which texts they were shown.
        assert [(v.user_id, v.detail["shown"]) for v in views] == [
            (lead_id, [answer_id]),
            (lead_id, []),
        ]


def test_mark_these_n_as_read_marks_only_the_texts_shown(library_loaded, lead, monkeypatch):
    app = library_loaded
    monkeypatch.setattr("feedback.safeguarding.reading.PAGE_SIZE", 2)
    first = store_text(app, "first text", hours_ago=30, score=0.5)
    second = store_text(app, "second text", hours_ago=20, score=0.4)
    not_shown = store_text(app, "third text, beyond the page", hours_ago=10, score=0.3)
    html = reading_page(lead)
    assert shown_ids(html) == [first, second]
    assert "Mark these 2 as read" in html
    # A text arrives while the lead reads, with a higher score than everything shown.
    late = store_text(app, "sent while the lead was reading", hours_ago=0, score=0.99)
    page = flashed(lead, post_read(lead, html, [first, second], bulk=True))
    assert "Marked 2 texts as read." in page
    assert {d.answer_id for d in _decisions(app)} == {first, second}
    assert all(d.bulk for d in _decisions(app))
    assert shown_ids(page) == [late, not_shown]
    with app.app_context():
        audits = db.session.scalars(
            select(AuditEvent.detail).where(AuditEvent.action == "reading.read")
        ).all()
    assert audits == [{"bulk": 2}, {"bulk": 2}]


def test_refused_decisions_say_why_and_change_nothing(library_loaded, lead):
    app = library_loaded
    shown = store_text(app, "shown text", hours_ago=5, score=0.5)
    html = reading_page(lead)
    elsewhere = store_text(app, "arrived after the page was drawn", hours_ago=1, score=0.1)

    # Marking read a text that was not shown, alone or slipped into the bulk form.
    for ids in ([elsewhere], [shown, elsewhere]):
        page = flashed(lead, post_read(lead, html, ids, bulk=True))
        assert "That text was not on the list you were shown, so nothing was changed." in page
    # A forged id: no such answer, or not a number at all.
    for forged in ("999999", "1 OR 1=1"):
        page = flashed(lead, post_read(lead, html, [], item=forged))
        assert "That text is not on the reading list, so nothing was changed." in page
    page = flashed(lead, post_alert(lead, html, 999999, "A forged alert"))
    assert "That text is not on the reading list, so nothing was changed." in page
    # A forged or stale signature.
    page = flashed(lead, post_read(lead, html, [shown], shown="forged"))
    assert "That list was out of date, so nothing was changed." in page
    assert _decisions(app) == []

    # Deciding on a text already decided (a second tap, or a colleague a moment ago).
    flashed(lead, post_read(lead, html, [shown]))
    page = flashed(lead, post_read(lead, html, [shown]))
    assert "Someone has already decided on that text" in page
    again = flashed(lead, post_alert(lead, html, shown, "Worried after all"))
    assert "Someone has already decided on that text" in again
    assert len(_decisions(app)) == 1 and _count(app, ConcernAlert) == 0


def test_a_note_over_the_limit_comes_back_with_what_was_written(library_loaded, lead):
    app = library_loaded
    answer_id = store_text(app, "my cousin who is 19 is my best friend now", hours_ago=5)
    html = reading_page(lead)
    long_note = "x" * 5001
    reply = post_alert(lead, html, answer_id, long_note, ["emotional_abuse"])
    assert reply.status_code == 400
    page = reply.get_data(as_text=True)
    assert "The note is longer than 5,000 characters." in page
    assert long_note in page and 'value="emotional_abuse" checked' in page
    assert '<details class="raise" open>' in page
    empty = post_alert(lead, html, answer_id, "   ")
    assert empty.status_code == 400 and "Say why you are raising an alert." in empty.get_data(
        as_text=True
    )
    bad = post_alert(lead, html, answer_id, "Worried", ["not_a_category"])
    assert bad.status_code == 400
    # A page left open past its time: refused, and what was written is not lost.
    stale = html.replace(hidden(html, "shown"), "stale")
    expired = post_alert(lead, stale, answer_id, "Written slowly", ["neglect"])
    assert expired.status_code == 400
    assert "That list was out of date" in expired.get_data(as_text=True)
    assert "Written slowly" in expired.get_data(as_text=True)
    assert _count(app, ConcernAlert) == 0 and _decisions(app) == []


def test_raising_an_alert_from_the_list_joins_the_alert_workflow(library_loaded, lead, tmp_path):
    app = library_loaded
    answer_id = store_text(app, "i dont have a coat for winter", hours_ago=5, score=0.3)
    html = reading_page(lead)
    reply = post_alert(
        lead,
        html,
        answer_id,
        "Grooming signs; ringing the school DSL.",
        [
            "sexual_abuse",
            "emotional_abuse",
        ],
    )
    page = flashed(lead, reply)
    assert "raised: it is in review" in page
    assert answer_id not in shown_ids(page)
    with app.app_context():
        alert = db.session.scalar(select(ConcernAlert))
        lead_id = db.session.scalar(select(User.id).where(User.email == "lead@example.org"))
        assert (alert.source, alert.raised_by_id, alert.answer_id) == (
            "reading",
            lead_id,
            answer_id,
        )
        assert alert.state == "in_review" and alert.assignee_id == lead_id
        assert alert.categories == ["sexual_abuse", "emotional_abuse"]  # THEMES.md order
        [note] = db.session.scalars(select(AlertNote)).all()
        assert (note.text, note.user_id, note.new_state) == (
            "Grooming signs; ringing the school DSL.",
            lead_id,
            "in_review",
        )
        decision = db.session.scalar(select(ReadingDecision))
        assert (decision.decision, decision.alert_id) == ("alert", alert.id)
        actions = set(db.session.scalars(select(AuditEvent.action)))
        assert {"alert.raise", "reading.alert"} <= actions
        alert_id = alert.id
    # The other leads are told, with a link and no text.
    mails = list((tmp_path / "outbox").glob("alert-*.eml"))
    assert len(mails) == 1 and "knee" not in mails[0].read_text()
    alert_page = lead.get(f"/safeguarding/alerts/{alert_id}").get_data(as_text=True)
    assert "i dont have a coat for winter" in alert_page


def test_the_leads_home_shows_unread_and_overdue_counts(library_loaded, lead):
    app = library_loaded
    store_text(app, "It was fine", hours_ago=100)
    store_text(app, "It was good", hours_ago=1)
    home = lead.get("/staff").get_data(as_text=True)
    assert "2 texts unread" in home and "1 overdue" in home
    assert 'href="/safeguarding/reading"' in home
    analyst = lead_client(app, "analyst@example.org", "analyst")
    assert "texts unread" not in analyst.get("/staff").get_data(as_text=True)


def test_an_admin_can_read_and_decide_too(library_loaded):
    app = library_loaded
    admin = lead_client(app, "admin@example.org", "admin")
    answer_id = store_text(app, "we go to a new house every few weeks", hours_ago=5)
    html = reading_page(admin)
    flashed(admin, post_alert(admin, html, answer_id, "Check in with the family worker."))
    with app.app_context():
        alert = db.session.scalar(select(ConcernAlert))
        # Alerts are assigned only to safeguarding leads: an admin's stays with nobody.
        assert alert.source == "reading" and alert.assignee_id is None
