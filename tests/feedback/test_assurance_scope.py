"""One agency can never read, change or discuss another agency's return (issue 16)."""

from __future__ import annotations

from tests.feedback.assurance_helpers import (
    lead,
    make_round,
    return_page,
    save_form,
    staff,
    statements,
    stored,
)
from tests.feedback.helpers import hidden


def test_a_lead_sees_only_their_agencys_returns(app):
    made = make_round(app)
    (a_id, a_return), (_b_id, b_return) = made["Agency A"], made["Agency B"]
    client = lead(app, "lead-a@example.org", a_id)
    listing = client.get("/assurance/").get_data(as_text=True)
    assert f"/assurance/returns/{a_return}" in listing
    assert f"/assurance/returns/{b_return}" not in listing
    assert client.get(f"/assurance/returns/{b_return}").status_code == 404


def test_a_lead_cannot_write_into_another_agencys_draft(app):
    made = make_round(app)
    (a_id, a_return), (_b_id, b_return) = made["Agency A"], made["Agency B"]
    client = lead(app, "lead-a@example.org", a_id)
    own = return_page(client, a_return)
    first = statements(app, b_return)[0]
    before = stored(app, b_return)
    data = save_form(own, {first: ("green", "Not ours to say")})
    assert client.post(f"/assurance/returns/{b_return}", data=data).status_code == 404
    data["kind"], data["question"], data["body"] = "reply", first, "Hello"
    assert client.post(f"/assurance/returns/{b_return}/comments", data=data).status_code == 404
    assert stored(app, b_return) == before


def test_a_challenge_on_another_agencys_return_is_not_found(app):
    """Even a submitted return of another agency is invisible to a lead."""
    made = make_round(app)
    (a_id, a_return), (b_id, b_return) = made["Agency A"], made["Agency B"]
    lead_b = lead(app, "lead-b@example.org", b_id)
    page = return_page(lead_b, b_return)
    every = {qid: ("amber", "Policy 2025") for qid in statements(app, b_return)}
    assert (
        lead_b.post(
            f"/assurance/returns/{b_return}", data=save_form(page, every, "submit")
        ).status_code
        == 302
    )
    assert stored(app, b_return)[0] == "submitted"
    lead_a = lead(app, "lead-a@example.org", a_id)
    token = hidden(return_page(lead_a, a_return), "csrf_token")
    reply = lead_a.post(
        f"/assurance/returns/{b_return}/comments",
        data={"csrf_token": token, "question": next(iter(every)), "kind": "reply", "body": "x"},
    )
    assert reply.status_code == 404
    assert "Policy 2025" not in lead_a.get(f"/assurance/returns/{b_return}").get_data(as_text=True)


def test_a_deactivated_agencys_lead_reaches_none_of_its_returns(app):
    made = make_round(app)
    a_id, a_return = made["Agency A"]
    client = lead(app, "lead-a@example.org", a_id)
    admin = staff(app, "admin@example.org", "admin")
    page = admin.get("/admin/agencies").get_data(as_text=True)
    admin.post(
        f"/admin/agencies/{a_id}/active",
        data={"csrf_token": hidden(page, "csrf_token"), "active": "0"},
    )
    assert client.get(f"/assurance/returns/{a_return}").status_code == 404


def test_moderators_see_every_agencys_return_and_other_roles_none(app):
    made = make_round(app)
    moderator = staff(app, "moderator@example.org", "moderator")
    for _agency, return_id in made.values():
        assert moderator.get(f"/assurance/returns/{return_id}").status_code == 200
    analyst = staff(app, "analyst@example.org", "analyst")
    assert analyst.get(f"/assurance/returns/{made['Agency A'][1]}").status_code == 403


def test_leads_see_the_partnership_heat_map_only_once_published_and_only_if_asked(app):
    made = make_round(app)
    a_id, a_return = made["Agency A"]
    with app.app_context():
        from feedback.extensions import db
        from feedback.models import AuditReturn

        round_id = db.session.get(AuditReturn, a_return).round_id
    other = make_round(app, ("Agency C",))
    lead_a = lead(app, "lead-a@example.org", a_id)
    lead_c = lead(app, "lead-c@example.org", other["Agency C"][0])
    results = f"/assurance/rounds/{round_id}/results"
    assert lead_a.get(results).status_code == 404
    moderator = staff(app, "moderator@example.org", "moderator")
    token = hidden(
        moderator.get(f"/assurance/rounds/{round_id}").get_data(as_text=True), "csrf_token"
    )
    assert (
        moderator.post(
            f"/assurance/rounds/{round_id}/publish", data={"csrf_token": token}
        ).status_code
        == 302
    )
    page = lead_a.get(results)
    assert page.status_code == 200
    assert "Agency B" in page.get_data(as_text=True)  # partnership-wide, as published
    assert f'href="{results}"' in lead_a.get("/assurance/").get_data(as_text=True)
    assert lead_c.get(results).status_code == 404  # Agency C was not asked in that round
    from tests.feedback.assurance_helpers import logged

    assert [a for a, _ in logged(app, "audit_round.publish")] == ["audit_round.publish"]
