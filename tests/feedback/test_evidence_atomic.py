"""An evidence change lands with its audit row: when the audit write fails, nothing changes."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from feedback.extensions import db
from feedback.models import Action, ActionUpdate, AuditEvent, IndicatorValue
from tests.feedback.admin_helpers import csrf, sign_in_as
from tests.feedback.evidence_helpers import make_action, make_agency


class AuditDown(RuntimeError):
    """The audit log could not be written."""


@pytest.fixture
def audit_fails() -> Iterator[None]:
    def refuse(session: Session, *_args: object) -> None:
        if any(isinstance(obj, AuditEvent) for obj in session.new):
            raise AuditDown("audit log unavailable")

    event.listen(Session, "before_flush", refuse)
    yield
    event.remove(Session, "before_flush", refuse)


def _count(app: Flask, model: type) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(model.id))) or 0


def test_an_action_update_and_a_dataset_import_are_undone_with_their_audit_rows(
    app: Flask, client: FlaskClient, request: pytest.FixtureRequest
) -> None:
    analyst = sign_in_as(app, client, "analyst")
    action_id = make_action(app, make_agency(app, "Police"), analyst)
    token = csrf(client)
    audits = _count(app, AuditEvent)
    request.getfixturevalue("audit_fails")
    with pytest.raises(AuditDown):
        client.post(
            f"/evidence/actions/{action_id}/updates",
            data={"csrf_token": token, "status": "done", "text": "Finished"},
        )
    with pytest.raises(AuditDown):
        client.post(
            "/evidence/dataset",
            data={
                "csrf_token": token,
                "dataset": (
                    io.BytesIO(b"indicator,period,value\ntraining_days,2026-H1,4\n"),
                    "d.csv",
                ),
            },
            content_type="multipart/form-data",
        )
    with app.app_context():
        assert db.session.get(Action, action_id).status == "planned"
    assert _count(app, ActionUpdate) == 0
    assert _count(app, IndicatorValue) == 0
    assert _count(app, AuditEvent) == audits
