"""A Section 11 return's life: draft -> submit -> challenge -> agree, and bad input."""

from __future__ import annotations

from datetime import date

from tests.feedback.assurance_helpers import (
    lead,
    logged,
    make_round,
    return_page,
    save_form,
    staff,
    statements,
    stored,
)
from tests.feedback.helpers import hidden


def _draft(app):  # type: ignore[no-untyped-def]
    agency_id, return_id = make_round(app, ("Agency A",))["Agency A"]
    return lead(app, "lead-a@example.org", agency_id), return_id, statements(app, return_id)


def test_a_draft_is_saved_by_one_editor_and_a_stale_save_is_refused(app):
    agency_id, return_id = make_round(app, ("Agency A",))["Agency A"]
    client = lead(app, "lead-a@example.org", agency_id)
    colleague = lead(app, "colleague@example.org", agency_id)
    ids = statements(app, return_id)
    mine, theirs = return_page(client, return_id), return_page(colleague, return_id)
    saved = client.post(
        f"/assurance/returns/{return_id}", data=save_form(mine, {ids[0]: ("amber", "Mine")})
    )
    assert saved.status_code == 302
    assert stored(app, return_id)[2][ids[0]] == ("amber", "Mine", None)
    # The colleague opened the page before that save: theirs is refused, not merged.
    stale = colleague.post(
        f"/assurance/returns/{return_id}",
        data=save_form(theirs, {ids[0]: ("green", "Theirs")}),
        follow_redirects=True,
    )
    assert "Someone else saved this return after you opened it" in stale.get_data(as_text=True)
    state, version, rows = stored(app, return_id)
    assert (state, version, rows[ids[0]]) == ("draft", 2, ("amber", "Mine", None))
    assert logged(app, "audit_return.") == [("audit_return.save", str(return_id))]


def test_a_rating_not_in_the_scale_is_refused_and_nothing_is_stored(app):
    client, return_id, ids = _draft(app)
    page = return_page(client, return_id)
    reply = client.post(
        f"/assurance/returns/{return_id}",
        data=save_form(page, {ids[0]: ("purple", "x"), ids[1]: ("green", "y")}),
    )
    assert reply.status_code == 400
    assert "There is a problem" in reply.get_data(as_text=True)
    assert stored(app, return_id) == ("draft", 1, {})


def test_an_incomplete_return_cannot_be_submitted(app):
    client, return_id, ids = _draft(app)
    page = return_page(client, return_id)
    reply = client.post(
        f"/assurance/returns/{return_id}",
        data=save_form(page, {ids[0]: ("red", "Gap")}, "submit"),
        follow_redirects=True,
    )
    text = reply.get_data(as_text=True)
    assert f"{len(ids) - 1} still have no rating" in text
    assert stored(app, return_id)[0] == "draft"  # saved, but not submitted


def _submitted(app):  # type: ignore[no-untyped-def]
    client, return_id, ids = _draft(app)
    page = return_page(client, return_id)
    answers = {qid: ("green", f"Evidence {n}") for n, qid in enumerate(ids)}
    answers[ids[0]] = ("amber", "")  # one statement without evidence
    reply = client.post(f"/assurance/returns/{return_id}", data=save_form(page, answers, "submit"))
    assert reply.status_code == 302
    return client, return_id, ids, page


def test_submitting_twice_says_so_and_changes_nothing(app):
    client, return_id, ids, old_page = _submitted(app)
    before = stored(app, return_id)
    assert before[0] == "submitted"
    again = client.post(
        f"/assurance/returns/{return_id}",
        data=save_form(old_page, {ids[0]: ("red", "Changed")}, "submit"),
        follow_redirects=True,
    )
    assert "This return was already submitted" in again.get_data(as_text=True)
    assert stored(app, return_id) == before
    assert [a for a, _ in logged(app, "audit_return.submit")] == ["audit_return.submit"]


def _post(client, return_id, path, **data):  # type: ignore[no-untyped-def]
    token = hidden(return_page(client, return_id), "csrf_token")
    return client.post(f"/assurance/returns/{return_id}/{path}", data={"csrf_token": token, **data})


