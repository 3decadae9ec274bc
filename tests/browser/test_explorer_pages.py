"""The response explorer in a real browser, phone and desktop, with axe on each page:
the list, the list after applying filters with the form (no script needed), the empty
state, and one response's page."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from tests.browser.analyst_helpers import sign_in, with_demo_analyst
from tests.browser.axe_helpers import assert_accessible, small_targets

pytestmark = pytest.mark.browser
EMAIL = "browser-explorer-analyst@example.org"
SLUG = "children-8-11"


@pytest.fixture(scope="module")
def analysed(live_app: Flask) -> Flask:
    return with_demo_analyst(live_app, EMAIL)


def test_explorer_filters_and_one_response(any_page: Any, live_server: str, analysed):
    page = any_page
    sign_in(page, live_server, EMAIL)
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
