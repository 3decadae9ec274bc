"""Exports through `heard export` and the download routes: read back, audited, isolated."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
from sqlalchemy import select

from analysis.export import WITHHELD
from feedback.extensions import db
from feedback.models import AuditEvent
from tests.feedback.textdata import add_text, make_user, sign_in

RAW = "Please ring Priya Shah on 07700 900456 about the next visit"
REDACTED = "Please ring [name] on [phone] about the next visit"
FORMULA = '=HYPERLINK("http://bad.example","click")'
FLAGGED = "A text the analyser flagged that must never leave Heard"


def _fill(app) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        from feedback.services.surveys.versions import load_library

        load_library()
        add_text("children-8-11", RAW, [("communication", "neutral")], redacted=REDACTED,
                 closed={"listened": "happy"})  # fmt: skip
        add_text("children-8-11", FORMULA, [], closed={"listened": "=1+2"})
        add_text("children-8-11", FLAGGED, [("safety", "negative")], concern=True)


def _audits(app, action: str) -> list[AuditEvent]:  # type: ignore[no-untyped-def]
    with app.app_context():
        return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_cli_csv_is_redacted_neutralised_and_audited(app, runner):
    _fill(app)
    result = runner.invoke(args=["export", "children-8-11", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = _rows(result.stdout)
    assert len(rows) == 3
    said = [r["anything_else"] for r in rows]
    assert said[0] == REDACTED and RAW not in result.stdout
    assert said[1].startswith("'=") and rows[1]["listened"] == "'=1+2"
    assert said[2] == WITHHELD and FLAGGED not in result.stdout
    (event,) = _audits(app, "export.csv")
    assert event.target_type == "survey" and event.detail["raw_text"] is False


def test_cli_raw_text_only_when_asked_and_audited(app, runner, tmp_path):
    _fill(app)
    out = tmp_path / "raw.csv"
    args = ["export", "children-8-11", "--format", "csv", "--raw-text", "-o", str(out)]
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert RAW in text and FLAGGED not in text and WITHHELD in text
    (event,) = _audits(app, "export.csv")
    assert event.detail["raw_text"] is True and event.detail["via"] == "cli"


def test_cli_long_xlsx_and_json(app, runner, tmp_path):
    _fill(app)
    result = runner.invoke(args=["export", "children-8-11", "--format", "csv", "--long"])
    long_rows = _rows(result.stdout)
    assert {r["question_id"] for r in long_rows} == {"anything_else", "listened"}
    assert len(long_rows) == 5
    path = tmp_path / "out.xlsx"
    result = runner.invoke(args=["export", "children-8-11", "--format", "xlsx", "-o", str(path)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames == ["responses", "outcomes", "themes", "columns"]
    sheet = list(book["responses"].values)
    said = sheet[0].index("anything_else")
    assert sheet[1][said] == REDACTED
    assert any(r[said] == WITHHELD for r in sheet[1:])
    outcomes = list(book["outcomes"].values)
    assert outcomes[0][0] == "id" and len(outcomes) > 1
    book.close()
    data = json.loads(runner.invoke(args=["export", "children-8-11", "--format", "json"]).stdout)
    assert [d["answers"].get("anything_else") for d in data][2] == WITHHELD
    assert data[0]["consent_to_quote"] is True


def test_cli_refuses_bad_requests(app, runner):
    _fill(app)
    assert runner.invoke(args=["export", "nope", "--format", "csv"]).exit_code != 0
    bad = runner.invoke(args=["export", "children-8-11", "--format", "csv", "--period", "x"])
    assert bad.exit_code != 0 and "period" in bad.output
    assert runner.invoke(args=["export", "children-8-11", "--format", "xlsx"]).exit_code != 0
    assert runner.invoke(args=["export", "children-8-11", "--format", "json", "--long"]).exit_code
    assert _audits(app, "export.csv") == []


def test_download_routes_need_the_analyst_role(app, client):
    _fill(app)
    url = "/analyse/surveys/children-8-11/export?format=csv"
    reply = client.get(url)
    assert reply.status_code == 302 and "/login" in reply.headers["Location"]
    make_user(app, "facilitator@example.org", "facilitator")
    sign_in(client, "facilitator@example.org")
    assert client.get(url).status_code == 403
    assert _audits(app, "export.csv") == []


def test_analyst_downloads_csv_xlsx_json_audited(app, client):
    _fill(app)
    make_user(app, "analyst@example.org", "analyst")
    sign_in(client, "analyst@example.org")
    reply = client.get("/analyse/surveys/children-8-11/export?format=csv&period=2026-H1")
    assert reply.status_code == 200 and reply.mimetype == "text/csv"
    assert 'filename="children-8-11_2026-H1.csv"' in reply.headers["Content-Disposition"]
    text = reply.get_data(as_text=True)
    assert text.startswith("\ufeff") and REDACTED in text and RAW not in text
    assert FLAGGED not in text
    # Asking for raw text in the query string does nothing: raw needs the form.
    sneaky = client.get("/analyse/surveys/children-8-11/export?format=csv&raw_text=1&confirm=1")
    assert RAW not in sneaky.get_data(as_text=True)
    xlsx = client.get("/analyse/surveys/children-8-11/export?format=xlsx")
    assert xlsx.status_code == 200 and xlsx.data.startswith(b"PK")
    assert openpyxl.load_workbook(io.BytesIO(xlsx.data)).sheetnames[0] == "responses"
    js = client.get("/analyse/surveys/children-8-11/export?format=json")
    assert len(json.loads(js.data)) == 3
    actions = [e.detail["format"] for e in _audits(app, "export.csv")]
    assert actions == ["csv", "csv"]
    assert len(_audits(app, "export.xlsx")) == 1 and len(_audits(app, "export.json")) == 1
    assert client.get("/analyse/surveys/nope/export?format=csv").status_code == 404
    assert client.get("/analyse/surveys/children-8-11/export?format=pdf").status_code == 404


def test_raw_download_needs_the_form_and_confirmation(app, client):
    _fill(app)
    make_user(app, "analyst@example.org", "analyst")
    sign_in(client, "analyst@example.org")
    page = client.get("/analyse/surveys/children-8-11").get_data(as_text=True)
    from tests.feedback.helpers import hidden

    token = hidden(page, "csrf_token")
    url = "/analyse/surveys/children-8-11/export"
    unconfirmed = client.post(url, data={"csrf_token": token, "format": "csv", "raw_text": "1"})
    assert RAW not in unconfirmed.get_data(as_text=True)
    form = {"csrf_token": token, "format": "csv", "raw_text": "1", "confirm": "1"}
    raw = client.post(url, data=form)
    text = raw.get_data(as_text=True)
    assert RAW in text and FLAGGED not in text
    assert client.post(url, data={**form, "csrf_token": "forged"}).status_code == 400
    flags = [e.detail["raw_text"] for e in _audits(app, "export.csv")]
    assert flags == [False, True]
