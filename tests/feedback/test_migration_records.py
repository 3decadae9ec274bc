"""The safeguarding_records migration on a database with alerts and notes in it.

SQLite rebuilds the alert table to add AUTOINCREMENT; with foreign keys on (as
`heard init-db` runs), dropping the old table would delete every note on every alert.
"""

from __future__ import annotations

from sqlalchemy import create_engine, func, select, text

from feedback.database import configure_engine, downgrade, upgrade
from feedback.extensions import db
from feedback.models import AlertNote, ConcernAlert
from tests.conftest import ON_POSTGRES
from tests.feedback.helpers import load_test_survey
from tests.feedback.safeguarding_helpers import DISCLOSURE, alerts, submit

BEFORE = "text_model_scores"


def _notes(engine) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text("SELECT alert_id, text FROM alert_note"))]


def test_down_and_up_again_keeps_alerts_notes_and_ids(app, database_url):
    slug = load_test_survey(app, "withdrawable.yaml")
    submit(app.test_client(), slug, {"responsive": "agree", "say_more": DISCLOSURE})
    (alert,) = alerts(app)
    with app.app_context():
        db.session.add(AlertNote(alert_id=alert.id, text="Rang the school."))
        db.session.commit()
        db.engine.dispose()
    engine = create_engine(database_url)
    configure_engine(engine)  # foreign keys on, as the app runs migrations
    downgrade(engine, BEFORE)
    assert _notes(engine) == [(alert.id, "Rang the school.")]
    upgrade(engine)
    assert _notes(engine) == [(alert.id, "Rang the school.")]
    if not ON_POSTGRES:
        with engine.connect() as conn:
            ddl = conn.scalar(text("SELECT sql FROM sqlite_master WHERE name = 'concern_alert'"))
            seq = conn.scalar(text("SELECT seq FROM sqlite_sequence WHERE name = 'concern_alert'"))
        assert "AUTOINCREMENT" in ddl and seq == alert.id
    engine.dispose()
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ConcernAlert)) == 1


def test_downgrade_refuses_to_lose_kept_records(app, database_url):
    slug = load_test_survey(app, "withdrawable.yaml")
    submit(app.test_client(), slug, {"responsive": "agree", "say_more": DISCLOSURE})
    with app.app_context():
        alert = db.session.scalar(select(ConcernAlert))
        alert.response_id = None  # as a withdrawal leaves it
        db.session.commit()
        db.engine.dispose()
    engine = create_engine(database_url)
    configure_engine(engine)
    try:
        downgrade(engine, BEFORE)
    except RuntimeError as error:
        assert "safeguarding records" in str(error)
    else:
        raise AssertionError("the downgrade should refuse")
    engine.dispose()
    assert len(alerts(app)) == 1
