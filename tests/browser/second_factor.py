"""Getting an admin or a lead past the second factor in a real browser, as they would."""

from __future__ import annotations

from typing import Any

import pyotp
from flask import Flask
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import User
from tests.browser.axe_helpers import assert_accessible
from tests.feedback.mfa_helpers import next_code


def _click(page: Any, role: str, name: str, where: str) -> None:
    with page.expect_navigation():
        page.locator("main").get_by_role(role, name=name, exact=True).first.click()
    assert_accessible(page, where)


def pass_second_factor(page: Any, app: Flask, email: str) -> None:
    """After the password: enrol an authenticator app (first time) or type its code."""
    if page.url.endswith("/account/security"):  # admins and leads: a second factor first
        assert_accessible(page, "the second-factor page before enrolling")
        _click(page, "link", "Set up an authenticator app", "setting up an authenticator app")
        page.fill("#code", pyotp.TOTP(page.inner_text("#totp-secret").replace(" ", "")).now())
        _click(page, "button", "Set up the app", "the recovery codes")
        _click(page, "link", "I have kept them: continue", "after enrolling")
    elif page.url.endswith("/login/second-factor"):
        assert_accessible(page, "the second step of signing in")
        with app.app_context():
            user_id = db.session.scalar(select(User.id).where(User.email == email))
        page.fill("#code", next_code(app, user_id))
        with page.expect_navigation():
            page.click("main form button[type=submit]")
