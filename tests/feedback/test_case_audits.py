"""A multi-agency case audit: opened with partnership references only, each agency
grades its part, a panel agrees grades and learning; results across cases (issue 16)."""

from __future__ import annotations

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import AuditCase, AuditReturn, AuditRound
from feedback.services.assurance.agencies import ensure_agency
from feedback.services.assurance.cases import grade_distribution, learning_themes
from tests.feedback.assurance_helpers import lead, logged, return_page, staff
from tests.feedback.helpers import hidden


def _open(admin, app, refs: str):  # type: ignore[no-untyped-def]
    with app.app_context():
        ids = [ensure_agency(n, "police").id for n in ("North", "South")]
    page = admin.get("/assurance/cases/new").get_data(as_text=True)
    data = {
        "csrf_token": hidden(page, "csrf_token"),
        "definition": "case-audit",
        "title": "Neglect audit",
        "theme": "Neglect",
        "deadline": "2099-06-30",
        "agencies": ids,
        "references": refs,
    }
    return admin.post("/assurance/cases/new", data=data), ids


def test_personal_looking_references_stop_the_whole_audit(app):
    admin = staff(app, "admin@example.org", "admin")
    reply, _ids = _open(admin, app, "MACA-2026-001\nJohn Smith\n943 476 5919\n01/02/2016")
    text = reply.get_data(as_text=True)
    assert reply.status_code == 400
    assert "John Smith: This looks like a name." in text
    assert "943 476 5919: This looks like an NHS number." in text
    assert "01/02/2016: This looks like a date" in text
    with app.app_context():
        assert db.session.scalar(select(func.count(AuditRound.id))) == 0
        assert db.session.scalar(select(func.count(AuditCase.id))) == 0


def test_agencies_grade_their_part_and_the_panel_agrees(app):
    admin = staff(app, "admin@example.org", "admin")
    reply, (north, _south) = _open(admin, app, "MACA-2026-001\nMACA-2026-002")
    assert reply.status_code == 302
    with app.app_context():
        found = db.session.scalar(select(AuditRound))
        assert [c.reference for c in found.cases] == ["MACA-2026-001", "MACA-2026-002"]
        assert db.session.scalar(select(func.count(AuditReturn.id))) == 4
        mine = db.session.scalar(
            select(AuditReturn.id).where(AuditReturn.agency_id == north).order_by(AuditReturn.id)
        )
        round_id, cases = found.id, [c.id for c in found.cases]
    # North's lead grades its part of the first case, with words for the text questions.
    north_lead = lead(app, "north@example.org", north)
    page = return_page(north_lead, mine)
    assert "case MACA-2026-001" in page
    data = {"csrf_token": hidden(page, "csrf_token"), "version": hidden(page, "version")}
    for qid in ("journey", "assessment", "planning", "voice", "outcomes"):
        data[f"{qid}-rating"], data[f"{qid}-evidence"] = "good", "Case notes"
    data.update(learning="Earlier information sharing", action="submit")
    assert north_lead.post(f"/assurance/returns/{mine}", data=data).status_code == 302
    with app.app_context():
        ret = db.session.get(AuditReturn, mine)
        assert ret.state == "submitted"
        assert {r.question_id: r.rating for r in ret.ratings}["voice"] == "good"
        assert {r.question_id: r.evidence for r in ret.ratings}["learning"] == (
            "Earlier information sharing"
        )
    # The panel: a grade off the scale is refused, then both cases are recorded.
    moderator = staff(app, "moderator@example.org", "moderator")
    token = hidden(
        moderator.get(f"/assurance/cases/{cases[0]}").get_data(as_text=True), "csrf_token"
    )
    bad = moderator.post(
        f"/assurance/cases/{cases[0]}", data={"csrf_token": token, "grade-voice": "superb"}
    )
    assert bad.status_code == 400 and "not a grade on this question" in bad.get_data(as_text=True)
    grades = [
        {"journey": "good", "assessment": "good", "planning": "requires_improvement",
         "voice": "inadequate", "outcomes": "good"},
        {"journey": "good", "assessment": "outstanding", "planning": "requires_improvement",
         "voice": "requires_improvement", "outcomes": "good"},
    ]  # fmt: skip
    learning = [
        "The child was not listened to; agencies shared information late.",
        "Supervision did not challenge drift; the child was not listened to.",
    ]
    for case_id, given, words in zip(cases, grades, learning, strict=True):
        form = {f"grade-{k}": v for k, v in given.items()}
        form.update(csrf_token=token, findings="Drift after the first plan.", learning=words)
        assert moderator.post(f"/assurance/cases/{case_id}", data=form).status_code == 302
    with app.app_context():
        found = db.session.get(AuditRound, round_id)
        assert all(c.panel_done_at for c in found.cases)
        table = grade_distribution(found)
        assert table["planning"] == {"requires_improvement": 2}
        assert table["voice"] == {"inadequate": 1, "requires_improvement": 1}
        assert table["assessment"] == {"good": 1, "outstanding": 1}
        themes = {t.theme: t.cases for t in learning_themes(found)}
        assert themes["listened_to"] == ("MACA-2026-001", "MACA-2026-002")
    page = moderator.get(f"/assurance/rounds/{round_id}").get_data(as_text=True)
    assert "Being listened to: 2 cases (MACA-2026-001, MACA-2026-002)" in page
    assert [a for a, _ in logged(app, "audit_case.")] == ["audit_case.panel"] * 2
