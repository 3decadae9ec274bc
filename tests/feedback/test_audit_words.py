"""The audit log names people and things in words, with links, looked up once per page."""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import event, select

from feedback.extensions import db
from feedback.models import AuditEvent, Survey
from tests.feedback.admin_helpers import csrf, make_user, sign_in_as


def _rows(html: str) -> list[str]:
    """Each row of the log as text (tags removed), newest first."""
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in rows]


def _add(app, *events: AuditEvent) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        db.session.add_all(events)
        db.session.commit()


def test_an_admin_change_reads_as_a_sentence(app, client):
    sign_in_as(app, client, "admin")
    sam = make_user(app, "sam@example.org", "analyst")
    client.post(f"/admin/users/{sam}/role", data={"csrf_token": csrf(client), "role": "trainer"})
    client.post(
        "/admin/invitations",
        data={"csrf_token": csrf(client), "email": "new@example.org", "role": "facilitator"},
    )
    rows = _rows(client.get("/admin/audit").get_data(as_text=True))
    assert any(
        "admin@example.org changed the role of sam@example.org from Analyst to Trainer" in r
        for r in rows
    )
    assert any("admin@example.org invited new@example.org as Facilitator" in r for r in rows)
    assert any("admin@example.org signed in" in r for r in rows)
    assert not any("user.role" in r for r in rows)  # no codes in the table


def test_alerts_and_surveys_are_links_and_titles_are_escaped(library_loaded, client):
    app = library_loaded
    admin = sign_in_as(app, client, "admin")
    lead = make_user(app, "lead@example.org", "safeguarding")
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.slug == "children-8-11"))
        survey.title = "Kids <script>alert(1)</script>"
        db.session.commit()
        survey_id = survey.id
    _add(
        app,
        AuditEvent(action="alert.view", user_id=lead, target_type="alert", target_id="12"),
        AuditEvent(
            action="alert.state",
            user_id=lead,
            target_type="alert",
            target_id="12",
            detail={"old": "new", "new": "in_review"},
        ),
        AuditEvent(
            action="alert.assign",
            user_id=admin,
            target_type="alert",
            target_id="12",
            detail={"to": lead},
        ),
        AuditEvent(action="alert.notify", target_type="alert", target_id="12"),
        AuditEvent(action="export.csv", user_id=lead, target_type="survey", target_id=survey_id),
    )
    page = client.get("/admin/audit").get_data(as_text=True)
    rows = _rows(page)
    assert any("lead@example.org viewed alert 12" in r for r in rows)
    assert any("lead@example.org moved alert 12 from New to In review" in r for r in rows)
    assert any("admin@example.org assigned alert 12 to lead@example.org" in r for r in rows)
    assert any("Heard told the safeguarding leads about alert 12" in r for r in rows)
    assert '<a href="/safeguarding/alerts/12">alert 12</a>' in page
    assert '<a href="/admin/surveys/children-8-11">Kids &lt;script&gt;' in page
    assert "<script>alert(1)</script>" not in page


def test_a_deleted_account_and_an_unknown_action_still_read(app, client):
    sign_in_as(app, client, "admin")
    _add(app, AuditEvent(action="thing.new_kind", target_type="widget", target_id="7"))
    rows = _rows(client.get("/admin/audit").get_data(as_text=True))
    assert any("Heard: thing.new_kind widget 7" in r for r in rows)


def test_names_are_looked_up_once_per_page_not_per_row(app, client):
    sign_in_as(app, client, "admin")
    people = [make_user(app, f"p{n}@example.org", "analyst") for n in range(40)]

    def statements(path: str) -> int:
        seen: list[str] = []
        with app.app_context():
            engine = db.engine

            def count(*args: object) -> None:
                seen.append(str(args[2]))

            event.listen(engine, "before_cursor_execute", count)
            try:
                assert client.get(path).status_code == 200
            finally:
                event.remove(engine, "before_cursor_execute", count)
        return len(seen)

    _add(
        app,
        *[
            AuditEvent(action="signin.ok", user_id=p, target_type="user", target_id=str(p))
            for p in people[:3]
        ],
    )
    few = statements("/admin/audit?action=signin.ok")
    _add(
        app,
        *[
            AuditEvent(action="signin.ok", user_id=p, target_type="user", target_id=str(p))
            for p in people[3:]
        ],
    )
    many = statements("/admin/audit?action=signin.ok")
    assert many == few


def test_times_are_london_times(app, client):
    sign_in_as(app, client, "admin")
    _add(app, AuditEvent(action="reading.remind", at=datetime(2026, 7, 1, 12, 0)))
    _add(app, AuditEvent(action="reading.remind", at=datetime(2026, 12, 1, 12, 0)))
    page = client.get("/admin/audit?action=reading.remind").get_data(as_text=True)
    assert "1 Jul 2026, 13:00 BST" in page and "1 Dec 2026, 12:00 GMT" in page
    assert "UTC" not in page
