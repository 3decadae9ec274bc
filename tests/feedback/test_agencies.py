"""Partner agencies and agency leads: admins manage them, every change audited (issue 16)."""

from __future__ import annotations

from sqlalchemy import select

from feedback.extensions import db
from feedback.models import Agency, Invitation, User
from tests.feedback.admin_helpers import sign_in_as
from tests.feedback.assurance_helpers import logged, staff
from tests.feedback.helpers import hidden


def _agencies(app) -> list[tuple[str, str, bool]]:  # type: ignore[no-untyped-def]
    with app.app_context():
        rows = db.session.execute(select(Agency.name, Agency.sector, Agency.active))
        return sorted(tuple(r) for r in rows)


def test_admin_adds_edits_and_deactivates_an_agency_each_audited(app, client):
    sign_in_as(app, client, "admin")
    page = client.get("/admin/agencies").get_data(as_text=True)
    token = hidden(page, "csrf_token")
    added = client.post(
        "/admin/agencies", data={"csrf_token": token, "name": " North  Police ", "sector": "police"}
    )
    assert added.status_code == 302
    assert _agencies(app) == [("North Police", "police", True)]
    with app.app_context():
        agency_id = db.session.scalar(select(Agency.id))
    client.post(
        f"/admin/agencies/{agency_id}",
        data={"csrf_token": token, "name": "North <b>Police</b>", "sector": "other"},
    )
    client.post(f"/admin/agencies/{agency_id}/active", data={"csrf_token": token, "active": "0"})
    assert _agencies(app) == [("North <b>Police</b>", "other", False)]
    listing = client.get("/admin/agencies").get_data(as_text=True)
    assert "North &lt;b&gt;Police&lt;/b&gt;" in listing and "Deactivated" in listing
    assert [a for a, _ in logged(app, "agency.")] == [
        "agency.add",
        "agency.edit",
        "agency.deactivate",
    ]


def test_a_name_taken_or_a_sector_not_listed_is_refused_and_nothing_stored(app, client):
    sign_in_as(app, client, "admin")
    token = hidden(client.get("/admin/agencies").get_data(as_text=True), "csrf_token")
    client.post("/admin/agencies", data={"csrf_token": token, "name": "Trust", "sector": "health"})
    again = client.post(
        "/admin/agencies", data={"csrf_token": token, "name": "trust", "sector": "health"}
    )
    assert again.status_code == 400
    assert "There is already an agency called Trust." in again.get_data(as_text=True)
    odd = client.post(
        "/admin/agencies", data={"csrf_token": token, "name": "Other", "sector": "army"}
    )
    assert odd.status_code == 400
    assert _agencies(app) == [("Trust", "health", True)]
    assert len(logged(app, "agency.")) == 1


def test_an_agency_lead_is_invited_with_their_agency_and_keeps_it(app, client):
    sign_in_as(app, client, "admin")
    token = hidden(client.get("/admin/agencies").get_data(as_text=True), "csrf_token")
    client.post("/admin/agencies", data={"csrf_token": token, "name": "Trust", "sector": "health"})
    with app.app_context():
        agency_id = db.session.scalar(select(Agency.id))
    without = client.post(
        "/admin/invitations",
        data={"csrf_token": token, "email": "lead@example.org", "role": "agency_lead"},
    )
    assert without.status_code == 400
    assert "Choose the agency this agency lead works for." in without.get_data(as_text=True)
    made = client.post(
        "/admin/invitations",
        data={
            "csrf_token": token,
            "email": "lead@example.org",
            "role": "agency_lead",
            "agency": str(agency_id),
        },
    )
    assert made.status_code == 200
    with app.app_context():
        (invitation,) = db.session.scalars(select(Invitation)).all()
        assert invitation.agency_id == agency_id
    from feedback.services.people.invitations import accept_invitation

    link = made.get_data(as_text=True).split("/invite/")[1].split('"')[0].split("<")[0]
    with app.test_request_context():
        user = accept_invitation(link, "a long enough passphrase for a lead")
        assert (user.role, user.agency_id) == ("agency_lead", agency_id)


def test_a_role_change_to_agency_lead_needs_an_agency(app):
    admin = staff(app, "admin@example.org", "admin")
    with app.app_context():
        from feedback.services.people.users import create_user

        target = create_user("someone@example.org", "analyst", "a long enough passphrase").id
    token = hidden(admin.get("/admin/users").get_data(as_text=True), "csrf_token")
    reply = admin.post(
        f"/admin/users/{target}/role",
        data={"csrf_token": token, "role": "agency_lead"},
        follow_redirects=True,
    )
    assert "belongs to no agency" in reply.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(User, target).role == "analyst"


def test_the_command_line_makes_an_agency_lead_only_with_an_agency(app, runner):
    with app.app_context():
        from feedback.services.assurance.agencies import ensure_agency

        ensure_agency("Trust", "health")
    no = runner.invoke(
        args=["users", "create", "a@example.org", "--role", "agency_lead", "--password-stdin"],
        input="a long enough passphrase\n",
    )
    assert no.exit_code != 0 and "must belong to an agency" in no.output
    yes = runner.invoke(
        args=[
            "users",
            "create",
            "a@example.org",
            "--role",
            "agency_lead",
            "--agency",
            "trust",
            "--password-stdin",
        ],
        input="a long enough passphrase\n",
    )
    assert yes.exit_code == 0, yes.output
