"""Sign-in throttling (Flask-Limiter) and staff session time-out."""

from __future__ import annotations

import itsdangerous
from flask import Flask

from tests.feedback.admin_helpers import make_user, sign_in
from tests.feedback.helpers import hidden


def test_the_eleventh_sign_in_attempt_in_a_minute_gets_429(make_app):
    app = make_app(RATELIMIT_ENABLED=True)
    client = app.test_client()
    token = hidden(client.get("/login").get_data(as_text=True), "csrf_token")
    wrong = {"csrf_token": token, "email": "someone@example.org", "password": "not it at all"}
    for attempt in range(10):
        assert client.post("/login", data=wrong).status_code == 200, attempt
    refused = client.post("/login", data=wrong)
    assert refused.status_code == 429
    assert "Too many tries" in refused.get_data(as_text=True)
    # Looking at the page is not throttled; only the attempts are.
    assert client.get("/login").status_code == 200


def test_staff_sessions_expire_after_the_configured_minutes(app: Flask, client, monkeypatch):
    assert app.permanent_session_lifetime.total_seconds() == 30 * 60
    make_user(app, "analyst@example.org", "analyst")
    assert sign_in(client, "analyst@example.org").status_code == 302
    cookie = client.get_cookie("session")
    assert cookie is not None and cookie.expires is not None  # a permanent, timed cookie
    real = itsdangerous.TimestampSigner.get_timestamp
    monkeypatch.setattr(
        itsdangerous.TimestampSigner, "get_timestamp", lambda self: real(self) + 29 * 60
    )
    assert client.get("/staff").status_code == 200  # still inside the half hour...
    monkeypatch.setattr(
        itsdangerous.TimestampSigner, "get_timestamp", lambda self: real(self) + 29 * 60 + 31 * 60
    )
    # ...and each request renews it, but half an hour of silence ends it.
    expired = client.get("/staff")
    assert expired.status_code == 302 and expired.headers["Location"].startswith("/login")