def test_challenge_reply_and_agree(app):
    agency_lead, return_id, ids, _page = _submitted(app)
    moderator = staff(app, "moderator@example.org", "moderator")
    _post(moderator, return_id, "comments", question=ids[0], kind="challenge", body="Evidence?")
    assert stored(app, return_id)[0] == "challenged"
    # The agency sees the challenge and answers it; it cannot challenge or agree itself.
    assert "Evidence?" in return_page(agency_lead, return_id)
    _post(agency_lead, return_id, "comments", question=ids[0], kind="reply", body="Audit of 2025")
    _post(agency_lead, return_id, "comments", question=ids[1], kind="challenge", body="Self")
    assert _post(agency_lead, return_id, "agree", question=ids[0], rating="red").status_code == 403
    page = return_page(moderator, return_id)
    assert "Audit of 2025" in page and ">Self<" not in page
    assert _post(moderator, return_id, "agree", question=ids[0], rating="purple").status_code == 302
    assert stored(app, return_id)[2][ids[0]][2] is None  # not in the scale: not stored
    _post(moderator, return_id, "agree", question=ids[0], rating="red")
    state, _version, rows = stored(app, return_id)
    assert state == "submitted" and rows[ids[0]][2] == "red"
    for qid in ids[1:]:
        _post(moderator, return_id, "agree", question=qid, rating="green")
    assert stored(app, return_id)[0] == "agreed"
    actions = [a for a, _ in logged(app, "audit_return.")]
    assert actions[:4] == [
        "audit_return.save",
        "audit_return.submit",
        "audit_return.challenge",
        "audit_return.reply",
    ]
    assert actions.count("audit_return.agree") == len(ids)


def test_agreeing_every_unchallenged_rating_leaves_the_challenged_one(app):
    _lead, return_id, ids, _page = _submitted(app)
    moderator = staff(app, "moderator@example.org", "moderator")
    _post(moderator, return_id, "comments", question=ids[2], kind="challenge", body="Why?")
    _post(moderator, return_id, "agree-unchallenged")
    state, _version, rows = stored(app, return_id)
    assert state == "challenged"
    assert rows[ids[2]][2] is None
    assert all(rows[q][2] == rows[q][0] for q in ids if q != ids[2])
    _post(moderator, return_id, "agree", question=ids[2], rating="amber")
    assert stored(app, return_id)[0] == "agreed"


def test_a_draft_after_its_deadline_is_overdue(app):
    agency_id, return_id = make_round(app, ("Agency A",), deadline=date(2020, 1, 31))["Agency A"]
    client = lead(app, "lead-a@example.org", agency_id)
    assert "Overdue" in client.get("/assurance/").get_data(as_text=True)
    assert "State: Overdue." in return_page(client, return_id)


def test_an_admin_opens_a_round_and_bad_input_stores_nothing(app):
    from sqlalchemy import func, select

    from feedback.extensions import db
    from feedback.models import AuditReturn, AuditRound
    from feedback.services.assurance.agencies import ensure_agency

    with app.app_context():
        ids = [ensure_agency(n, "police").id for n in ("North", "South")]
    admin = staff(app, "admin@example.org", "admin")
    page = admin.get("/assurance/rounds/new").get_data(as_text=True)
    base = {"csrf_token": hidden(page, "csrf_token"), "definition": "section11"}
    none = admin.post(
        "/assurance/rounds/new", data={**base, "title": "S11 2026", "deadline": "2099-09-30"}
    )
    assert none.status_code == 400
    assert "Choose at least one agency to ask." in none.get_data(as_text=True)
    bad_date = admin.post(
        "/assurance/rounds/new",
        data={**base, "title": "S11 2026", "deadline": "30/09", "agencies": ids},
    )
    assert bad_date.status_code == 400
    gone = admin.post(
        "/assurance/rounds/new",
        data={**base, "title": "S11 2026", "deadline": "2020-09-30", "agencies": ids},
    )
    assert gone.status_code == 400
    assert "The deadline must be today or later" in gone.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count(AuditRound.id))) == 0
    made = admin.post(
        "/assurance/rounds/new",
        data={**base, "title": "S11 2026", "deadline": "2099-09-30", "agencies": ids},
    )
    assert made.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(func.count(AuditReturn.id))) == 2
    assert [a for a, _ in logged(app, "audit_round.")] == ["audit_round.open"]
