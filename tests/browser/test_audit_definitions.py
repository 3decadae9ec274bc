"""Uploading an audit definition in a real browser, with axe-core on each page (issue 16):
a malformed file's problems, then a sound file saved and offered for a new round."""

from __future__ import annotations

from typing import Any

import pyotp
import pytest
from flask import Flask

from tests.browser.axe_helpers import assert_accessible
from tests.browser.test_audits import LAPTOP
from tests.feedback.staff_helpers import PASSWORD
from tests.feedback.test_assurance_definitions import BAD, GOOD

pytestmark = pytest.mark.browser


def _click(page: Any, role: str, name: str) -> None:
    with page.expect_navigation():
        page.locator("main").get_by_role(role, name=name, exact=True).first.click()


def _sign_in_admin(page: Any, base: str, email: str) -> None:
    """Sign in a new admin, who sets up an authenticator app first (admins must)."""
    page.goto(f"{base}/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert page.url.endswith("/account/security"), page.url
    _click(page, "link", "Set up an authenticator app")
    page.fill("#code", pyotp.TOTP(page.inner_text("#totp-secret").replace(" ", "")).now())
    _click(page, "button", "Set up the app")
    _click(page, "link", "I have kept them: continue")
    assert page.url.endswith("/staff"), page.url


def test_an_admin_uploads_an_audit_definition(browser: Any, live_server: str, live_app: Flask):
    from feedback.services.people.users import create_user

    with live_app.app_context():
        create_user("definitions-admin@example.org", "admin", PASSWORD)
    context = browser.new_context(viewport=LAPTOP)
    try:
        page = context.new_page()
        _sign_in_admin(page, live_server, "definitions-admin@example.org")
        page.goto(f"{live_server}/assurance/")
        with page.expect_navigation():
            page.get_by_role("link", name="Audit definitions").click()
        assert_accessible(page, "the audit definitions page")
        for name, text in (("broken.yaml", BAD), ("yj.yaml", GOOD)):
            page.set_input_files(
                "#definition",
                files=[{"name": name, "mimeType": "application/yaml", "buffer": text.encode()}],
            )
            with page.expect_navigation():
                page.locator("main").get_by_role("button", name="Check and upload").click()
            if name == "broken.yaml":
                assert_accessible(page, "an upload's problems")
                assert page.locator("ul.problems li").count() >= 3
                assert "Nothing was saved" in page.inner_text("main")
        assert_accessible(page, "a saved upload")
        assert "Saved youth-justice-s11 as version 1" in page.inner_text("main")
        page.goto(f"{live_server}/assurance/rounds/new")
        assert "(uploaded: youth-justice-s11)" in page.inner_text("#definition")
    finally:
        context.close()
