"""Audit rounds have their own retention, apart from surveys' (issue 16, item 5)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import AuditComment, AuditRating, AuditReturn, AuditRound
from tests.feedback.assurance_helpers import logged, make_round


def _count(app, model) -> int:  # type: ignore[no-untyped-def]
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def test_retention_deletes_whole_rounds_past_the_audit_setting_only(app, runner):
    app.config["HEARD_AUDIT_RETENTION_DAYS"] = 365
    make_round(app, ("Old agency",), deadline=date(2000, 1, 31))
    keep = make_round(app, ("New agency",))
    with app.app_context():
        from feedback.services.assurance.returns import save_return

        old = db.session.scalar(select(AuditReturn).order_by(AuditReturn.id))
        save_return(old, {"leadership_1": {"rating": "red", "evidence": "x"}}, 1, None)
        db.session.add(AuditComment(return_id=old.id, question_id="x", kind="reply", body="y"))
        db.session.commit()
    dry = runner.invoke(args=["retention", "apply", "--dry-run"])
    assert "audits: would delete 1 Section 11 and case audit rounds" in dry.output
    assert _count(app, AuditRound) == 2
    result = runner.invoke(args=["retention", "apply"])
    assert result.exit_code == 0, result.output
    assert "audits: deleted 1 " in result.output
    with app.app_context():
        assert db.session.scalars(select(AuditReturn.id)).all() == [keep["New agency"][1]]
    assert _count(app, AuditRating) == 0 and _count(app, AuditComment) == 0
    assert [a for a, _ in logged(app, "retention.audit")] == ["retention.audit_rounds"]
