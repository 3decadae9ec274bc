"""`heard analyse` catches up on unanalysed text; `heard notify-pending` on unsent alerts."""

from __future__ import annotations

from sqlalchemy import delete, func, select

from feedback.extensions import db
from feedback.models import ConcernAlert, TextAnalysis, TextTheme
from tests.feedback.safeguarding_helpers import (
    DISCLOSURE,
    HARMLESS,
    alerts,
    free_port,
    make_user,
    submit,
)

SLUG = "children-8-11"


def _forget_analysis(app) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        db.session.execute(delete(ConcernAlert))
        db.session.execute(delete(TextTheme))
        db.session.execute(delete(TextAnalysis))
        db.session.commit()


def test_heard_analyse_backfills_text_and_raises_alerts(library_loaded, runner, tmp_path):
    app = library_loaded
    submit(app.test_client(), SLUG, {"anything_else": HARMLESS})
    submit(app.test_client(), SLUG, {"anything_else": DISCLOSURE})
    _forget_analysis(app)
    for eml in (tmp_path / "outbox").glob("*.eml"):
        eml.unlink()

    result = runner.invoke(args=["analyse", "--batch-size", "1"])
    assert result.exit_code == 0, result.output
    assert "Analysed 2 answers; 1 new concern alerts." in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count(TextAnalysis.id))) == 2
    [alert] = alerts(app)
    assert alert.notified_at is not None
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 1

    again = runner.invoke(args=["analyse"])
    assert "already analysed" in again.output
    assert len(alerts(app)) == 1


def test_notify_pending_sends_what_the_first_attempt_could_not(library_loaded, runner, tmp_path):
    app = library_loaded
    make_user(app, "lead@example.org", "safeguarding")
    app.config.update(HEARD_SMTP_HOST="127.0.0.1", HEARD_SMTP_PORT=free_port())
    submit(app.test_client(), SLUG, {"anything_else": DISCLOSURE})
    assert alerts(app)[0].notified_at is None

    failing = runner.invoke(args=["notify-pending", "--all"])
    assert failing.exit_code == 1 and "could not be notified" in failing.output

    app.config["HEARD_SMTP_HOST"] = ""  # now the outbox
    fixed = runner.invoke(args=["notify-pending", "--all"])
    assert fixed.exit_code == 0 and "Notified 1 alerts" in fixed.output
    assert alerts(app)[0].notified_at is not None
    [eml] = (tmp_path / "outbox").glob("*.eml")
    assert "To: lead@example.org" in eml.read_text()
    assert "Nothing to notify" in runner.invoke(args=["notify-pending"]).output


def test_notify_pending_leaves_brand_new_alerts_to_their_own_attempt(library_loaded, runner):
    app = library_loaded
    app.config.update(HEARD_SMTP_HOST="127.0.0.1", HEARD_SMTP_PORT=free_port())
    submit(app.test_client(), SLUG, {"anything_else": DISCLOSURE})
    result = runner.invoke(args=["notify-pending"])
    assert result.exit_code == 0 and "Nothing to notify" in result.output
