"""Retention and withdrawal: what is deleted is deleted entirely, but for the alerts.

A concern alert (with its notes and the text it was raised on) outlives its response as
a safeguarding record: see test_safeguarding_records.py.
"""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import (
    AlertNote,
    Answer,
    AuditEvent,
    ConcernAlert,
    Response,
    SubmissionToken,
    TextAnalysis,
    TextTheme,
)
from feedback.models._time import utcnow
from tests.feedback.helpers import hidden, load_test_survey, post_page, start

CHILD_TABLES = (Answer, TextAnalysis, TextTheme, ConcernAlert, AlertNote, SubmissionToken)


def _answer_and_get_receipt(client, slug: str, text: str = "") -> str:  # type: ignore[no-untyped-def]
    html = start(client, slug)
    answers = {"responsive": "agree", "say_more": text} if text else {"responsive": "agree"}
    html = post_page(client, slug, html, answers).get_data(as_text=True)
    reply = post_page(client, slug, html, {}, action="submit")
    thanks = client.get(reply.headers["Location"]).get_data(as_text=True)
    match = re.search(r'class="receipt">([A-Z0-9-]+)<', thanks)
    assert match, "the thank-you page shows a receipt code"
    return match.group(1)


def _counts(app) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with app.app_context():
        return {
            m.__tablename__: db.session.scalar(select(func.count()).select_from(m))
            for m in (Response, *CHILD_TABLES)
        }


def _add_alert(app) -> None:  # type: ignore[no-untyped-def]
    """Give every response an analysed text with an alert and a note, as a flagged answer has."""
    with app.app_context():
        for response in db.session.scalars(select(Response)):
            answer = response.answers[0]
            analysis = TextAnalysis(
                answer_id=answer.id,
                response_id=response.id,
                language="en",
                sentiment="negative",
                polarity=-0.5,
                concern=True,
                redacted="x",
            )
            analysis.themes.append(TextTheme(theme="safety", sentiment="negative"))
            alert = ConcernAlert(
                response_id=response.id,
                answer_id=answer.id,
                survey_id=response.survey_id,
                contact_encrypted=b"secret",
            )
            alert.notes.append(AlertNote(text="called"))
            db.session.add_all([analysis, alert])
        db.session.commit()


def test_withdraw_page_removes_the_response_and_all_but_the_alert(app, client):
    slug = load_test_survey(app, "withdrawable.yaml")
    receipt = _answer_and_get_receipt(client, slug)
    _add_alert(app)
    page = client.get("/withdraw").get_data(as_text=True)
    wrong = client.post(
        "/withdraw", data={"csrf_token": hidden(page, "csrf_token"), "receipt": "AAAA-BBBB-CCCC"}
    )
    assert "could not find" in wrong.get_data(as_text=True)
    assert _counts(app)["response"] == 1
    done = client.post(
        "/withdraw", data={"csrf_token": hidden(page, "csrf_token"), "receipt": receipt.lower()}
    )
    assert "have been removed" in done.get_data(as_text=True)
    kept = {"concern_alert": 1, "alert_note": 1, "submission_token": 1}
    assert (
        _counts(app)
        == dict.fromkeys(("response", "answer", "text_analysis", "text_theme"), 0) | kept
    )
    with app.app_context():
        actions = set(db.session.scalars(select(AuditEvent.action)))
        assert "response.withdraw" in actions


def test_receipt_is_shown_once(app, client):
    slug = load_test_survey(app, "withdrawable.yaml")
    _answer_and_get_receipt(client, slug)
    again = client.get(f"/s/{slug}/thanks").get_data(as_text=True)
    assert 'class="receipt"' not in again


def test_erase_command(app, client, runner):
    slug = load_test_survey(app, "withdrawable.yaml")
    receipt = _answer_and_get_receipt(client, slug)
    assert runner.invoke(args=["erase", "--receipt", receipt]).exit_code == 0
    assert _counts(app)["response"] == 0
    assert runner.invoke(args=["erase", "--receipt", receipt]).exit_code == 1


def test_surveys_without_withdrawal_show_no_receipt(app, client):
    slug = load_test_survey(app)  # branching.yaml does not allow withdrawal
    html = start(client, slug)
    html = post_page(client, slug, html, {"had_worker": "no"}).get_data(as_text=True)
    html = post_page(client, slug, html, {}).get_data(as_text=True)
    thanks = client.get(post_page(client, slug, html, {}, action="submit").headers["Location"])
    assert 'class="receipt"' not in thanks.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Response.receipt_hash)) is None


def test_retention_apply_deletes_old_responses_and_leaves_nothing(app, client, runner):
    slug = load_test_survey(app, "withdrawable.yaml")
    _answer_and_get_receipt(client, slug)
    _answer_and_get_receipt(client, slug)
    _add_alert(app)
    with app.app_context():
        old, new = db.session.scalars(select(Response).order_by(Response.id)).all()
        old.submitted_at = utcnow() - timedelta(days=31)
        new_id = new.id
        db.session.commit()
    dry = runner.invoke(args=["retention", "apply", "--dry-run"])
    assert "would delete 1 responses" in dry.output
    assert _counts(app)["response"] == 2
    result = runner.invoke(args=["retention", "apply"])
    assert result.exit_code == 0
    assert f"{slug}: deleted 1 responses, 1 answers, 1 text analyses; kept 1 alerts" in (
        result.output
    )
    counts = _counts(app)
    assert counts["response"] == 1 and counts["concern_alert"] == 2  # one kept as a record
    with app.app_context():
        assert db.session.scalar(select(Response.id)) == new_id
        leftover = db.session.scalar(
            select(func.count()).select_from(Answer).where(Answer.response_id != new_id)
        )
        assert leftover == 0
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "retention.apply"))
        assert event.detail["responses"] == 1 and len(event.detail["alerts_kept"]) == 1
