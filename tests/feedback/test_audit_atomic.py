"""An audit row lands with its change: when the audit write fails, the change is undone.

Each test makes every AuditEvent fail at flush time, then sends a real request. Were
the audit written after the service committed, the change would survive the failure
and the log would miss it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from feedback.extensions import db
from feedback.models import AuditEvent, Campaign, ConcernAlert, CourseRun, Invitation, User
from tests.feedback.helpers import hidden
from tests.feedback.safeguarding_helpers import DISCLOSURE, alerts, lead_client, submit
from tests.feedback.staff_helpers import csrf, signed_in, user_id


class AuditDown(RuntimeError):
    """The audit log could not be written."""


@pytest.fixture
def audit_fails() -> Iterator[None]:
    """From now on, any flush that would write an audit row fails."""

    def refuse(session: Session, *_args: object) -> None:
        if any(isinstance(obj, AuditEvent) for obj in session.new):
            raise AuditDown("audit log unavailable")

    event.listen(Session, "before_flush", refuse)
    yield
    event.remove(Session, "before_flush", refuse)


def _post_failing(client: FlaskClient, path: str, data: dict[str, str]) -> None:
    # The test app propagates exceptions: the failure reaches the test as AuditDown.
    with pytest.raises(AuditDown):
        client.post(path, data=data)


def _audit_count(app: Flask) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(AuditEvent.id))) or 0


def test_an_alert_state_change_is_undone_with_its_audit_row(
    library_loaded: Flask, request: pytest.FixtureRequest
) -> None:
    app = library_loaded
    submit(app.test_client(), "children-12-17", {"anything_else": DISCLOSURE})
    alert_id = alerts(app)[-1].id
    lead = lead_client(app)
    token = hidden(lead.get("/staff").get_data(as_text=True), "csrf_token")
    before = _audit_count(app)
    request.getfixturevalue("audit_fails")
    _post_failing(
        lead,
        f"/safeguarding/alerts/{alert_id}/state",
        {"csrf_token": token, "state": "in_review"},
    )
    with app.app_context():
        alert = db.session.get(ConcernAlert, alert_id)
        assert alert.state == "new" and alert.notes == []
    assert _audit_count(app) == before


def test_a_role_change_and_an_invitation_are_undone_with_their_audit_rows(
    app: Flask, request: pytest.FixtureRequest
) -> None:
    admin = signed_in(app, "admin")
    signed_in(app, "analyst")
    analyst = user_id(app, "analyst")
    token = csrf(admin, "/admin/users")
    before = _audit_count(app)
    request.getfixturevalue("audit_fails")
    _post_failing(admin, f"/admin/users/{analyst}/role", {"csrf_token": token, "role": "admin"})
    _post_failing(
        admin,
        "/admin/invitations",
        {"csrf_token": token, "email": "new@example.org", "role": "trainer"},
    )
    with app.app_context():
        assert db.session.get(User, analyst).role == "analyst"
        assert db.session.scalar(select(func.count(Invitation.id))) == 0
    assert _audit_count(app) == before


def test_a_campaign_change_is_undone_with_its_audit_row(
    library_loaded: Flask, request: pytest.FixtureRequest
) -> None:
    app = library_loaded
    admin = signed_in(app, "admin")
    with app.app_context():
        campaign_id = db.session.scalar(select(Campaign.id).order_by(Campaign.id))
        name = db.session.get(Campaign, campaign_id).name
        campaigns = db.session.scalar(select(func.count(Campaign.id)))
        survey_id = db.session.get(Campaign, campaign_id).survey_id
    path = f"/admin/campaigns/{campaign_id}/edit"
    token = csrf(admin, path)
    before = _audit_count(app)
    request.getfixturevalue("audit_fails")
    _post_failing(admin, path, {"csrf_token": token, "name": "Renamed without a trace"})
    _post_failing(
        admin,
        "/admin/campaigns/new",
        {"csrf_token": token, "survey": str(survey_id), "name": "Made without a trace"},
    )
    with app.app_context():
        assert db.session.get(Campaign, campaign_id).name == name
        assert db.session.scalar(select(func.count(Campaign.id))) == campaigns
    assert _audit_count(app) == before


def test_a_course_run_is_undone_with_its_audit_row(
    library_loaded: Flask, request: pytest.FixtureRequest
) -> None:
    app = library_loaded
    trainer = signed_in(app, "trainer")
    token = csrf(trainer, "/staff/courses/new")
    request.getfixturevalue("audit_fails")
    _post_failing(
        trainer,
        "/staff/courses/new",
        {
            "csrf_token": token,
            "title": "Neglect: recognising it early",
            "run_date": "2026-03-02",
            "trainer": "Sam Trainer",
            "cohort_size": "12",
        },
    )
    with app.app_context():
        assert db.session.scalar(select(func.count(CourseRun.id))) == 0
        assert (
            db.session.scalar(
                select(func.count(Campaign.id)).where(Campaign.course_run_id.is_not(None))
            )
            == 0
        )
