"""Staff sign-in: passwords hashed, login and logout, the role lock."""

from __future__ import annotations

from flask import Flask

from feedback.auth import role_required
from feedback.services.people.users import create_user
from tests.feedback.helpers import hidden
from tests.feedback.mfa_helpers import pass_second_factor

PASSWORD = "correct-horse-battery"


def login(client, email: str, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    page = client.get("/login").get_data(as_text=True)
    reply = client.post(
        "/login",
        data={"csrf_token": hidden(page, "csrf_token"), "email": email, "password": password},
    )
    return pass_second_factor(client, reply)


def _user(app: Flask, email: str, role: str) -> None:
    with app.app_context():
        create_user(email, role, PASSWORD)


def test_login_and_logout(app, client):
    _user(app, "analyst@example.org", "analyst")
    reply = login(client, "Analyst@Example.org")
    assert reply.status_code == 302
    home = client.get("/staff").get_data(as_text=True)
    assert "analyst@example.org" in home
    page = client.get("/staff").get_data(as_text=True)
    out = client.post("/logout", data={"csrf_token": hidden(page, "csrf_token")})
    assert out.status_code == 302
    assert client.get("/staff").status_code == 302  # back to the login page


def test_wrong_password_is_refused_without_saying_which_part(app, client):
    _user(app, "a@example.org", "admin")
    reply = login(client, "a@example.org", "wrong-password-here")
    assert reply.status_code == 200
    assert "Email address or password is not right" in reply.get_data(as_text=True)


def test_login_refuses_offsite_next(app, client):
    # An analyst: no second step in between (test_second_factor.py checks it with one).
    _user(app, "a@example.org", "analyst")
    page = client.get("/login").get_data(as_text=True)
    reply = client.post(
        "/login?next=https://evil.example/",
        data={
            "csrf_token": hidden(page, "csrf_token"),
            "email": "a@example.org",
            "password": PASSWORD,
        },
    )
    assert reply.headers["Location"] == "/staff"


def test_role_required_lock(app, client):
    @app.get("/only-analysts")
    @role_required("analyst")
    def only_analysts():  # type: ignore[no-untyped-def]
        return "secret"

    assert client.get("/only-analysts").status_code == 302  # strangers are sent to sign in
    _user(app, "f@example.org", "facilitator")
    login(client, "f@example.org")
    assert client.get("/only-analysts").status_code == 403
    client.post(
        "/logout",
        data={"csrf_token": hidden(client.get("/staff").get_data(as_text=True), "csrf_token")},
    )
    _user(app, "an@example.org", "analyst")
    login(client, "an@example.org")
    assert client.get("/only-analysts").get_data(as_text=True) == "secret"


def test_session_cookie_flags(app, client):
    _user(app, "a@example.org", "admin")
    reply = login(client, "a@example.org")
    cookie = reply.headers.get("Set-Cookie", "")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
