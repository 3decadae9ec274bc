"""Driving a child's survey to the end, and signing staff in, for the safeguarding tests."""

from __future__ import annotations

import re
import socket

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import ConcernAlert
from feedback.services.people.users import create_user
from tests.feedback.helpers import hidden, post_page, start
from tests.feedback.mfa_helpers import pass_second_factor

PASSWORD = "a-long-test-password-1"
#: disclosures any reasonable concern detector flags (written for these tests)
DISCLOSURE = "my mums boyfriend hurts me when she is at work and i am scared to go home"
SUICIDAL = "sometimes i want to kill myself"
HARMLESS = "The worker listened to me and helped my mum with the forms."


def submit(
    client: FlaskClient,
    slug: str,
    answers: dict[str, object],
    seen: list[str] | None = None,
    limit: int = 30,
) -> str:
    """Walk every screen of survey `slug`, giving `answers` where their fields appear.

    Returns the thank-you page's HTML; each screen's HTML is added to `seen` if given.
    """
    html = start(client, slug)
    for _ in range(limit):
        if seen is not None:
            seen.append(html)
        shown = {k: v for k, v in answers.items() if re.search(rf'name="{k}"', html)}
        action = "submit" if "Check your answers" in html else "next"
        reply = post_page(client, slug, html, shown, action=action)
        if reply.status_code == 303:
            return client.get(reply.headers["Location"]).get_data(as_text=True)
        assert reply.status_code == 200, reply.status_code
        html = reply.get_data(as_text=True)
        assert "There is a problem" not in html, "an answer was refused"
    raise AssertionError("the survey did not end")


def make_user(app: Flask, email: str, role: str) -> None:
    with app.app_context():
        create_user(email, role, PASSWORD)


def login(client: FlaskClient, email: str) -> None:
    page = client.get("/login").get_data(as_text=True)
    reply = client.post(
        "/login",
        data={"csrf_token": hidden(page, "csrf_token"), "email": email, "password": PASSWORD},
    )
    reply = pass_second_factor(client, reply)  # leads must have a second factor
    assert reply.status_code == 302, "sign-in failed"


def lead_client(app: Flask, email: str = "lead@example.org", role: str = "safeguarding"):  # type: ignore[no-untyped-def]
    """A second test client signed in as a safeguarding lead (a separate browser)."""
    make_user(app, email, role)
    client = app.test_client()
    login(client, email)
    return client


def alerts(app: Flask) -> list[ConcernAlert]:
    with app.app_context():
        found = list(db.session.scalars(select(ConcernAlert).order_by(ConcernAlert.id)))
        for alert in found:
            db.session.expunge(alert)
        return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
