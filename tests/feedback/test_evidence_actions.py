"""Actions followed up: their life, who may change them (per role and agency), overdue ones."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import Action, AuditEvent, User
from feedback.services.evidence.actions import ActionError, add_update, can_update_action
from tests.feedback.admin_helpers import csrf, make_user, sign_in, sign_in_as
from tests.feedback.evidence_helpers import make_action, make_agency, make_agency_lead


@pytest.fixture
def two_agencies(app: Flask) -> dict[str, int]:
    police = make_agency(app, "Metropolitan Police", "police")
    health = make_agency(app, "Hounslow Health Trust", "health")
    analyst = make_user(app, "analyst@example.org", "analyst")
    return {
        "police": police,
        "health": health,
        "analyst": analyst,
        "police_lead": make_agency_lead(app, "lead@police.example.org", police),
        "health_lead": make_agency_lead(app, "lead@health.example.org", health),
        "police_action": make_action(app, police, analyst),
        "health_action": make_action(
            app, health, analyst, title="Health visitors ask about home conditions"
        ),
    }


def test_the_one_rule_for_who_updates_an_action(app: Flask, two_agencies: dict[str, int]) -> None:
    ids = two_agencies
    with app.app_context():
        police_action = db.session.get(Action, ids["police_action"])
        admin = User(email="a@x.org", role="admin")
        facilitator = User(email="f@x.org", role="facilitator", agency_id=ids["police"])
        orphan_lead = User(email="o@x.org", role="agency_lead", agency_id=None)
        assert can_update_action(db.session.get(User, ids["analyst"]), police_action)
        assert can_update_action(admin, police_action)
        assert can_update_action(db.session.get(User, ids["police_lead"]), police_action)
        assert not can_update_action(db.session.get(User, ids["health_lead"]), police_action)
        assert not can_update_action(facilitator, police_action)  # same agency, wrong role
        assert not can_update_action(orphan_lead, police_action)


def test_an_action_lives_from_planned_to_dropped_with_every_step_audited(
    app: Flask, two_agencies: dict[str, int]
) -> None:
    ids = two_agencies
    with app.app_context():
        action = db.session.get(Action, ids["police_action"])
        lead = db.session.get(User, ids["police_lead"])
        add_update(action, lead, "Audit started", "in_progress", evidence="Audit plan v1")
        with pytest.raises(ActionError, match="Say why the action is dropped"):
            add_update(action, lead, "Stopping", "dropped")
        assert action.status == "in_progress"
        add_update(action, lead, "Stopping", "dropped", reason="Replaced by the neglect strategy")
        stored = db.session.get(Action, ids["police_action"])
        assert (stored.status, stored.dropped_reason) == (
            "dropped",
            "Replaced by the neglect strategy",
        )
        assert [(u.status, u.text, u.evidence) for u in stored.updates] == [
            ("in_progress", "Audit started", "Audit plan v1"),
            ("dropped", "Stopping", None),
        ]
        events = db.session.scalars(
            select(AuditEvent).where(
                AuditEvent.target_id == str(action.id), AuditEvent.target_type == "action"
            )
        ).all()
        assert [(e.action, e.user_id, (e.detail or {}).get("status_to")) for e in events] == [
            ("action.create", ids["analyst"], None),
            ("action.update", ids["police_lead"], "in_progress"),
            ("action.update", ids["police_lead"], "dropped"),
        ]
        with pytest.raises(PermissionError):
            add_update(action, db.session.get(User, ids["health_lead"]), "Not ours")


def _post_update(client: FlaskClient, action_id: int, **data: str):  # type: ignore[no-untyped-def]
    form = {"csrf_token": csrf(client), "status": "in_progress", "text": "Started", **data}
    return client.post(f"/evidence/actions/{action_id}/updates", data=form)


def test_an_agency_lead_updates_only_its_own_agencys_actions_through_the_pages(
    app: Flask, client: FlaskClient, two_agencies: dict[str, int]
) -> None:
    ids = two_agencies
    assert sign_in(client, "lead@police.example.org").status_code == 302
    listing = client.get("/evidence/actions").get_data(as_text=True)
    assert "Audit neglect plans for SMART targets" in listing
    assert "Health visitors ask about home conditions" in listing  # the whole plan is read
    reply = _post_update(client, ids["police_action"], evidence="Minutes of 3 March")
    assert reply.status_code == 303
    page = client.get(f"/evidence/actions/{ids['police_action']}").get_data(as_text=True)
    assert "Minutes of 3 March" in page and "In progress" in page
    assert _post_update(client, ids["health_action"]).status_code == 403
    other = client.get(f"/evidence/actions/{ids['health_action']}").get_data(as_text=True)
    assert "Health visitors ask about home conditions" in other
    assert "Add an update" not in other  # read, not changed
    assert client.get("/evidence/actions/new").status_code == 403
    publish = {
        "csrf_token": csrf(client),
        "published": "y",
        "audience": "child",
        "public_text": "x",
    }
    assert (
        client.post(
            f"/evidence/actions/{ids['police_action']}/publication", data=publish
        ).status_code
        == 403
    )
    with app.app_context():
        assert db.session.get(Action, ids["health_action"]).status == "planned"
        assert db.session.get(Action, ids["police_action"]).published is False


def test_an_analyst_adds_an_action_and_publishes_it(
    app: Flask, client: FlaskClient, two_agencies: dict[str, int]
) -> None:
    ids = two_agencies
    assert sign_in(client, "analyst@example.org").status_code == 302
    page = client.get("/evidence/actions/new").get_data(as_text=True)
    assert "Hounslow Health Trust" in page and "Neglect" in page
    data = {
        "csrf_token": csrf(client),
        "title": "Same worker from referral to plan",
        "owner_agency": str(ids["health"]),
        "owner_person": "Jo Smith, Service Manager",
        "due": "2027-01-31",
        "source_kind": "theme",
        "source_ref": "relationship_with_worker",
        "priority": "voice_of_the_child",
    }
    reply = client.post("/evidence/actions/new", data=data)
    assert reply.status_code == 303
    action_id = int(reply.headers["Location"].rsplit("/", 1)[1])
    refused = client.post(
        f"/evidence/actions/{action_id}/publication",
        data={"csrf_token": csrf(client), "published": "y", "audience": "child", "public_text": ""},
    )
    assert refused.status_code == 400
    assert "A published action needs the words the public will read." in refused.get_data(
        as_text=True
    )
    words = "You said you had too many workers. Now one worker stays with you."
    reply = client.post(
        f"/evidence/actions/{action_id}/publication",
        data={
            "csrf_token": csrf(client),
            "published": "y",
            "audience": "child",
            "public_text": words,
        },
    )
    assert reply.status_code == 303
    with app.app_context():
        action = db.session.get(Action, action_id)
        assert (action.published, action.public_audience, action.public_text) == (
            True,
            "child",
            words,
        )
        assert action.priority == "voice_of_the_child"


def test_overdue_actions_stand_out_on_the_list_and_beside_their_indicator(
    app: Flask, client: FlaskClient, two_agencies: dict[str, int]
) -> None:
    ids = two_agencies
    make_action(app, ids["police"], ids["analyst"], title="Done long ago", due=date(2020, 1, 1))
    with app.app_context():
        done = db.session.scalar(select(Action).where(Action.title == "Done long ago"))
        add_update(done, db.session.get(User, ids["analyst"]), "Finished", "done")
    make_action(
        app,
        ids["police"],
        ids["analyst"],
        title="Not due yet",
        due=date.today() + timedelta(days=30),
    )
    assert sign_in(client, "analyst@example.org").status_code == 302
    listing = client.get("/evidence/actions").get_data(as_text=True)
    assert "2 actions are overdue." in listing  # the two due 31 March 2026; not the done one
    assert listing.count('<tr class="overdue">') == 2
    beside = client.get("/evidence/indicators/cp_plans_neglect_rate").get_data(as_text=True)
    assert "Audit neglect plans for SMART targets" in beside
    assert "Overdue" in beside


def test_staff_without_an_evidence_role_see_no_actions(app: Flask, client: FlaskClient) -> None:
    sign_in_as(app, client, "facilitator")
    assert client.get("/evidence/actions").status_code == 403
