"""A lead works an alert: review, assign, notes, close; the list shows what is overdue."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import AlertNote, AuditEvent, ConcernAlert, User
from feedback.models._time import utcnow
from tests.feedback.helpers import hidden
from tests.feedback.safeguarding_helpers import (
    DISCLOSURE,
    SUICIDAL,
    alerts,
    free_port,
    lead_client,
    make_user,
    submit,
)

SLUG = "children-12-17"


@pytest.fixture
def lead(library_loaded):  # type: ignore[no-untyped-def]
    return lead_client(library_loaded)


def _post(client, url: str, data: dict[str, str]):  # type: ignore[no-untyped-def]
    token = hidden(client.get("/staff").get_data(as_text=True), "csrf_token")
    return client.post(url, data={**data, "csrf_token": token})


def _raise_alert(app) -> int:  # type: ignore[no-untyped-def]
    submit(app.test_client(), SLUG, {"anything_else": DISCLOSURE})
    return alerts(app)[-1].id


def _actions(app) -> list[str]:  # type: ignore[no-untyped-def]
    with app.app_context():
        return [e.action for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def test_review_then_close_with_a_note_keeps_a_timed_history(library_loaded, lead):
    app = library_loaded
    alert_id = _raise_alert(app)
    base = f"/safeguarding/alerts/{alert_id}"
    assert _post(lead, f"{base}/state", {"state": "in_review"}).status_code == 303
    assert _post(lead, f"{base}/notes", {"note_text": "Rang the school's DSL."}).status_code == 303
    # Closing without saying what was done is refused.
    _post(lead, f"{base}/state", {"state": "actioned"})
    assert alerts(app)[-1].state == "in_review"
    page = lead.get(base).get_data(as_text=True)
    assert "Say what was done before closing the alert." in page
    _post(lead, f"{base}/state", {"state": "actioned", "state_note": "Referred to MASH."})
    with app.app_context():
        alert = db.session.get(ConcernAlert, alert_id)
        notes = [(n.new_state, n.text, n.user_id is not None, n.at) for n in alert.notes]
        assert alert.state == "actioned"
    assert [(s, t) for s, t, _, _ in notes] == [
        ("in_review", ""),
        (None, "Rang the school's DSL."),
        ("actioned", "Referred to MASH."),
    ]
    assert all(by for _, _, by, _ in notes) and all(at for *_, at in notes)
    history = lead.get(base).get_data(as_text=True)
    assert "Referred to MASH." in history and "moved to Actioned" in history
    actions = _actions(app)
    assert actions.count("alert.state") == 2 and actions.count("alert.note") == 1
    assert actions.count("alert.view") == 2  # the two times the page was opened


def test_a_closed_alert_can_be_reopened_but_not_skip_about(library_loaded, lead):
    alert_id = _raise_alert(library_loaded)
    base = f"/safeguarding/alerts/{alert_id}"
    _post(lead, f"{base}/state", {"state": "no_further_action", "state_note": "A film plot."})
    _post(lead, f"{base}/state", {"state": "actioned", "state_note": "x"})  # not allowed
    assert alerts(library_loaded)[-1].state == "no_further_action"
    _post(lead, f"{base}/state", {"state": "in_review", "state_note": "Second look."})
    assert alerts(library_loaded)[-1].state == "in_review"


def test_assign_to_a_lead_only(library_loaded, lead):
    app = library_loaded
    alert_id = _raise_alert(app)
    make_user(app, "second.lead@example.org", "safeguarding")
    make_user(app, "analyst@example.org", "analyst")
    with app.app_context():
        ids = dict(db.session.execute(select(User.email, User.id)).all())
    base = f"/safeguarding/alerts/{alert_id}"
    page = lead.get(base).get_data(as_text=True)
    assert "second.lead@example.org" in page and "analyst@example.org" not in page
    _post(lead, f"{base}/assign", {"assignee": str(ids["analyst@example.org"])})
    assert alerts(app)[-1].assignee_id is None
    _post(lead, f"{base}/assign", {"assignee": str(ids["second.lead@example.org"])})
    assert alerts(app)[-1].assignee_id == ids["second.lead@example.org"]
    with app.app_context():
        assert db.session.scalar(select(AlertNote.text)) == "Assigned to second.lead@example.org."
    assert "alert.assign" in _actions(app)
    listing = lead.get("/safeguarding/").get_data(as_text=True)
    assert "second.lead@example.org" in listing


def test_list_is_most_severe_and_newest_first_with_overdue_marker(library_loaded, lead):
    app = library_loaded
    first = _raise_alert(app)
    submit(app.test_client(), SLUG, {"anything_else": SUICIDAL})
    second = alerts(app)[-1].id
    with app.app_context():
        old = db.session.get(ConcernAlert, first)
        old.created_at = utcnow() - timedelta(hours=30)
        old.level, new = 1, db.session.get(ConcernAlert, second)
        new.level = 3
        db.session.commit()
    page = lead.get("/safeguarding/").get_data(as_text=True)
    assert page.index(f"Alert {second}<") < page.index(f"Alert {first}<")
    assert page.count("Overdue</strong>") == 1
    # The list never shows what was written: only the alert page does (and audits it).
    assert "boyfriend" not in page and "kill" not in page
    assert "alert.view" not in _actions(app)
    app.config["HEARD_ALERT_OVERDUE_HOURS"] = 48
    assert "Overdue</strong>" not in lead.get("/safeguarding/").get_data(as_text=True)


def test_state_filter(library_loaded, lead):
    alert_id = _raise_alert(library_loaded)
    base = f"/safeguarding/alerts/{alert_id}"
    _post(lead, f"{base}/state", {"state": "no_further_action", "state_note": "Checked."})
    assert f"Alert {alert_id}<" not in lead.get("/safeguarding/").get_data(as_text=True)
    closed = lead.get("/safeguarding/?state=no_further_action").get_data(as_text=True)
    assert f"Alert {alert_id}<" in closed
    assert f"Alert {alert_id}<" in lead.get("/safeguarding/?state=all").get_data(as_text=True)
    assert lead.get("/safeguarding/?state=nonsense").status_code == 200


def test_flagged_text_is_escaped_on_the_alert_page(library_loaded, lead):
    hostile = "<script>alert(1)</script> he hurts me"
    submit(library_loaded.test_client(), SLUG, {"anything_else": hostile})
    alert_id = alerts(library_loaded)[-1].id
    page = lead.get(f"/safeguarding/alerts/{alert_id}").get_data(as_text=True)
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page


def test_unknown_alert_is_not_found(library_loaded, lead):
    assert lead.get("/safeguarding/alerts/4242").status_code == 404


def test_the_list_warns_about_alerts_nobody_was_told_about(library_loaded, lead):
    app = library_loaded
    app.config.update(HEARD_SMTP_HOST="127.0.0.1", HEARD_SMTP_PORT=free_port())
    alert_id = _raise_alert(app)
    assert "not been notified" not in lead.get("/safeguarding/").get_data(as_text=True)
    with app.app_context():
        db.session.get(ConcernAlert, alert_id).created_at = utcnow() - timedelta(minutes=5)
        db.session.commit()
    page = lead.get("/safeguarding/").get_data(as_text=True)
    assert "1 alert has not been e-mailed to the leads yet." in page
    assert "outbox" not in page  # e-mail is set up, it just failed
