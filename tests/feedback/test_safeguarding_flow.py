"""From a child's words to a lead's inbox: the full path through the test client."""

from __future__ import annotations

import time
from email import message_from_bytes
from email.message import Message

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import AuditEvent, ConcernAlert, TextAnalysis
from tests.feedback.safeguarding_helpers import (
    DISCLOSURE,
    HARMLESS,
    alerts,
    free_port,
    lead_client,
    submit,
)

SLUG = "children-8-11"


class Inbox:
    """An aiosmtpd handler that keeps every message it is given."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], Message, bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        raw = envelope.content
        self.messages.append((list(envelope.rcpt_tos), message_from_bytes(raw), raw))
        return "250 OK"


@pytest.fixture
def smtp(library_loaded):  # type: ignore[no-untyped-def]
    """A real SMTP server on loopback, and the app pointed at it."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    library_loaded.config.update(
        HEARD_SMTP_HOST="127.0.0.1",
        HEARD_SMTP_PORT=controller.port,
        HEARD_SMTP_STARTTLS=False,
        HEARD_SMTP_FROM="heard@partnership.example",
        HEARD_BASE_URL="https://heard.partnership.example",
    )
    yield inbox
    controller.stop()


def test_disclosure_reaches_lead_by_email_without_the_words(library_loaded, client, smtp):
    app = library_loaded
    lead = lead_client(app)
    thanks = submit(client, SLUG, {"anything_else": DISCLOSURE, "listened": "happy"})

    # The child saw help first.
    assert thanks.index("You can get help now") < thanks.index("Your answers have been sent")
    assert "0800 1111" in thanks and "999" in thanks

    [alert] = alerts(app)
    assert alert.state == "new" and alert.level >= 1 and alert.categories
    assert alert.matches and alert.notified_at is not None

    # The e-mail: to the lead, a sentence and a link, none of the child's words or answers.
    [(rcpts, msg, raw)] = smtp.messages
    assert rcpts == ["lead@example.org"]
    body = msg.get_payload(decode=True).decode()
    assert "a new concern alert needs review" in msg["Subject"].lower()
    assert f"https://heard.partnership.example/safeguarding/alerts/{alert.id}" in body
    text = raw.decode("utf-8", "replace").lower()
    for word in ("boyfriend", "hurts", "scared", "home", "happy", "children-8-11"):
        assert word not in text

    # The lead opens it: the words are there, escaped, and the view is audited.
    page = lead.get(f"/safeguarding/alerts/{alert.id}")
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    html = page.get_data(as_text=True)
    assert DISCLOSURE in html
    with app.app_context():
        actions = [(e.action, e.target_id) for e in db.session.scalars(select(AuditEvent))]
        analysis = db.session.scalar(select(TextAnalysis))
        assert analysis.concern is True
    assert ("alert.notify", str(alert.id)) in actions
    assert ("alert.view", str(alert.id)) in actions


def test_harmless_answer_raises_no_alert_and_thanks_plainly(library_loaded, client):
    thanks = submit(client, SLUG, {"anything_else": HARMLESS})
    assert "You can get help now" not in thanks
    assert "Your answers have been sent" in thanks
    assert alerts(library_loaded) == []
    with library_loaded.app_context():
        assert db.session.scalar(select(TextAnalysis)).concern is False


def test_thanks_page_shows_the_services_own_contact(library_loaded, client):
    library_loaded.config["HEARD_SERVICE_CONTACT"] = "Family Hub duty line 01632 960001"
    thanks = submit(client, SLUG, {"anything_else": DISCLOSURE})
    help_part = thanks[: thanks.index("Your answers have been sent")]
    assert "Family Hub duty line 01632 960001" in help_part


def test_without_smtp_the_notification_goes_to_the_outbox(library_loaded, client, tmp_path):
    lead = lead_client(library_loaded)
    submit(client, SLUG, {"anything_else": DISCLOSURE})
    [alert] = alerts(library_loaded)
    assert alert.notified_at is not None
    [eml] = sorted((tmp_path / "outbox").glob("*.eml"))
    content = eml.read_text()
    assert f"/safeguarding/alerts/{alert.id}" in content and "boyfriend" not in content
    # The lead reads what it means; the folder on the server is for the admin's eyes.
    page = lead.get("/safeguarding/").get_data(as_text=True)
    assert "E-mail is not set up on this server" in page and str(tmp_path / "outbox") not in page


def test_a_failing_mail_server_neither_loses_the_response_nor_shows_an_error(
    library_loaded, client
):
    library_loaded.config.update(HEARD_SMTP_HOST="127.0.0.1", HEARD_SMTP_PORT=free_port())
    lead_client(library_loaded)
    thanks = submit(client, SLUG, {"anything_else": DISCLOSURE})
    assert "You can get help now" in thanks
    [alert] = alerts(library_loaded)
    assert alert.notified_at is None  # left for heard notify-pending


def test_web_submission_notifies_in_the_background(library_loaded, client, tmp_path):
    library_loaded.config["HEARD_NOTIFY_IN_BACKGROUND"] = True
    submit(client, SLUG, {"anything_else": DISCLOSURE})
    deadline = time.monotonic() + 10
    while not list((tmp_path / "outbox").glob("*.eml")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list((tmp_path / "outbox").glob("*.eml"))
    deadline = time.monotonic() + 10
    while alerts(library_loaded)[0].notified_at is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert alerts(library_loaded)[0].notified_at is not None


def test_alerts_are_not_notified_when_the_transaction_rolls_back(library_loaded):
    from feedback.services.safeguarding.notify import PENDING, queue_alerts

    with library_loaded.app_context():
        db.session.scalar(select(ConcernAlert))  # a transaction is open, as in a hook
        queue_alerts(db.session, [999])
        db.session.rollback()
        assert PENDING not in db.session.info
        assert db.session.scalar(select(ConcernAlert)) is None
