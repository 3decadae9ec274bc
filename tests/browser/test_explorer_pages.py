"""The response explorer in a real browser, phone and desktop, with axe on each page:
the list, the list after applying filters with the form (no script needed), the empty
state, and one response's page."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import CourseRun, User
from tests.browser.axe_helpers import assert_accessible, small_targets
from tests.feedback.staff_helpers import PASSWORD

pytestmark = pytest.mark.browser
EMAIL = "browser-explorer-analyst@example.org"
SLUG = "children-8-11"


@pytest.fixture(scope="module")
def analysed(live_app: Flask) -> Flask:
    """The live app with demo answers and an analyst."""
    from feedback.services.people.users import create_user

    with live_app.app_context():
        if db.session.scalar(select(CourseRun.id)) is None:
            result = live_app.test_cli_runner().invoke(args=["demo", "--responses", "3"])
            assert result.exit_code == 0, result.output
        if db.session.scalar(select(User.id).where(User.email == EMAIL)) is None:
            create_user(EMAIL, "analyst", PASSWORD)
    return live_app


@pytest.fixture(params=["phone", "desktop"])
def any_page(request: pytest.FixtureRequest) -> Any:
    return request.getfixturevalue("phone_page" if request.param == "phone" else "page")


def _sign_in(page: Any, base: str) -> None:
    page.goto(f"{base}/login")
    page.fill("#email", EMAIL)
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")


def test_explorer_filters_and_one_response(any_page: Any, live_server: str, analysed):
    page = any_page
    _sign_in(page, live_server)
    page.goto(f"{live_server}/analyse/surveys/{SLUG}")
    with page.expect_navigation():
        page.get_by_role("link", name="Explore the responses").click()
    assert page.locator("h1").inner_text().endswith("Responses")
    assert page.locator(".result").count() > 0
    assert_accessible(page, "the response explorer")
    assert small_targets(page) == []

    # Filter with the form: online answers only.
    page.select_option("#mode", "online")
    with page.expect_navigation():
        page.get_by_role("button", name="Apply filters").click()
    assert "mode=online" in page.url
    assert page.locator(".chosen-tag").count() == 1
    assert_accessible(page, "the explorer with a filter")

    # One response, then back to the same filtered list.
    with page.expect_navigation():
        page.locator(".result h3 a").first.click()
    assert "Response" in page.locator("h1").inner_text()
    assert page.locator(".answers .answer-row").count() > 0
    assert_accessible(page, "one response")
    with page.expect_navigation():
        page.get_by_role("link", name="Back to the responses").click()
    assert "mode=online" in page.url

    # A search nothing matches: the empty state says what to do.
    page.fill("#q", "zzzz-no-such-words")
    with page.expect_navigation():
        page.get_by_role("button", name="Apply filters").click()
    assert page.locator(".empty-state").is_visible()
    assert_accessible(page, "the explorer with nothing found")
