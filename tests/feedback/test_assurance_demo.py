"""`heard demo` shows Section 11 rounds with returns in every state (issue 16)."""

from __future__ import annotations

from sqlalchemy import select

from feedback.demo.agencies import DEMO_AGENCIES
from feedback.extensions import db
from feedback.models import Action, Agency, AuditReturn, AuditRound
from feedback.services.assurance.results import results
from feedback.services.assurance.rounds import return_state


def test_demo_rounds_have_returns_in_every_state_and_a_change_to_show(app, runner):
    result = runner.invoke(args=["demo", "--responses", "0"])
    assert result.exit_code == 0, result.output
    again = runner.invoke(args=["demo", "--responses", "0"])
    assert again.exit_code == 0
    with app.app_context():
        rounds = list(
            db.session.scalars(
                select(AuditRound)
                .where(AuditRound.kind == "section11")
                .order_by(AuditRound.created_at)
            )
        )
        assert [r.title for r in rounds] == [
            "Section 11 self-assessment 2025",
            "Section 11 self-assessment 2026",
            "Section 11 mid-year check 2026",
        ]
        states = {return_state(ret) for r in rounds for ret in r.returns}
        assert states == {"draft", "overdue", "submitted", "challenged", "agreed"}
        found = results(rounds[1])
        assert found.previous is not None and found.previous.id == rounds[0].id
        assert any(c.change is not None for row in found.rows for c in row.cells)
        assert found.gaps and found.actions
        (cases,) = db.session.scalars(select(AuditRound).where(AuditRound.kind == "case_audit"))
        assert cases.theme == "Neglect" and len(cases.cases) == 4
        assert all(c.panel_done_at and len(c.grades) == 5 for c in cases.cases)
        assert all(ret.state == "submitted" for ret in cases.returns)


def test_the_board_report_has_the_latest_section11_round(app, runner, tmp_path):
    assert runner.invoke(args=["demo", "--responses", "0"]).exit_code == 0
    out = tmp_path / "board.html"
    result = runner.invoke(args=["report", "--period", "all", "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    section = html.split('<section id="section11">')[1].split("</section>")[0]
    assert "Section 11 self-assessment 2026" in section
    assert "Arrows compare with Section 11 self-assessment 2025." in section
    assert "Probation Service, West" in section and 'class="rating-tag rating-' in section
    cases = html.split('<section id="case-audit">')[1].split("</section>")[0]
    assert "Neglect case audit, spring 2026" in cases and "Learning points, by theme" in cases
    # A period that ended before any round was opened has no Section 11 part.
    early = tmp_path / "early.html"
    args = ["report", "--period", "2020-H1", "--format", "html", "-o", str(early)]
    assert runner.invoke(args=args).exit_code == 0
    assert 'id="section11"' not in early.read_text(encoding="utf-8")


def test_an_instance_with_demo_responses_but_no_rounds_gets_them_once(app, runner):
    assert runner.invoke(args=["demo", "--responses", "1"]).exit_code == 0
    with app.app_context():
        from feedback.services.assurance.retention import expire_rounds

        expire_rounds(-100_000)  # every round gone: an instance from before audits
        assert db.session.scalar(select(AuditRound.id)) is None
    added = runner.invoke(args=["demo", "--if-empty"])
    assert "Added the demo Section 11 rounds and case audit." in added.output
    again = runner.invoke(args=["demo", "--if-empty"])
    assert "Added the demo" not in again.output
    with app.app_context():
        assert len(db.session.scalars(select(AuditRound.id)).all()) == 4


def test_the_demo_has_one_partnership_for_audits_and_actions(app, runner):
    result = runner.invoke(args=["demo", "--responses", "0"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        names = {a.name for a in db.session.scalars(select(Agency))}
        assert names == {name for name, _sector in DEMO_AGENCIES}
        asked = {r.agency.name for r in db.session.scalars(select(AuditReturn))}
        owners = {a.owner_agency.name for a in db.session.scalars(select(Action))}
        assert owners and owners <= asked  # every action's agency also made a return
