"""Safeguarding records that last (issue 12, item 5): each case an outside probe found.

A withdrawal or a retention run takes the answers out of analysis and exports, but a
concern alert raised on them stays, with its text, as the safeguarding record; alert ids
are never given again; and a used submission token stays used after its response goes.
"""

from __future__ import annotations

import re
from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import (
    Answer,
    AuditEvent,
    ConcernAlert,
    Response,
    SubmissionToken,
    TextAnalysis,
)
from feedback.models._time import utcnow
from tests.feedback.helpers import hidden, load_test_survey, post_page, start
from tests.feedback.safeguarding_helpers import DISCLOSURE, alerts, lead_client

OTHER_DISCLOSURE = "my dad hits me with a belt and i am scared of him"


def _answer(client: FlaskClient, slug: str, text: str) -> tuple[str, dict[str, str]]:
    """Answer the withdrawable survey; return the receipt and the final POST's form data."""
    html = start(client, slug)
    html = post_page(client, slug, html, {"responsive": "agree", "say_more": text})
    html = html.get_data(as_text=True)
    final = {
        "csrf_token": hidden(html, "csrf_token"),
        "state": hidden(html, "state"),
        "action": "submit",
    }
    reply = client.post(f"/s/{slug}", data=final)
    assert reply.status_code == 303
    thanks = client.get(reply.headers["Location"]).get_data(as_text=True)
    match = re.search(r'class="receipt">([A-Z0-9-]+)<', thanks)
    assert match, "the thank-you page shows a receipt code"
    return match.group(1), final


def _withdraw(client: FlaskClient, receipt: str) -> str:
    page = client.get("/withdraw").get_data(as_text=True)
    done = client.post(
        "/withdraw", data={"csrf_token": hidden(page, "csrf_token"), "receipt": receipt}
    )
    return done.get_data(as_text=True)


def _count(app: Flask, model) -> int:  # type: ignore[no-untyped-def]
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model)) or 0


def test_withdrawing_keeps_the_alert_and_its_text_as_a_record(app, client):
    slug = load_test_survey(app, "withdrawable.yaml")
    receipt, _final = _answer(client, slug, DISCLOSURE)
    (alert,) = alerts(app)
    assert "have been removed" in _withdraw(client, receipt)
    # The answers leave analysis and exports ...
    assert _count(app, Response) == _count(app, Answer) == _count(app, TextAnalysis) == 0
    # ... the alert stays, with what was written and when the respondent withdrew.
    (kept,) = alerts(app)
    assert kept.id == alert.id and kept.response_id is None
    assert kept.response_removed_reason == "withdrawn"
    assert kept.record["texts"] == [
        {"question": "Anything else?", "text": DISCLOSURE, "flagged": True}
    ]
    assert kept.record["audience"] == "community" and kept.record["submitted_at"]
    local = kept.response_removed_at.replace(tzinfo=UTC).astimezone(ZoneInfo("Europe/London"))
    day = f"{local.day} {local:%b %Y}"  # as staff read it: "6 Dec 2026", London's day
    lead = lead_client(app)
    page = lead.get(f"/safeguarding/alerts/{alert.id}").get_data(as_text=True)
    assert DISCLOSURE in page
    assert f"The respondent withdrew their answers on {day}" in page
    assert "Anything else?" in page  # the question it answered
    listing = lead.get("/safeguarding/").get_data(as_text=True)
    assert "Withdrawn" in listing
    with app.app_context():
        event = db.session.scalar(
            select(AuditEvent).where(AuditEvent.action == "response.withdraw")
        )
        assert event.detail == {"alerts": [alert.id]}


def test_withdrawing_an_answer_without_alert_names_no_alert(app, client):
    slug = load_test_survey(app, "withdrawable.yaml")
    receipt, _final = _answer(client, slug, "The staff were kind to us.")
    _withdraw(client, receipt)
    assert _count(app, Response) == 0 and alerts(app) == []
    with app.app_context():
        event = db.session.scalar(
            select(AuditEvent).where(AuditEvent.action == "response.withdraw")
        )
        assert event.detail == {"alerts": []}


