"""Admins replace the priorities and indicators through a page: checked, versioned, audited."""

from __future__ import annotations

import io
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import AuditEvent, EvidenceDefinition
from tests.feedback.admin_helpers import csrf, sign_in_as

LIBRARY = Path(__file__).resolve().parents[2] / "forms" / "library"


def _upload(client: FlaskClient, kind: str, text: str, name: str = "p.yaml"):  # type: ignore[no-untyped-def]
    data = {
        "csrf_token": csrf(client),
        "kind": kind,
        "definition": (io.BytesIO(text.encode()), name),
    }
    return client.post("/evidence/definitions", data=data, content_type="multipart/form-data")


def test_an_admin_replaces_the_priorities_and_the_pages_use_the_new_version(
    library_loaded: Flask, client: FlaskClient
) -> None:
    app = library_loaded
    sign_in_as(app, client, "admin")
    page = client.get("/evidence/definitions").get_data(as_text=True)
    assert "Priorities in use: forms/library/priorities.yaml." in page

    bad = (
        "priorities:\n  - id: neglect\n    title: Neglect\n    good: G\n"
        "    outcomes: [felt_safe]\n    themes: [safty]\n"
    )
    reply = _upload(client, "priorities", bad)
    text = reply.get_data(as_text=True)
    assert reply.status_code == 400
    assert "The file has 2 problems" in text
    assert "unknown outcome &#39;felt_safe&#39;; did you mean &#39;felt_safer&#39;?" in text
    assert "unknown theme &#39;safty&#39;; did you mean &#39;safety&#39;?" in text

    good = (
        "priorities:\n  - id: neglect\n    title: Tackling neglect together\n"
        "    good: Plans target the risks.\n    outcomes: [felt_safer]\n"
        "    indicators: [cp_plans_neglect_rate]\n"
    )
    reply = _upload(client, "priorities", good)
    assert reply.status_code == 200
    assert "Saved as version 1." in reply.get_data(as_text=True)
    assert "Unchanged" in _upload(client, "priorities", good).get_data(as_text=True)
    overview = client.get("/evidence/").get_data(as_text=True)
    assert "Tackling neglect together" in overview
    assert "Early help" not in overview
    with app.app_context():
        versions = list(db.session.scalars(select(EvidenceDefinition)))
        events = list(
            db.session.scalars(select(AuditEvent).where(AuditEvent.action == "evidence.priorities"))
        )
        assert [(v.kind, v.number) for v in versions] == [("priorities", 1)]
        assert len(events) == 1 and events[0].target_id == str(versions[0].id)


def test_indicators_must_name_a_priority_in_use(app: Flask, client: FlaskClient) -> None:
    sign_in_as(app, client, "admin")
    text = (
        (LIBRARY / "indicators.yaml")
        .read_text()
        .replace("priority: neglect", "priority: neglectt", 1)
    )
    reply = _upload(client, "indicators", text, "indicators.yaml")
    assert reply.status_code == 400
    assert "unknown priority &#39;neglectt&#39;; did you mean &#39;neglect&#39;?" in reply.get_data(
        as_text=True
    )


def test_only_admins_replace_definitions(app: Flask, client: FlaskClient) -> None:
    sign_in_as(app, client, "analyst")
    assert client.get("/evidence/definitions").status_code == 403


def test_loading_the_library_folder_leaves_priorities_and_indicators_alone(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(args=["surveys", "load", str(LIBRARY)])
    assert result.exit_code == 0, result.output
    assert "priorities" not in result.output and "indicators" not in result.output
    assert runner.invoke(args=["surveys", "validate", str(LIBRARY)]).exit_code == 0


def test_priorities_must_name_audit_standards_of_the_audit_definitions(
    library_loaded: Flask, client: FlaskClient
) -> None:
    sign_in_as(library_loaded, client, "admin")
    bad = (
        "priorities:\n  - id: neglect\n    title: Neglect\n    good: G\n"
        "    audit_standards: [s11_leadership, s11_neglect, case_plan]\n"
    )
    reply = _upload(client, "priorities", bad)
    text = reply.get_data(as_text=True)
    assert reply.status_code == 400 and "The file has 2 problems" in text
    assert "priorities[0].audit_standards[1]" in text
    assert "unknown audit standard &#39;s11_neglect&#39;" in text
    assert "unknown audit standard &#39;case_plan&#39;; did you mean &#39;case_planning&#39;?" in (
        text
    )
    good = bad.replace("s11_neglect, case_plan", "case_planning")
    assert _upload(client, "priorities", good).status_code == 200
