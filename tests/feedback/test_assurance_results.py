"""A round's results on known data: the heat map, the change since the last round, the
evidence gaps, the actions, and the XLSX (issue 16)."""

from __future__ import annotations

import io
from datetime import date, timedelta

from openpyxl import load_workbook
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import AuditEvent, AuditReturn, AuditRound
from feedback.services.assurance.agencies import ensure_agency
from feedback.services.assurance.results import results
from feedback.services.assurance.returns import (
    agree_rating,
    rated_questions,
    save_return,
    submit_return,
)
from feedback.services.assurance.rounds import bundled_audits, open_round
from feedback.services.people.users import create_user
from tests.feedback.assurance_helpers import staff

PASSWORD = "a long enough passphrase"


def _fill(ret: AuditReturn, ratings: dict[str, str], evidence: str | None, actions=None):  # type: ignore[no-untyped-def]
    lead = create_user(f"lead-{ret.id}@example.org", "agency_lead", PASSWORD, ret.agency_id)
    answers = {
        q.id: {"rating": ratings.get(q.id, "green"), "evidence": evidence, "actions": actions}
        for q in rated_questions(ret)
    }
    save_return(ret, answers, ret.version, lead)
    submit_return(ret, ret.version, lead)


def _round(title: str, agencies: list[int], created: int) -> AuditRound:
    found = open_round(title, date(2099, 1, 1), agencies, bundled_audits()["section11"])
    found.created_at -= timedelta(days=created)  # older rounds were opened earlier
    db.session.commit()
    return found


def _world(app):  # type: ignore[no-untyped-def]
    """Last year: A all green. This year: A red on one leadership statement (worse), B a
    draft, C all green with one agreed amber and no evidence, with an action to =SUM()."""
    with app.app_context():
        a, b, c = (ensure_agency(n, "health").id for n in ("Alpha", "Beta", "Gamma"))
        old = _round("2025", [a], 365)
        _fill(old.returns[0], {}, "Kept")
        new = _round("2026", [a, b, c], 0)
        ret_a, _ret_b, ret_c = sorted(new.returns, key=lambda r: r.agency_id)
        _fill(ret_a, {"leadership_2": "red"}, "Audit 2026")
        _fill(ret_c, {}, None, actions="=SUM(A1:A9)")
        moderator = create_user("mod@example.org", "moderator", PASSWORD)
        agree_rating(ret_c, "leadership_1", "amber", moderator)
        return new.id


def test_heat_map_figures_on_known_data(app):
    round_id = _world(app)
    with app.app_context():
        found = results(db.session.get(AuditRound, round_id))
        assert len(found.standards) == 8 and found.previous.title == "2025"
        by_name = {row.agency: row for row in found.rows}
        alpha, beta, gamma = by_name["Alpha"], by_name["Beta"], by_name["Gamma"]
        leadership = 0
        assert (alpha.cells[leadership].rating, alpha.cells[leadership].change) == ("red", -1)
        assert alpha.cells[1].rating == "green" and alpha.cells[1].change == 0
        assert beta.state == "draft" and all(c.rating is None for c in beta.cells)
        # Agreed only where every statement of the standard is agreed: not yet.
        assert gamma.cells[leadership].rating == "green"
        assert gamma.cells[leadership].agreed is None
        assert gamma.cells[leadership].change is None  # Gamma was not asked last year
        assert found.counts(1) == {"red": 1, "green": 1}
        statements = len(rated_questions(db.session.get(AuditRound, round_id).returns[2]))
        assert len(found.gaps) == statements and {g[0] for g in found.gaps} == {"Gamma"}
        assert len(found.actions) == statements
        assert found.actions[0][3] == "=SUM(A1:A9)"


def test_the_round_page_shows_the_heat_map_in_words(app):
    round_id = _world(app)
    client = staff(app, "moderator@example.org", "moderator")
    page = client.get(f"/assurance/rounds/{round_id}").get_data(as_text=True)
    assert 'class="rating-tag rating-red">Red<' in page
    assert "worse than last round" in page and "same as last round" in page
    assert "Evidence gaps" in page and "=SUM(A1:A9)" in page


def test_the_xlsx_holds_the_figures_neutralised_and_is_audited(app):
    round_id = _world(app)
    client = staff(app, "moderator@example.org", "moderator")
    reply = client.get(f"/assurance/rounds/{round_id}/results.xlsx")
    assert reply.status_code == 200 and reply.headers["Cache-Control"] == "no-store"
    book = load_workbook(io.BytesIO(reply.data), read_only=True)
    assert book.sheetnames == ["heat map", "ratings", "evidence gaps"]
    heat = list(book["heat map"].values)
    assert heat[0] == ("agency", "state", "standard", "self_rating", "agreed_rating", "change")
    alpha = [r for r in heat if r[0] == "Alpha"]
    assert alpha[0][2:] == ("Senior leadership commitment and accountability", "red", None, -1)
    ratings = list(book["ratings"].values)
    assert "'=SUM(A1:A9)" in {(*r, None, None)[7] for r in ratings}  # short rows: no actions
    assert not any(r[0] == "Beta" for r in ratings)  # a draft is not in the results
    with app.app_context():
        assert db.session.scalar(
            select(AuditEvent.action).where(AuditEvent.action == "audit_round.export")
        )
