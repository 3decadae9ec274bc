"""Every way data leaves Heard, and every look at a concern alert, leaves one audit row.

test_exports.py and test_report.py check the CSV/XLSX/JSON downloads and the command-line
report; this file walks every route and command that hands over a file or a report, one
at a time, and checks that each adds exactly one row naming what and who.
"""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import AuditEvent, ConcernAlert
from tests.feedback.access_helpers import SURVEY
from tests.feedback.helpers import hidden
from tests.feedback.staff_helpers import signed_in, user_id


def _events(app: Flask) -> list[tuple[str, str | None, int | None, dict]]:
    with app.app_context():
        rows = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))
        return [(e.action, e.target_id, e.user_id, dict(e.detail or {})) for e in rows]


def _demo(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(args=["demo", "--responses", "3"])
    assert result.exit_code == 0, result.output


def test_each_download_and_report_view_adds_one_row_naming_the_analyst(app, runner):
    _demo(runner)
    client = signed_in(app, "analyst")
    analyst = user_id(app, "analyst")
    token = hidden(client.get(f"/analyse/surveys/{SURVEY}").get_data(as_text=True), "csrf_token")
    raw = {"csrf_token": token, "format": "csv", "raw_text": "1", "confirm": "1"}
    downloads = [
        ("export.csv", lambda: client.get(f"/analyse/surveys/{SURVEY}/export?format=csv")),
        ("export.xlsx", lambda: client.get(f"/analyse/surveys/{SURVEY}/export?format=xlsx")),
        ("export.json", lambda: client.get(f"/analyse/surveys/{SURVEY}/export?format=json")),
        ("export.csv", lambda: client.post(f"/analyse/surveys/{SURVEY}/export", data=raw)),
        ("report.view", lambda: client.get("/analyse/report/view?period=all")),
        ("report.html", lambda: client.get("/analyse/report/download?period=all&format=html")),
        ("report.pdf", lambda: client.get("/analyse/report/download?period=all&format=pdf")),
    ]
    for action, fetch in downloads:
        before = len(_events(app))
        reply = fetch()
        assert reply.status_code == 200, (action, reply.status_code)
        reply.get_data()
        reply.close()
        added = _events(app)[before:]
        assert [(a, who) for a, _, who, _ in added] == [(action, analyst)], (action, added)
    raw_rows = [d for a, _, _, d in _events(app) if a == "export.csv"]
    assert [d.get("raw_text") for d in raw_rows] == [False, True]


def test_each_command_line_export_and_report_adds_one_row(app, runner, tmp_path):
    _demo(runner)
    commands = [
        ("export.csv", ["export", SURVEY, "--format", "csv"]),
        ("export.xlsx", ["export", SURVEY, "--format", "xlsx", "-o", str(tmp_path / "a.xlsx")]),
        ("export.json", ["export", SURVEY, "--format", "json"]),
        ("report.html", ["report", "--period", "all", "-o", str(tmp_path / "r.html")]),
    ]
    for action, args in commands:
        before = len(_events(app))
        result = runner.invoke(args=args)
        assert result.exit_code == 0, (args, result.output)
        added = _events(app)[before:]
        assert [(a, d.get("via")) for a, _, _, d in added] == [(action, "cli")], (args, added)


def test_every_view_of_an_alert_is_a_row_naming_who_looked(app, runner):
    _demo(runner)
    with app.app_context():
        alert_id = db.session.scalars(select(ConcernAlert.id).order_by(ConcernAlert.id)).first()
    lead, admin = signed_in(app, "safeguarding"), signed_in(app, "admin")
    for client in (lead, lead, admin):
        assert client.get(f"/safeguarding/alerts/{alert_id}").status_code == 200
    # The list of alerts shows no child's words, so looking at it is not a view of one.
    assert lead.get("/safeguarding/").status_code == 200
    views = [(target, who) for a, target, who, _ in _events(app) if a == "alert.view"]
    expected = [user_id(app, "safeguarding")] * 2 + [user_id(app, "admin")]
    assert views == [(str(alert_id), who) for who in expected]
    # Others are refused before anything is shown, so nothing is logged as seen.
    assert signed_in(app, "analyst").get(f"/safeguarding/alerts/{alert_id}").status_code == 403
    assert len([a for a, *_ in _events(app) if a == "alert.view"]) == 3
