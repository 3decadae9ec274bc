"""Signing staff in for the campaign, course, focus-group and paper-entry tests."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import User
from feedback.services.people.users import create_user
from tests.feedback.helpers import hidden
from tests.feedback.mfa_helpers import pass_second_factor

PASSWORD = "staff-test-password-42"
ROLES = (
    "admin",
    "analyst",
    "facilitator",
    "trainer",
    "safeguarding",
    "moderator",
    "agency_lead",
)
#: The agency whose lead `signed_in(app, "agency_lead")` signs in.
TEST_AGENCY = "Test agency"


def signed_in(app: Flask, role: str, second_factor: bool = True) -> FlaskClient:
    """A fresh test client signed in as a new user with `role` (or anonymous for None).

    second_factor=False stops after the password: an admin or a lead is then signed in
    but has not set up the second factor their role needs."""
    client = app.test_client()
    if role is None:
        return client
    email = f"{role}@example.org"
    with app.app_context():
        if db.session.scalar(select(User).where(User.email == email)) is None:
            agency_id = None
            if role == "agency_lead":
                from feedback.services.assurance.agencies import ensure_agency

                agency_id = ensure_agency(TEST_AGENCY, "health").id
            create_user(email, role, PASSWORD, agency_id)
    page = client.get("/login").get_data(as_text=True)
    reply = client.post(
        "/login",
        data={"csrf_token": hidden(page, "csrf_token"), "email": email, "password": PASSWORD},
    )
    if second_factor:
        reply = pass_second_factor(client, reply)
    assert reply.status_code == 302, "sign-in failed"
    return client


def user_id(app: Flask, role: str) -> int:
    with app.app_context():
        return db.session.scalar(select(User.id).where(User.email == f"{role}@example.org"))


def csrf(client: FlaskClient, path: str) -> str:
    """The CSRF token from the form on `path`."""
    page = client.get(path)
    assert page.status_code == 200, (path, page.status_code)
    return hidden(page.get_data(as_text=True), "csrf_token")


def every_role(app: Flask) -> dict[str | None, FlaskClient]:
    """One signed-in client per role, plus an anonymous one under the key None."""
    clients: dict[str | None, FlaskClient] = {role: signed_in(app, role) for role in ROLES}
    clients[None] = app.test_client()
    return clients


def assert_locked(
    clients: dict[str | None, FlaskClient], path: str, allowed: tuple[str, ...]
) -> None:
    """Anonymous visitors are sent to sign in; roles outside `allowed` get 403; others 200."""
    anonymous = clients[None].get(path)
    assert anonymous.status_code == 302 and "/login" in anonymous.headers["Location"], path
    for role in ROLES:
        status = clients[role].get(path).status_code
        expected = 200 if role in allowed else 403
        assert status == expected, (path, role, status)


def any_csrf(client: FlaskClient) -> str:
    """A valid CSRF token for this client's session (from the first page of it that opens)."""
    # The staff home; before enrolling a needed second factor, the page to enrol on.
    for path in ("/staff", "/account/security", "/login"):
        page = client.get(path)
        if page.status_code == 200:
            break
    return hidden(page.get_data(as_text=True), "csrf_token")


def assert_post_locked(
    clients: dict[str | None, FlaskClient], path: str, allowed: tuple[str, ...]
) -> None:
    """A POST with a valid CSRF token: strangers go to sign in, other roles get 403."""
    anonymous = clients[None].post(path, data={"csrf_token": any_csrf(clients[None])})
    assert anonymous.status_code == 302 and "/login" in anonymous.headers["Location"], path
    for role in ROLES:
        client = clients[role]
        status = client.post(path, data={"csrf_token": any_csrf(client)}).status_code
        if role in allowed:
            assert status not in (302, 403), (path, role, status)
        else:
            assert status == 403, (path, role, status)
