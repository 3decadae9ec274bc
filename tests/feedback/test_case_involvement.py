"""The agencies involved in each case of a case audit (issue 16): named after the
reference's colon, or every agency asked when none is named; an agency sees and grades
only its cases, and the panel sees which agencies graded."""

from __future__ import annotations

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import AuditCase, AuditReturn, AuditRound
from tests.feedback.assurance_helpers import lead, return_page, staff
from tests.feedback.helpers import hidden
from tests.feedback.test_case_audits import _open


def _returns(app) -> dict[tuple[str, int], int]:  # type: ignore[no-untyped-def]
    """{(case reference, agency id): return id}"""
    with app.app_context():
        rows = db.session.execute(
            select(AuditCase.reference, AuditReturn.agency_id, AuditReturn.id).join(
                AuditCase, AuditCase.id == AuditReturn.case_id
            )
        )
        return {(ref, agency): ret for ref, agency, ret in rows}


def test_each_case_asks_only_the_agencies_named_and_the_rest_all(app):
    admin = staff(app, "admin@example.org", "admin")
    reply, (north, south) = _open(admin, app, "MACA-2026-001: north\nMACA-2026-002")
    assert reply.status_code == 302, reply.get_data(as_text=True)
    assert sorted(_returns(app)) == [
        ("MACA-2026-001", north),
        ("MACA-2026-002", north),
        ("MACA-2026-002", south),
    ]


def test_an_agency_not_asked_stops_the_whole_audit(app):
    admin = staff(app, "admin@example.org", "admin")
    reply, _ids = _open(admin, app, "MACA-2026-001: North, East\nMACA-2026-002")
    assert reply.status_code == 400
    assert "MACA-2026-001: East is not one of the agencies asked." in reply.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count(AuditRound.id))) == 0
        assert db.session.scalar(select(func.count(AuditReturn.id))) == 0


def test_a_lead_sees_and_grades_only_their_agencys_cases(app):
    admin = staff(app, "admin@example.org", "admin")
    reply, (north, south) = _open(admin, app, "MACA-2026-001: North\nMACA-2026-002: South")
    assert reply.status_code == 302
    returns = _returns(app)
    south_lead = lead(app, "south@example.org", south)
    index = south_lead.get("/assurance/").get_data(as_text=True)
    assert "case MACA-2026-002" in index
    assert "MACA-2026-001" not in index
    # North's return for the case South is not in: not found, read or written.
    theirs = returns[("MACA-2026-001", north)]
    assert south_lead.get(f"/assurance/returns/{theirs}").status_code == 404
    mine = return_page(south_lead, returns[("MACA-2026-002", south)])
    posted = south_lead.post(
        f"/assurance/returns/{theirs}",
        data={"csrf_token": hidden(mine, "csrf_token"), "journey-rating": "good"},
    )
    assert posted.status_code == 404
    with app.app_context():
        assert not db.session.get(AuditReturn, theirs).ratings


def test_the_panel_sees_which_agencies_graded(app):
    admin = staff(app, "admin@example.org", "admin")
    reply, (north, _south) = _open(admin, app, "MACA-2026-001\nMACA-2026-002: South")
    assert reply.status_code == 302
    returns = _returns(app)
    north_lead = lead(app, "north@example.org", north)
    page = return_page(north_lead, returns[("MACA-2026-001", north)])
    data = {"csrf_token": hidden(page, "csrf_token"), "version": hidden(page, "version")}
    for qid in ("journey", "assessment", "planning", "voice", "outcomes"):
        data[f"{qid}-rating"], data[f"{qid}-evidence"] = "good", "Case notes"
    data.update(action="submit")
    assert (
        north_lead.post(
            f"/assurance/returns/{returns[('MACA-2026-001', north)]}", data=data
        ).status_code
        == 302
    )
    moderator = staff(app, "moderator@example.org", "moderator")
    with app.app_context():
        first, second = (
            c.id for c in db.session.scalars(select(AuditCase).order_by(AuditCase.reference))
        )
    panel = moderator.get(f"/assurance/cases/{first}").get_data(as_text=True)
    involved = panel.split("Agencies involved")[1].split("</ul>")[0]
    assert "North: Submitted" in involved
    assert "South: Draft" in involved
    only_south = moderator.get(f"/assurance/cases/{second}").get_data(as_text=True)
    involved = only_south.split("Agencies involved")[1].split("</ul>")[0]
    assert "South: Draft" in involved and "North" not in involved
