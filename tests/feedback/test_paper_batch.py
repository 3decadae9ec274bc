"""Paper entry lists the batch's entries so a typing mistake can be put right: an entry of
the current batch can be corrected (the form opens with what was typed) or deleted,
each audited; no one else's entry, and none outside the batch, can be touched."""

from __future__ import annotations

import re

from sqlalchemy import select

from feedback.extensions import db
from feedback.models import AuditEvent, Response
from tests.feedback.staff_helpers import signed_in
from tests.feedback.test_paper_entry import FOLLOWUP, _blank


def _save(client, **answers: str):  # type: ignore[no-untyped-def]
    _, fields = _blank(client)
    reply = client.post(FOLLOWUP, data=fields | {"entry_mode": "paper"} | answers)
    assert reply.status_code == 303
    return client.get(reply.headers["Location"]).get_data(as_text=True)


def _responses(app) -> list[tuple[int, dict[str, str]]]:  # type: ignore[no-untyped-def]
    with app.app_context():
        found = db.session.scalars(select(Response).order_by(Response.id)).all()
        return [(r.id, {a.question_id: a.value for a in r.answers}) for r in found]


def _audits(app, prefix: str) -> list[tuple]:  # type: ignore[no-untyped-def]
    with app.app_context():
        rows = db.session.scalars(select(AuditEvent).where(AuditEvent.action.like(f"{prefix}%")))
        return [(e.action, e.user_id, e.detail) for e in rows]


def test_the_batch_lists_its_entries_with_correct_and_delete(library_loaded):
    app = library_loaded
    client = signed_in(app, "facilitator")
    _save(client, used_in_practice="yes", conf_respond="8")
    page = _save(client, used_in_practice="no", conf_respond="3")
    assert "2 entered in this batch" in page and 'href="#batch"' in page
    table = page[page.index('<h2 id="batch">') :]
    assert len(re.findall(r"<tr>", table.split("<tbody>")[1])) == 2
    (first, _), (second, _) = _responses(app)
    assert f"{FOLLOWUP}?correct={first}" in table
    assert f"{FOLLOWUP}/entries/{second}/delete" in table


def test_correcting_an_entry_shows_what_was_typed_and_replaces_it(library_loaded):
    app = library_loaded
    client = signed_in(app, "facilitator")
    _save(client, used_in_practice="yes", conf_respond="8", entry_date="2026-01-20")
    [(old_id, _)] = _responses(app)
    form = client.get(f"{FOLLOWUP}?correct={old_id}").get_data(as_text=True)
    assert "You are correcting entry 1 of this batch." in form
    assert re.search(r'value="yes"[^>]*checked', form)  # what was typed is shown again
    assert 'value="2026-01-20"' in form
    token = re.search(r'name="entry_token" value="([^"]*)"', form).group(1)
    csrf = re.search(r'name="csrf_token" value="([^"]*)"', form).group(1)
    campaign = re.search(r'<option value="(\d+)" selected', form).group(1)
    reply = client.post(
        f"{FOLLOWUP}?correct={old_id}",
        data={
            "csrf_token": csrf,
            "entry_token": token,
            "entry_campaign": campaign,
            "entry_language": "en",
            "entry_mode": "paper",
            "entry_date": "2026-01-20",
            "used_in_practice": "yes",
            "conf_respond": "6",  # the typing mistake put right
        },
    )
    page = client.get(reply.headers["Location"]).get_data(as_text=True)
    assert "Entry 1 of this batch was corrected." in page
    assert "1 entered in this batch" in page  # replaced, not added
    [(new_id, answers)] = _responses(app)
    assert new_id != old_id and answers["conf_respond"] == "6"
    me = _audits(app, "paper.")[0][1]
    assert _audits(app, "paper.") == [
        ("paper.correct", me, {"response": old_id, "replaced_by": new_id})
    ]


def test_deleting_an_entry_is_audited_and_counted_down(library_loaded):
    app = library_loaded
    client = signed_in(app, "facilitator")
    _save(client, used_in_practice="yes")
    page = _save(client, used_in_practice="no")
    (first, _), (second, _) = _responses(app)
    csrf = re.search(r'name="csrf_token" value="([^"]*)"', page).group(1)
    reply = client.post(f"{FOLLOWUP}/entries/{first}/delete", data={"csrf_token": csrf})
    page = client.get(reply.headers["Location"]).get_data(as_text=True)
    assert "Entry 1 of this batch was deleted." in page
    assert "1 entered in this batch" in page
    assert [i for i, _ in _responses(app)] == [second]
    [(action, by, detail)] = _audits(app, "paper.")
    assert action == "paper.delete" and by is not None and detail == {"response": first}
    # Without the CSRF token nothing happens.
    assert client.post(f"{FOLLOWUP}/entries/{second}/delete").status_code == 400


def test_no_one_else_can_touch_an_entry_outside_their_batch(library_loaded):
    app = library_loaded
    mine = signed_in(app, "facilitator")
    _save(mine, used_in_practice="yes")
    [(entry, _)] = _responses(app)
    other = signed_in(app, "admin")
    page = other.get(FOLLOWUP).get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]*)"', page).group(1)
    assert (
        other.post(f"{FOLLOWUP}/entries/{entry}/delete", data={"csrf_token": csrf}).status_code
        == 404
    )
    assert "You are correcting" not in other.get(f"{FOLLOWUP}?correct={entry}").get_data(
        as_text=True
    )
    # A new batch forgets the old one's entries: they can no longer be changed from here.
    mine_page = mine.get(FOLLOWUP).get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]*)"', mine_page).group(1)
    mine.post(f"{FOLLOWUP}/new-batch", data={"csrf_token": csrf})
    assert (
        mine.post(f"{FOLLOWUP}/entries/{entry}/delete", data={"csrf_token": csrf}).status_code
        == 404
    )
    assert [i for i, _ in _responses(app)] == [entry]
