"""An analyst's new pages in a real browser, phone and desktop, with axe on each state:
"what changed" on /analyse, the report page (whose buttons follow the period chosen now,
and which says a PDF is printing), the Board report's summary, and the story form."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from feedback.services.outcomes.periods import default_period
from tests.browser.analyst_helpers import sign_in, with_demo_analyst
from tests.browser.axe_helpers import assert_accessible

pytestmark = pytest.mark.browser
EMAIL = "browser-report-analyst@example.org"


@pytest.fixture(scope="module")
def analysed(live_app: Flask) -> Flask:
    return with_demo_analyst(live_app, EMAIL)


def test_analyst_sees_what_changed(any_page: Any, live_server: str, analysed):
    page = any_page
    sign_in(page, live_server, EMAIL)
    page.goto(f"{live_server}/analyse/")
    heading = page.locator("#changes-heading")
    assert heading.inner_text() == f"What changed in {default_period().label}"
    assert page.locator(".change-card").count() >= 4
    assert_accessible(page, "what changed")
    page.select_option("#period", index=3)
    chosen = page.locator("#period").input_value()
    with page.expect_navigation():
        page.get_by_role("button", name="Show changes").click()
    assert page.locator("#changes-heading").inner_text() == f"What changed in {chosen}"
    assert_accessible(page, "what changed, another period")


def test_report_page_downloads_follow_the_period_and_say_a_pdf_is_printing(
    any_page: Any, live_server: str, analysed
):
    from feedback.services.outcomes.report_cache import drop_report_cache

    # Print afresh: the live app is shared, and the other device's run kept this PDF.
    with analysed.app_context():
        drop_report_cache(commit=True)
    page = any_page
    sign_in(page, live_server, EMAIL)
    page.goto(f"{live_server}/analyse/report")
    assert_accessible(page, "the report page")
    # Choose another period and download at once, without pressing anything else.
    page.select_option("#period", index=2)
    chosen = page.locator("#period").input_value()
    with page.expect_download() as html:
        page.get_by_role("button", name="Download HTML").click()
    assert html.value.suggested_filename == f"heard-board-report_{chosen}.html"
    with page.expect_download(timeout=120_000) as pdf:
        page.get_by_role("button", name="Download PDF").click()
        status = page.locator("#pdf-status")
        assert f"Printing the PDF for {chosen}" in status.inner_text()
        assert_accessible(page, "the report page while a PDF prints")
    assert pdf.value.suggested_filename == f"heard-board-report_{chosen}.pdf"
    page.wait_for_function("document.getElementById('pdf-status').textContent.includes('ready')")
    assert_accessible(page, "the report page with the PDF ready")
    # The second download of the same report comes from the cache.
    with page.expect_response(lambda r: "format=pdf" in r.url) as again:
        with page.expect_download():
            page.get_by_role("button", name="Download PDF").click()
    assert again.value.headers["x-heard-cache"] == "hit"


def test_board_report_opens_with_its_summary(any_page: Any, live_server: str, analysed):
    page = any_page
    sign_in(page, live_server, EMAIL)
    page.goto(f"{live_server}/analyse/report/view?period={default_period().label}")
    first = page.locator("main > section").first
    assert first.get_attribute("id") == "summary"
    assert "Most mentioned themes" in first.inner_text()
    assert_accessible(page, "the Board report's summary")


def test_analyst_writes_the_story(any_page: Any, live_server: str, analysed):
    page = any_page
    sign_in(page, live_server, EMAIL)
    page.goto(f"{live_server}/analyse/report")
    with page.expect_navigation():
        page.get_by_role("button", name="Write the story for this period").click()
    assert_accessible(page, "the story form")
    page.fill("#report-working", "x" * 4001)
    with page.expect_navigation():
        page.get_by_role("button", name="Save the story").click()
    assert page.locator(".error-summary").is_visible()
    assert_accessible(page, "the story form with an error")
    page.fill("#report-working", "Families say workers now call back within a day.")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the story").click()
    # A banner says what happened (the phone run saved it; the desktop run finds it saved).
    banner = page.locator("main .notification-banner").inner_text()
    assert "Saved: 1 heading changed" in banner or "Nothing had changed" in banner
    assert_accessible(page, "the report page after saving the story")
