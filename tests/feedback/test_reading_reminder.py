"""`heard notify-pending` reminds leads once a day while texts on the reading list are overdue."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from feedback.extensions import db
from feedback.models import AuditEvent
from feedback.models._time import utcnow
from tests.feedback.reading_helpers import store_text
from tests.feedback.safeguarding_helpers import make_user


def _reminders(tmp_path) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(p.read_text() for p in (tmp_path / "outbox").glob("reading-*.eml"))


def test_leads_get_one_reminder_a_day_while_texts_are_overdue(library_loaded, runner, tmp_path):
    app = library_loaded
    make_user(app, "lead@example.org", "safeguarding")
    store_text(app, "it was ok but i miss my nan", hours_ago=1)
    quiet = runner.invoke(args=["notify-pending"])
    assert quiet.exit_code == 0 and "Nothing to notify." in quiet.output
    assert _reminders(tmp_path) == []  # nothing is overdue yet

    store_text(app, "i liked the youth club", hours_ago=90)
    store_text(app, "my worker is kind", hours_ago=75)
    first = runner.invoke(args=["notify-pending"])
    assert first.exit_code == 0, first.output
    assert "2 texts are overdue" in first.output
    [mail] = _reminders(tmp_path)
    assert "To: lead@example.org" in mail
    assert "2 texts on the reading list have waited more than 72 hours." in mail
    assert app.config["HEARD_BASE_URL"].rstrip("/") + "/safeguarding/reading" in mail
    for words in ("youth club", "kind", "nan"):  # a count and a link, never the text
        assert words not in mail

    runner.invoke(args=["notify-pending"])
    assert len(_reminders(tmp_path)) == 1  # once a day, however often cron runs it

    with app.app_context():
        db.session.execute(
            update(AuditEvent)
            .where(AuditEvent.action == "reading.remind")
            .values(at=utcnow() - timedelta(hours=25))
        )
        db.session.commit()
    for eml in (tmp_path / "outbox").glob("reading-*.eml"):
        eml.unlink()
    runner.invoke(args=["notify-pending"])
    assert len(_reminders(tmp_path)) == 1  # a day later, still overdue: told again
    with app.app_context():
        details = db.session.scalars(
            select(AuditEvent.detail).where(AuditEvent.action == "reading.remind")
        ).all()
    assert [d["overdue"] for d in details] == [2, 2]
