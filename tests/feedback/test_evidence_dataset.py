"""The partnership dataset: importing by command and by page, replacing a period, the figures."""

from __future__ import annotations

import io
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import AuditEvent, IndicatorValue
from tests.feedback.admin_helpers import csrf, sign_in_as

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "dataset-example.csv"


def _values(app: Flask) -> dict[tuple[str, str], float]:
    with app.app_context():
        rows = db.session.execute(
            select(IndicatorValue.indicator, IndicatorValue.period, IndicatorValue.value)
        )
        return {(i, p): v for i, p, v in rows}


def _audits(app: Flask, prefix: str) -> list[AuditEvent]:
    with app.app_context():
        query = (
            select(AuditEvent).where(AuditEvent.action.like(prefix + "%")).order_by(AuditEvent.id)
        )
        events = list(db.session.scalars(query))
        db.session.expunge_all()
        return events


def test_the_example_file_imports_by_command_and_a_second_import_replaces_its_period(
    app: Flask, runner, tmp_path: Path
) -> None:
    result = runner.invoke(args=["dataset", "import", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert (
        "Imported 36 figures for 2025-H1, 2025-H2, 2026-H1, 2026-H2 (0 replaced)." in result.output
    )
    values = _values(app)
    assert len(values) == 36
    assert values[("cp_plans_neglect_rate", "2026-H2")] == 21.6

    again = tmp_path / "h2.csv"
    again.write_text("indicator,period,value\ncp_plans_neglect_rate,2026-H2,19.5\n")
    result = runner.invoke(args=["dataset", "import", str(again)])
    assert result.exit_code == 0, result.output
    assert "(1 replaced)" in result.output
    values = _values(app)
    assert len(values) == 36  # replaced, not added
    assert values[("cp_plans_neglect_rate", "2026-H2")] == 19.5
    assert values[("quality_of_care_assessments", "2026-H2")] == 112  # other figures stay
    first, second = _audits(app, "dataset.")
    assert (first.action, first.detail["rows"], first.detail["replaced"]) == (
        "dataset.import",
        36,
        0,
    )
    assert second.action == "dataset.replace"
    assert second.detail == {"file": "h2.csv", "rows": 1, "replaced": 1, "periods": ["2026-H2"]}


def test_a_file_with_one_bad_row_stores_nothing_and_the_command_names_the_row(
    app: Flask, runner, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,period,value\ntraining_days,2026-H1,40\ntraining_days,2026-H2,lots\n")
    result = runner.invoke(args=["dataset", "import", str(bad)])
    assert result.exit_code == 1
    assert "bad.csv: line 3, column value: 'lots' is not a number" in result.output
    assert "Nothing was imported." in result.output
    assert _values(app) == {}
    assert _audits(app, "dataset.") == []


def _upload(client: FlaskClient, content: bytes, name: str = "figures.csv"):  # type: ignore[no-untyped-def]
    data = {"csrf_token": csrf(client), "dataset": (io.BytesIO(content), name)}
    return client.post("/evidence/dataset", data=data, content_type="multipart/form-data")


def test_the_upload_page_lists_every_bad_row_before_anything_is_stored(
    app: Flask, client: FlaskClient
) -> None:
    sign_in_as(app, client, "analyst")
    content = (
        b"indicator,period,value\nnope,2026-H1,1\n"
        b"training_days,2026-H9,2\ntraining_days,2026-H1,<b>\n"
    )
    reply = _upload(client, content)
    page = reply.get_data(as_text=True)
    assert reply.status_code == 400
    assert "The file has 3 problems" in page
    assert "figures.csv: line 2, column indicator: unknown indicator &#39;nope&#39;" in page
    assert "figures.csv: line 3, column period: &#39;2026-H9&#39;" in page
    assert "line 4, column value: &#39;&lt;b&gt;&#39; is not a number" in page  # escaped
    assert _values(app) == {}

    reply = _upload(client, EXAMPLE.read_bytes(), "dataset-example.csv")
    assert reply.status_code == 200
    assert "36 figures imported" in reply.get_data(as_text=True)
    assert len(_values(app)) == 36


def test_only_analysts_and_admins_import_figures(app: Flask, client: FlaskClient) -> None:
    sign_in_as(app, client, "facilitator")
    assert client.get("/evidence/dataset").status_code == 403
    assert client.get("/evidence/").status_code == 403


def test_an_indicator_page_shows_history_target_rag_and_change(
    app: Flask, client: FlaskClient, runner
) -> None:
    assert runner.invoke(args=["dataset", "import", str(EXAMPLE)]).exit_code == 0
    sign_in_as(app, client, "analyst")
    page = client.get("/evidence/indicators/cp_plans_neglect_rate").get_data(as_text=True)
    assert "Children subject to a child protection plan for neglect, per 10,000 children" in page
    assert "20 per 10,000" in page  # the target
    assert "lower is better" in page
    # 2025-H1 27.1 (red: over 22), 2026-H1 24 (red), 2026-H2 21.6 (amber, 2.4 better)
    assert '<th scope="row">2026-H2</th><td class="num">21.6 per 10,000</td>' in page
    assert 'rag-amber">Amber</span></td><td>\N{MINUS SIGN}2.4, better</td>' in page
    assert 'rag-red">Red</span></td><td>\N{MINUS SIGN}1.3, better</td>' in page  # 25.8 after 27.1
    overview = client.get("/evidence/").get_data(as_text=True)
    assert "What good looks like:" in overview
    assert "Children living with neglect are recognised early" in overview
    assert overview.count("2026-H2") == 9  # every bundled indicator's latest figure
    assert client.get("/evidence/indicators/nope").status_code == 404
