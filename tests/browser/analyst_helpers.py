"""What the analyst pages' browser tests share: demo answers and an analyst on the live
app, and signing that analyst in."""

from __future__ import annotations

from typing import Any

from flask import Flask
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import CourseRun, User
from tests.feedback.staff_helpers import PASSWORD


def with_demo_analyst(live_app: Flask, email: str) -> Flask:
    """The live app with a few demo answers per survey and an analyst signed up as `email`."""
    from feedback.services.people.users import create_user

    with live_app.app_context():
        if db.session.scalar(select(CourseRun.id)) is None:
            result = live_app.test_cli_runner().invoke(args=["demo", "--responses", "3"])
            assert result.exit_code == 0, result.output
        if db.session.scalar(select(User.id).where(User.email == email)) is None:
            create_user(email, "analyst", PASSWORD)
    return live_app


def sign_in(page: Any, base: str, email: str) -> None:
    page.goto(f"{base}/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")
