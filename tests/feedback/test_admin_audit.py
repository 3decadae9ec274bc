"""/admin/audit: filters by action, person and dates, and pages of 50."""

from __future__ import annotations

from datetime import datetime

from feedback.extensions import db
from feedback.models import AuditEvent
from tests.feedback.admin_helpers import make_user, sign_in_as


def _events(app, rows: list[tuple[str, int | None, datetime]]) -> None:  # type: ignore[no-untyped-def]
    """Make the log hold exactly `rows` (the admin's own sign-in and enrolment are
    audited too; they are removed so the counts below are the rows given)."""
    with app.app_context():
        db.session.query(AuditEvent).delete()
        for action, user_id, at in rows:
            db.session.add(AuditEvent(action=action, user_id=user_id, at=at, target_type="thing"))
        db.session.commit()


def _shown(html: str) -> int:
    body = html.split("<tbody>")[1].split("</tbody>")[0] if "<tbody>" in html else ""
    return body.count("<tr>")


def test_filters_by_action_person_and_dates(app, client):
    admin = sign_in_as(app, client, "admin")
    analyst = make_user(app, "analyst@example.org", "analyst")
    _events(
        app,
        [
            ("export.csv", analyst, datetime(2026, 3, 1, 9)),
            ("export.csv", analyst, datetime(2026, 3, 31, 22, 59)),  # 23:59 in London (BST)
            ("export.csv", admin, datetime(2026, 4, 1, 0, 0)),
            ("alert.view", admin, datetime(2026, 3, 15)),
            ("alert.notify", None, datetime(2026, 3, 15)),
        ],
    )
    everything = client.get("/admin/audit").get_data(as_text=True)
    assert "5 events" in everything
    by_action = client.get("/admin/audit?action=export.csv").get_data(as_text=True)
    assert _shown(by_action) == 3
    by_person = client.get(f"/admin/audit?user={analyst}").get_data(as_text=True)
    assert _shown(by_person) == 2 and "analyst@example.org" in by_person
    system = client.get("/admin/audit?user=none").get_data(as_text=True)
    assert _shown(system) == 1 and "alert.notify" in system
    # Dates are inclusive days in London: all of 31 March, none of 1 April (which began
    # at 23:00 UTC on the 31st, British Summer Time).
    march = client.get("/admin/audit?start=2026-03-01&end=2026-03-31").get_data(as_text=True)
    assert _shown(march) == 4
    combined = client.get(
        f"/admin/audit?action=export.csv&user={analyst}&start=2026-03-02"
    ).get_data(as_text=True)
    assert _shown(combined) == 1 and "31 Mar 2026, 23:59 BST" in combined


def test_bad_filters_are_explained_not_fatal(app, client):
    sign_in_as(app, client, "admin")
    reply = client.get("/admin/audit?start=yesterday&user=bob&end=2026-01-01")
    page = reply.get_data(as_text=True)
    assert reply.status_code == 200
    assert "yesterday is not a date" in page and "Choose a person from the list" in page
    swapped = client.get("/admin/audit?start=2026-02-01&end=2026-01-01").get_data(as_text=True)
    assert "The start date is after the end date" in swapped


def test_pages_of_fifty_keep_the_filters(app, client):
    admin = sign_in_as(app, client, "admin")
    _events(app, [("export.json", admin, datetime(2026, 5, 1, 8, n % 60)) for n in range(120)])
    first = client.get("/admin/audit?action=export.json").get_data(as_text=True)
    assert _shown(first) == 50 and "Page 1 of 3" in first
    assert 'href="/admin/audit?page=2&amp;action=export.json"' in first
    last = client.get("/admin/audit?action=export.json&page=3").get_data(as_text=True)
    assert _shown(last) == 20
    beyond = client.get("/admin/audit?action=export.json&page=9")
    assert beyond.status_code == 200 and _shown(beyond.get_data(as_text=True)) == 0


def test_admin_changes_appear_in_the_log(app, client):
    sign_in_as(app, client, "admin")
    from tests.feedback.admin_helpers import csrf

    client.post(
        "/admin/invitations",
        data={"csrf_token": csrf(client), "email": "new@example.org", "role": "analyst"},
    )
    page = client.get("/admin/audit").get_data(as_text=True)
    assert "user.invite" in page and "admin@example.org" in page and "role: analyst" in page
