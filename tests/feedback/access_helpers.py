"""A demo world with one real value for every URL part, for tests that walk app.url_map."""

from __future__ import annotations

from flask import Flask, url_for
from flask.testing import FlaskCliRunner
from sqlalchemy import select
from werkzeug.routing import Rule

from feedback.extensions import db
from feedback.models import (
    Action,
    Answer,
    AuditReturn,
    Campaign,
    ConcernAlert,
    CourseRun,
    FocusSession,
    Response,
    Survey,
)
from feedback.safeguarding.concern import concern_token
from feedback.services.people.users import create_user
from tests.feedback.staff_helpers import TEST_AGENCY

SURVEY = "children-8-11"


def build_world(app: Flask, runner: FlaskCliRunner) -> dict[str, object]:
    """Fill the database with `heard demo --responses 3`, add what the demo does not make
    (another account, an invitation, a focus-group session), and return a value for each
    URL part a route may have (slug, campaign_id, alert_id ...)."""
    result = runner.invoke(args=["demo", "--responses", "3"])
    assert result.exit_code == 0, result.output
    from feedback.services.people.invitations import create_invitation
    from feedback.services.surveys.focus import record_session

    with app.test_request_context():
        target = create_user("someone-else@example.org", "analyst", "a long passphrase 42").id
        invitation = create_invitation("invited@example.org", "trainer")
        focus = record_session(
            answers={"session_date": "2026-02-10", "participants": "6"},
            facilitator="Sam",
            quotes=[],
            secret="access-test",
            entered_by_id=None,
        )
        assert focus is not None
        audit_return = _audit_return()
        return {
            "slug": SURVEY,
            "number": 1,
            "kind": "outcomes",
            "filename": "heard.css",
            "user_id": target,
            "invitation_id": invitation.invitation.id,
            "token": invitation.token,
            "name": "entra",  # a single sign-on provider (none is configured here)
            "alert_id": db.session.scalars(select(ConcernAlert.id)).first(),
            "course_id": db.session.scalars(select(CourseRun.id)).first(),
            # A course's campaign: trainers may manage those, not the partnership's others.
            "campaign_id": db.session.scalars(
                select(Campaign.id).where(Campaign.course_run_id.is_not(None))
            ).first(),
            "session_id": db.session.scalar(
                select(FocusSession.id).where(FocusSession.response_id == focus.id)
            ),
            # A colleague's "Raise a safeguarding concern" link, as a staff page makes it.
            "signed": concern_token(
                db.session.scalars(select(Answer.id).order_by(Answer.id)).first(), "/staff"
            ),
            "answer_id": db.session.scalars(select(Answer.id).order_by(Answer.id)).first(),
            "agency_id": audit_return.agency_id,
            "round_id": audit_return.round_id,
            "return_id": audit_return.id,
            "case_id": _audit_case(audit_return.agency_id),
            # The partnership's evidence: a bundled indicator and one of the demo's actions.
            "indicator_id": "cp_plans_neglect_rate",
            "action_id": db.session.scalars(select(Action.id).order_by(Action.id)).first(),
            # A response of SURVEY, for the explorer's page of one response.
            "response_id": db.session.scalars(
                select(Response.id).join(Survey).where(Survey.slug == SURVEY)
            ).first(),
        }


def _audit_return() -> AuditReturn:
    """A Section 11 round asking the agency of the test's agency lead (staff_helpers)."""
    from datetime import date

    from feedback.services.assurance.agencies import ensure_agency
    from feedback.services.assurance.rounds import bundled_audits, open_round, publish_results

    agency = ensure_agency(TEST_AGENCY, "health")
    found = open_round(
        "Section 11, access test", date(2099, 1, 1), [agency.id], bundled_audits()["section11"]
    )
    publish_results(found, None)
    return found.returns[0]


def _audit_case(agency_id: int) -> int:
    """A case of a multi-agency case audit asking the same agency."""
    from datetime import date

    from feedback.services.assurance.cases import open_case_audit
    from feedback.services.assurance.rounds import bundled_audits

    found = open_case_audit(
        "Case audit, access test",
        "Neglect",
        date(2099, 1, 1),
        [agency_id],
        ["MACA-2099-001"],
        bundled_audits()["case-audit"],
    )
    return found.cases[0].id


def route_url(app: Flask, rule: Rule, values: dict[str, object]) -> str:
    """The URL of `rule` with real values; fails naming any URL part the world lacks."""
    unknown = sorted(rule.arguments - values.keys())
    assert not unknown, f"{rule.rule}: give build_world a real value for {unknown}"
    with app.test_request_context():
        return url_for(rule.endpoint, **{k: values[k] for k in rule.arguments})


def rules(app: Flask) -> list[Rule]:
    """Every rule of the app, in a stable order."""
    return sorted(app.url_map.iter_rules(), key=lambda r: (r.endpoint, r.rule))


def methods(rule: Rule) -> list[str]:
    """The methods a rule answers, without the automatic HEAD and OPTIONS."""
    return sorted((rule.methods or set()) - {"HEAD", "OPTIONS"})
