"""Finishing a staff sign-in's second step through Heard's real pages, for the tests.

Admins and safeguarding leads must have a second factor (HEARD_MFA_REQUIRED_ROLES). The
helpers that sign staff in call pass_second_factor() after the password: it enrols an
authenticator app on the real setup page (reading the key the page shows, as a person
types it into their phone) or types the app's current code on the second-step page.
MFA stays on in every test; nothing here switches it off.
"""

from __future__ import annotations

import re
import time

import pyotp
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import TotpSecret, User
from feedback.services.people.recovery_codes import replace_codes
from tests.feedback.helpers import hidden

STEP = 30


def enrol_app(client: FlaskClient) -> tuple[str, list[str]]:
    """Set up an authenticator app for the signed-in person; (secret, recovery codes)."""
    page = client.get("/account/security/app")
    assert page.status_code == 200, page.status_code
    html = page.get_data(as_text=True)
    found = re.search(r'id="totp-secret"[^>]*>([A-Z2-7 ]+)<', html)
    assert found, "the setup page shows no key"
    secret = found.group(1).replace(" ", "")  # shown in groups of four, typed without
    done = client.post(
        "/account/security/app",
        data={"csrf_token": hidden(html, "csrf_token"), "code": pyotp.TOTP(secret).now()},
    )
    assert done.status_code == 200, done.get_data(as_text=True)
    codes = re.findall(r"<li><code>([A-Z0-9-]{14})</code></li>", done.get_data(as_text=True))
    return secret, codes


def next_code(app: Flask, user_id: int) -> str:
    """A code the second-step page accepts now: the app's code for the first time step
    not used yet within the window, or (when a test signs one person in more than three
    times in half a minute) a fresh recovery code, as a person would reach for."""
    with app.app_context():
        stored = db.session.scalar(select(TotpSecret).where(TotpSecret.user_id == user_id))
        assert stored is not None, "this person has no authenticator app"
        now = int(time.time() // STEP)
        step = max(now - 1, stored.last_step + 1)
        if step <= now + 1:
            return pyotp.TOTP(stored.secret).at(step * STEP)
        user = db.session.get(User, user_id)
        code = replace_codes(user)[0]
        db.session.commit()
        return code


def pass_second_factor(client: FlaskClient, reply):  # type: ignore[no-untyped-def]
    """After the password: finish the second step if Heard asks for one; the reply to use."""
    if reply.status_code not in (302, 303):
        return reply
    location = reply.headers.get("Location", "")
    if location.startswith("/account/security"):
        enrol_app(client)
        return reply
    if not location.startswith("/login/second-factor"):
        return reply
    with client.session_transaction() as session:
        user_id = int(session["pending_second_factor"]["user"])
    page = client.get("/login/second-factor").get_data(as_text=True)
    return client.post(
        "/login/second-factor",
        data={
            "csrf_token": hidden(page, "csrf_token"),
            "code": next_code(client.application, user_id),
        },
    )
