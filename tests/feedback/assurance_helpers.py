"""Agencies, a Section 11 round and signed-in people, for the audit tests."""

from __future__ import annotations

from datetime import date

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import AuditEvent, AuditReturn
from feedback.services.assurance.agencies import ensure_agency
from feedback.services.assurance.rounds import bundled_audits, open_round
from feedback.services.people.users import create_user
from tests.feedback.admin_helpers import PASSWORD, sign_in
from tests.feedback.helpers import hidden

FAR = date(2099, 12, 31)


def make_round(app: Flask, names: tuple[str, ...] = ("Agency A", "Agency B"), deadline=FAR):  # type: ignore[no-untyped-def]
    """A Section 11 round asking `names`; returns {agency name: (agency id, return id)}."""
    with app.app_context():
        ids = [ensure_agency(name, "health").id for name in names]
        found = open_round("Section 11 test", deadline, ids, bundled_audits()["section11"])
        return {r.agency.name: (r.agency_id, r.id) for r in found.returns}


def lead(app: Flask, email: str, agency_id: int) -> FlaskClient:
    """A new agency lead of `agency_id`, signed in on a fresh client."""
    with app.app_context():
        create_user(email, "agency_lead", PASSWORD, agency_id)
    client = app.test_client()
    assert sign_in(client, email).status_code == 302
    return client


def staff(app: Flask, email: str, role: str) -> FlaskClient:
    with app.app_context():
        create_user(email, role, PASSWORD)
    client = app.test_client()
    assert sign_in(client, email).status_code == 302
    return client


def return_page(client: FlaskClient, return_id: int) -> str:
    page = client.get(f"/assurance/returns/{return_id}")
    assert page.status_code == 200, page.status_code
    return page.get_data(as_text=True)


def statements(app: Flask, return_id: int) -> list[str]:
    """The ids of the return's rated statements, in order."""
    with app.app_context():
        from feedback.services.assurance.returns import rated_questions

        return [q.id for q in rated_questions(db.session.get(AuditReturn, return_id))]


def save_form(page: str, answers: dict[str, tuple[str, str]], action: str = "save") -> dict:  # type: ignore[type-arg]
    """The return form's POST: question id -> (rating, evidence), with the page's version."""
    data = {
        "csrf_token": hidden(page, "csrf_token"),
        "version": hidden(page, "version"),
        "action": action,
    }
    for qid, (rating, evidence) in answers.items():
        data[f"{qid}-rating"] = rating
        data[f"{qid}-evidence"] = evidence
    return data


def stored(app: Flask, return_id: int) -> tuple[str, int, dict[str, tuple]]:  # type: ignore[type-arg]
    """(state, version, {question: (rating, evidence, agreed)}) of a return, from the database."""
    with app.app_context():
        ret = db.session.get(AuditReturn, return_id)
        rows = {r.question_id: (r.rating, r.evidence, r.agreed_rating) for r in ret.ratings}
        return ret.state, ret.version, rows


def logged(app: Flask, prefix: str) -> list[tuple[str, str | None]]:
    """(action, target id) of the audit-log rows whose action starts with `prefix`."""
    with app.app_context():
        rows = db.session.execute(
            select(AuditEvent.action, AuditEvent.target_id)
            .where(AuditEvent.action.startswith(prefix))
            .order_by(AuditEvent.id)
        )
        return [tuple(r) for r in rows]
