"""Signing staff in through the real login page, for the admin area's tests."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from feedback.services.people.users import create_user
from tests.feedback.helpers import hidden
from tests.feedback.mfa_helpers import pass_second_factor

PASSWORD = "a long enough passphrase"
ROLES = ("admin", "analyst", "facilitator", "trainer", "safeguarding")


def make_user(app: Flask, email: str, role: str, password: str = PASSWORD) -> int:
    with app.app_context():
        return create_user(email, role, password).id


def sign_in(client: FlaskClient, email: str, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    """Sign in through the real pages, the second step included (tests/feedback/mfa_helpers.py)."""
    page = client.get("/login").get_data(as_text=True)
    reply = client.post(
        "/login",
        data={"csrf_token": hidden(page, "csrf_token"), "email": email, "password": password},
    )
    return pass_second_factor(client, reply)


def sign_in_as(app: Flask, client: FlaskClient, role: str) -> int:
    """Create a user with `role` (e-mail <role>@example.org), sign in, return its id."""
    user_id = make_user(app, f"{role}@example.org", role)
    assert sign_in(client, f"{role}@example.org").status_code == 302
    return user_id


def csrf(client: FlaskClient) -> str:
    """A CSRF token for this client's session (from the staff home or the login page)."""
    page = client.get("/staff")
    if page.status_code != 200:
        page = client.get("/login")
    return hidden(page.get_data(as_text=True), "csrf_token")
