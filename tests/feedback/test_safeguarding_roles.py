"""Only safeguarding leads and admins reach /safeguarding; everyone else is turned away."""

from __future__ import annotations

import pytest

from feedback.extensions import db
from feedback.models import AlertNote, AuditEvent, ConcernAlert
from tests.feedback.helpers import hidden
from tests.feedback.safeguarding_helpers import DISCLOSURE, alerts, login, make_user, submit

SLUG = "children-8-11"
STAFF_ROLES = ("analyst", "facilitator", "trainer", "safeguarding", "admin")


@pytest.fixture
def alert_id(library_loaded) -> int:  # type: ignore[no-untyped-def]
    submit(library_loaded.test_client(), SLUG, {"anything_else": DISCLOSURE})
    [alert] = alerts(library_loaded)
    return alert.id


def _routes(alert_id: int) -> list[tuple[str, str, dict[str, str]]]:
    return [
        ("GET", "/safeguarding/", {}),
        ("GET", "/safeguarding/?state=all", {}),
        ("GET", f"/safeguarding/alerts/{alert_id}", {}),
        ("POST", f"/safeguarding/alerts/{alert_id}/state", {"state": "in_review"}),
        ("POST", f"/safeguarding/alerts/{alert_id}/assign", {"assignee": ""}),
        ("POST", f"/safeguarding/alerts/{alert_id}/notes", {"note_text": "Called the school."}),
    ]


def _call(client, method: str, url: str, data: dict[str, str]):  # type: ignore[no-untyped-def]
    if method == "GET":
        return client.get(url)
    token = hidden(client.get("/staff").get_data(as_text=True), "csrf_token")
    return client.post(url, data={**data, "csrf_token": token})


def test_anonymous_visitors_are_sent_to_sign_in(library_loaded, client, alert_id):
    token = hidden(client.get("/login").get_data(as_text=True), "csrf_token")
    for method, url, data in _routes(alert_id):
        if method == "GET":
            reply = client.get(url)
        else:  # even with a valid CSRF token, a stranger gets the sign-in page
            reply = client.post(url, data={**data, "csrf_token": token})
        assert reply.status_code == 302, (method, url)
        assert "/login" in reply.headers["Location"]
    assert alerts(library_loaded)[0].state == "new"


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_each_role_on_every_route(library_loaded, alert_id, role):
    app = library_loaded
    client = app.test_client()
    make_user(app, f"{role}@example.org", role)
    login(client, f"{role}@example.org")
    allowed = role in ("safeguarding", "admin")
    for method, url, data in _routes(alert_id):
        reply = _call(client, method, url, data)
        if allowed:
            assert reply.status_code in (200, 303), (role, method, url, reply.status_code)
        else:
            assert reply.status_code == 403, (role, method, url, reply.status_code)
            assert "boyfriend" not in reply.get_data(as_text=True)
    with app.app_context():
        notes = db.session.query(AlertNote).count()
        views = db.session.query(AuditEvent).filter_by(action="alert.view").count()
        state = db.session.get(ConcernAlert, alert_id).state
    assert (notes > 0) is allowed and (views > 0) is allowed
    assert state == ("in_review" if allowed else "new")


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_the_menu_shows_alerts_only_to_leads_and_admins(library_loaded, role):
    client = library_loaded.test_client()
    make_user(library_loaded, f"{role}@example.org", role)
    login(client, f"{role}@example.org")
    home = client.get("/staff").get_data(as_text=True)
    assert ('href="/safeguarding/"' in home) is (role in ("safeguarding", "admin"))


def test_posts_without_csrf_token_are_refused(library_loaded, alert_id):
    client = library_loaded.test_client()
    make_user(library_loaded, "lead@example.org", "safeguarding")
    login(client, "lead@example.org")
    reply = client.post(f"/safeguarding/alerts/{alert_id}/state", data={"state": "in_review"})
    assert reply.status_code == 400
    assert alerts(library_loaded)[0].state == "new"
