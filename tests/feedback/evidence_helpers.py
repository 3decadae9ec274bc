"""Agencies, staff tied to them, and actions, made straight in the database for the tests."""

from __future__ import annotations

from datetime import date

from flask import Flask

from feedback.extensions import db
from feedback.models import Agency, User
from tests.feedback.admin_helpers import PASSWORD


def make_agency(app: Flask, name: str, sector: str = "health") -> int:
    with app.app_context():
        agency = Agency(name=name, sector=sector)
        db.session.add(agency)
        db.session.commit()
        return agency.id


def make_agency_lead(app: Flask, email: str, agency_id: int | None) -> int:
    """An agency lead (the role issue 16 adds to ROLES), made directly as the brief allows."""
    with app.app_context():
        user = User(email=email, role="agency_lead", agency_id=agency_id)
        user.set_password(PASSWORD)
        db.session.add(user)
        db.session.commit()
        return user.id


def make_action(app: Flask, agency_id: int, by_id: int, **extra: object) -> int:
    from feedback.services.evidence.actions import ActionFields, create_action

    fields = {
        "title": "Audit neglect plans for SMART targets",
        "owner_agency_id": agency_id,
        "owner_person": "Sam Patel, Head of Service",
        "due": date(2026, 3, 31),
        "source_kind": "indicator",
        "source_ref": "cp_plans_neglect_rate",
        "priority": "neglect",
    }
    fields.update(extra)
    with app.app_context():
        return create_action(ActionFields(**fields), db.session.get(User, by_id)).id  # type: ignore[arg-type]
