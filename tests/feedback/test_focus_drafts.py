"""The focus-group form is in sections and saves a draft on the server ("Save and continue
later", no script): the form opens again as it was left, once per person, until saved."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import FocusDraft, FocusSession, Response
from tests.feedback.staff_helpers import csrf, signed_in
from tests.feedback.test_focus_groups import NOTE_LISTENED, _form

NEW = "/facilitate/sessions/new"


def _count(app, model) -> int:  # type: ignore[no-untyped-def]
    with app.app_context():
        return db.session.scalar(select(func.count(model.id)))


def test_the_form_is_in_sections_each_able_to_save_a_draft(library_loaded):
    page = signed_in(library_loaded, "facilitator").get(NEW).get_data(as_text=True)
    sections = page.count('<section class="form-section"')
    assert sections >= 2
    assert len(re.findall(r'<a href="#section-\d+">', page)) == sections
    assert page.count('value="draft">Save and continue later</button>') == sections


def test_a_half_done_session_is_kept_and_shown_again(library_loaded):
    app = library_loaded
    client = signed_in(app, "facilitator")
    blank = client.get(NEW).get_data(as_text=True)
    half = {  # as a browser posts it: the hidden fields too
        "csrf_token": csrf(client, NEW),
        "token": re.search(r'name="token" value="([^"]+)"', blank).group(1),
        "quote_rows": "6",
        "session_date": "2026-02-10",
        "prompt_listened": NOTE_LISTENED,
        "action": "draft",
    }
    reply = client.post(NEW, data=half)
    assert reply.status_code == 303 and reply.headers["Location"].endswith("/facilitate/sessions")
    listing = client.get(reply.headers["Location"]).get_data(as_text=True)
    assert "Draft saved." in listing and "Carry on with it" in listing
    # Nothing half done reaches analysis: no response, no session.
    assert _count(app, Response) == 0 and _count(app, FocusDraft) == 1
    again = client.get(NEW).get_data(as_text=True)
    assert "This is your draft" in again
    assert NOTE_LISTENED in again and 'value="2026-02-10"' in again
    assert "There is a problem" not in again  # a draft is not checked
    # Saving the whole session stores it once and drops the draft.
    reply = client.post(NEW, data=_form(client))
    assert reply.status_code == 303
    assert _count(app, FocusSession) == 1 and _count(app, FocusDraft) == 0
    assert "Carry on with it" not in client.get("/facilitate/sessions").get_data(as_text=True)


def test_a_draft_is_its_authors_alone_and_can_be_deleted(library_loaded):
    app = library_loaded
    mine = signed_in(app, "facilitator")
    mine.post(
        NEW,
        data={"csrf_token": csrf(mine, NEW), "prompt_listened": NOTE_LISTENED, "action": "draft"},
    )
    other = signed_in(app, "admin")
    assert NOTE_LISTENED not in other.get(NEW).get_data(as_text=True)
    reply = mine.post(NEW, data={"csrf_token": csrf(mine, NEW), "action": "discard"})
    assert "The draft was deleted." in mine.get(reply.headers["Location"]).get_data(as_text=True)
    assert _count(app, FocusDraft) == 0
    assert NOTE_LISTENED not in mine.get(NEW).get_data(as_text=True)


def test_a_draft_needs_the_csrf_token(library_loaded):
    client = signed_in(library_loaded, "facilitator")
    reply = client.post(NEW, data={"prompt_listened": "x", "action": "draft"})
    assert reply.status_code == 400 and _count(library_loaded, FocusDraft) == 0
