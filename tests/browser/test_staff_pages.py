"""Staff pages in a real browser (issue 15): the menu fits one line on a laptop, an action
answers with a banner that takes the focus, errors follow the GOV.UK pattern; axe on each."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.axe_helpers import assert_accessible
from tests.browser.test_staff_journeys import _sign_in, staffed  # noqa: F401 (a fixture)
from tests.feedback.staff_helpers import ROLES

# `staffed` (imported): the live app with demo data and one account per role.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("staffed")]
LAPTOP = {"width": 1280, "height": 800}


def _on_one_line(page: Any) -> bool:
    """Whether every entry of the staff menu shares one line: some height crosses them all."""
    boxes = page.eval_on_selector_all(
        ".staff-nav > a, .staff-nav > details, .staff-nav > form",
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom]; })",
    )
    return max(top for top, _ in boxes) < min(bottom for _, bottom in boxes)


@pytest.fixture
def any_page(request: pytest.FixtureRequest) -> Any:
    return request.getfixturevalue("phone_page" if request.param == "phone" else "page")


@pytest.mark.parametrize("role", ROLES)
def test_the_menu_fits_one_line_on_a_laptop(page: Any, live_server: str, role):
    page.set_viewport_size(LAPTOP)
    _sign_in(page, live_server, role)
    assert _on_one_line(page)
    header = page.eval_on_selector(".top", "e => e.getBoundingClientRect().height")
    assert header < 80, header  # the brand and the menu side by side, not stacked


def test_an_admin_opens_a_menu_group_and_follows_a_link(page: Any, live_server: str):
    page.set_viewport_size(LAPTOP)
    _sign_in(page, live_server, "admin")
    group = page.locator(".staff-nav details.nav-group", has_text="Administration")
    group.locator("summary").focus()
    page.keyboard.press("Enter")  # a disclosure: the keyboard opens it as a click does
    assert group.get_attribute("open") is not None
    assert_accessible(page, "the admin's home with a menu group open")
    with page.expect_navigation():
        group.get_by_role("link", name="Audit log").click()
    assert page.url.endswith("/admin/audit")
    assert "browser-admin@example.org signed in" in page.inner_text("main table")
    assert_accessible(page, "the audit log in words")


def test_an_invitation_without_a_role_shows_the_error_summary_first(page: Any, live_server: str):
    _sign_in(page, live_server, "admin")
    page.goto(f"{live_server}/admin/users")
    page.fill("#email", "someone.new@example.org")
    with page.expect_navigation():
        page.get_by_role("button", name="Create invitation").click()
    focused = page.evaluate("document.activeElement.className")
    assert focused == "error-summary"  # heard.js moves the focus to it
    page.locator(".error-summary a").first.click()
    page.wait_for_url("**#invite-role-0")
    assert_accessible(page, "the invitation form with an error")


@pytest.mark.parametrize("any_page", ["phone", "desktop"], indirect=True)
def test_an_alert_action_answers_with_a_focused_banner(any_page: Any, live_server: str):
    page = any_page
    _sign_in(page, live_server, "safeguarding")
    page.goto(f"{live_server}/safeguarding/")
    with page.expect_navigation():
        page.locator("main table a").first.click()
    page.fill("#note_text", "Spoke to the school's designated lead.")
    with page.expect_navigation():
        page.get_by_role("button", name="Add note").click()
    banner = page.locator("[data-notification-banner]")
    assert "Note added." in banner.inner_text()
    assert page.evaluate("document.activeElement.hasAttribute('data-notification-banner')")
    box = banner.bounding_box()
    assert box is not None and box["y"] < page.viewport_size["height"]  # in view
    assert_accessible(page, "an alert after adding a note")


def test_the_settings_page_is_accessible(page: Any, live_server: str):
    _sign_in(page, live_server, "admin")
    page.goto(f"{live_server}/admin/settings")
    assert "How e-mail is sent" in page.inner_text("main")
    assert_accessible(page, "the settings page")


def test_a_paper_entry_is_corrected_from_the_batch_list(page: Any, live_server: str):
    _sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server}/facilitate/paper/parents-carers")
    with page.expect_navigation():
        page.get_by_role("button", name="Save and start the next one").click()
    assert page.locator("#batch + p + .table-scroll tbody tr").count() >= 1
    assert_accessible(page, "paper entry with the batch's entries")
    with page.expect_navigation():
        page.locator("#batch ~ .table-scroll").get_by_role("link", name="Correct").last.click()
    assert "You are correcting entry" in page.inner_text("main")
    assert_accessible(page, "paper entry correcting an entry")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the correction").click()
    assert "was corrected" in page.inner_text("[data-notification-banner]")


@pytest.mark.parametrize("any_page", ["phone", "desktop"], indirect=True)
def test_a_focus_group_draft_is_saved_and_opened_again(any_page: Any, live_server: str):
    page = any_page
    _sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server}/facilitate/sessions/new")
    assert_accessible(page, "the focus-group form in sections")
    page.fill("#prompt_listened", "Most felt listened to by their youth worker.")
    with page.expect_navigation():
        page.get_by_role("button", name="Save and continue later").first.click()
    assert "Draft saved." in page.inner_text("[data-notification-banner]")
    assert_accessible(page, "the focus-group list with a draft")
    with page.expect_navigation():
        page.get_by_role("link", name="Carry on with it").click()
    assert page.input_value("#prompt_listened") == "Most felt listened to by their youth worker."
    with page.expect_navigation():
        page.get_by_role("button", name="Delete the draft and start again").click()
    assert page.input_value("#prompt_listened") == ""