def test_replaying_the_final_post_after_a_withdrawal_stores_nothing(app, client):
    slug = load_test_survey(app, "withdrawable.yaml")
    receipt, final = _answer(client, slug, DISCLOSURE)
    _withdraw(client, receipt)
    again = client.post(f"/s/{slug}", data=final)  # the browser's "resubmit"
    assert again.status_code == 303
    assert _count(app, Response) == 0
    assert len(alerts(app)) == 1  # the kept record, and no second alert
    assert _count(app, SubmissionToken) == 1


def test_replaying_after_retention_stores_nothing(app, client, runner):
    slug = load_test_survey(app, "withdrawable.yaml")
    _receipt, final = _answer(client, slug, "We liked the new opening hours.")
    with app.app_context():
        db.session.execute(
            Response.__table__.update().values(submitted_at=utcnow() - timedelta(days=40))
        )
        db.session.commit()
    assert runner.invoke(args=["retention", "apply"]).exit_code == 0
    assert _count(app, Response) == 0
    client.post(f"/s/{slug}", data=final)
    assert _count(app, Response) == 0


def test_alert_ids_are_never_given_again(app, client):
    slug = load_test_survey(app, "withdrawable.yaml")
    _answer(client, slug, DISCLOSURE)
    (first,) = alerts(app)
    with app.app_context():
        # However an alert goes (retention of a closed record, an admin's clean-up),
        # the next one must not inherit its id: old e-mail links and audit rows name it.
        db.session.delete(db.session.get(ConcernAlert, first.id))
        db.session.commit()
    _answer(client, slug, OTHER_DISCLOSURE)
    (second,) = alerts(app)
    assert second.id > first.id


def test_retention_keeps_open_alerts_as_records(app, client, runner):
    slug = load_test_survey(app, "withdrawable.yaml")  # retention_days: 30
    _answer(client, slug, DISCLOSURE)
    (alert,) = alerts(app)
    with app.app_context():
        db.session.execute(
            Response.__table__.update().values(submitted_at=utcnow() - timedelta(days=31))
        )
        db.session.commit()
    result = runner.invoke(args=["retention", "apply"])
    assert result.exit_code == 0, result.output
    assert f"{slug}: deleted 1 responses, 2 answers, 1 text analyses; kept 1 alerts" in (
        result.output
    )
    assert _count(app, Response) == 0
    (kept,) = alerts(app)
    assert kept.id == alert.id and kept.state == "new"
    assert kept.record["texts"][0]["text"] == DISCLOSURE
    assert kept.response_removed_reason == "retention"
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "retention.apply"))
        assert event.detail["alerts_kept"] == [alert.id]


def test_closed_alerts_follow_their_own_retention(make_app, runner):
    app = make_app(HEARD_ALERT_RETENTION_DAYS=100)
    client = app.test_client()
    slug = load_test_survey(app, "withdrawable.yaml")
    receipt, _final = _answer(client, slug, DISCLOSURE)
    _answer(client, slug, OTHER_DISCLOSURE)
    _withdraw(client, receipt)
    first, second = alerts(app)
    with app.app_context():
        # Both closed long ago; only the first one's response is gone. The second is
        # kept while its response is: deleting it would let that response be quoted.
        for alert_id in (first.id, second.id):
            alert = db.session.get(ConcernAlert, alert_id)
            alert.state = "no_further_action"
            alert.closed_at = utcnow() - timedelta(days=101)
        db.session.commit()
    result = app.test_cli_runner().invoke(args=["retention", "apply"])
    assert result.exit_code == 0, result.output
    assert "alerts: deleted 1 closed alerts" in result.output
    assert [a.id for a in alerts(app)] == [second.id]
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "retention.alerts"))
        assert event.detail["alerts"] == [first.id]


def test_an_open_alert_is_never_deleted_by_retention(make_app):
    app = make_app(HEARD_ALERT_RETENTION_DAYS=1)
    client = app.test_client()
    slug = load_test_survey(app, "withdrawable.yaml")
    receipt, _final = _answer(client, slug, DISCLOSURE)
    _withdraw(client, receipt)
    with app.app_context():
        alert = db.session.scalar(select(ConcernAlert))
        alert.created_at = utcnow() - timedelta(days=4000)
        db.session.commit()
    assert app.test_cli_runner().invoke(args=["retention", "apply"]).exit_code == 0
    assert len(alerts(app)) == 1
