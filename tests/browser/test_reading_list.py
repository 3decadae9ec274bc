"""A lead clears the reading list in a real browser, with axe-core on every screen.

Home (the unread and overdue counts), the list, an alert raised on one text (the form
opened, then the list again), one text read with no concern, then "Mark these N as read"
page after page until nothing is waiting; and the list on a phone, with 44 px targets.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import ConcernAlert, CourseRun, User
from tests.browser.axe_helpers import assert_accessible, small_targets
from tests.browser.second_factor import pass_second_factor
from tests.feedback.staff_helpers import PASSWORD

pytestmark = pytest.mark.browser
LEAD = "browser-reader@example.org"


@pytest.fixture(scope="module")
def demo(live_app: Flask) -> Flask:
    """The live app with demo answers (children's texts to read) and a lead's account."""
    from feedback.services.people.users import create_user

    with live_app.app_context():
        if db.session.scalar(select(CourseRun.id)) is None:
            result = live_app.test_cli_runner().invoke(args=["demo", "--responses", "3"])
            assert result.exit_code == 0, result.output
        if db.session.scalar(select(User.id).where(User.email == LEAD)) is None:
            create_user(LEAD, "safeguarding", PASSWORD)
    return live_app


def _status(app: Flask) -> dict[str, Any]:
    result = app.test_cli_runner().invoke(args=["reading", "status", "--format", "json"])
    return json.loads(result.output)


def _sign_in(page: Any, base: str, app: Flask) -> None:
    page.goto(f"{base}/login")
    page.fill("#email", LEAD)
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    pass_second_factor(page, app, LEAD)
    assert page.url.endswith("/staff"), page.url
    assert_accessible(page, "the lead's home")


def _click(page: Any, locator: Any, where: str) -> None:
    with page.expect_navigation():
        locator.click()
    assert_accessible(page, where)


def test_a_lead_clears_the_reading_list(page: Any, live_server: str, demo: Flask):
    waiting = _status(demo)["unread"]
    assert waiting > 0, "the demo leaves children's texts to read"
    _sign_in(page, live_server, demo)
    assert f"{waiting} texts unread" in page.inner_text("main")
    _click(page, page.get_by_role("link", name="Open the reading list"), "the reading list")

    # Raise an alert on the first text: open the form, choose a category, say why.
    first = page.locator("article.reading-item").first
    first.locator("summary").click()
    assert_accessible(page, "the reading list with an alert form open")
    first.locator(".choice label", has_text="Neglect").click()
    first.locator("textarea").fill("Says there is no food at home; asking the school.")
    alerts_before = _alerts(demo)
    _click(page, first.get_by_role("button", name="Raise the alert"), "the list after an alert")
    assert "raised: it is in review" in page.inner_text("main")
    assert _alerts(demo) == alerts_before + 1

    # Read one text with no concern.
    item = page.locator("article.reading-item").first
    _click(page, item.get_by_role("button", name="Read — no concern"), "the list after one read")
    assert "Marked 1 text as read." in page.inner_text("main")

    # Then the rest, a page at a time, marking only what is on screen.
    for _ in range(20):
        bulk = page.get_by_role("button", name=re.compile(r"^Mark (these|this) \d+ as read$"))
        if bulk.count() == 0:
            break
        shown = page.locator("article.reading-item").count()
        assert bulk.inner_text() in (f"Mark these {shown} as read", f"Mark this {shown} as read")
        _click(page, bulk, "the list after marking a page read")
    assert "Every text has been read. Nothing is waiting." in page.inner_text("main")
    assert _status(demo) == {"unread": 0, "overdue": 0, "oldest_hours": None}
    _click(page, page.get_by_role("link", name="Home"), "the lead's home, all read")
    assert "0 texts unread" in page.inner_text("main")


def _alerts(app: Flask) -> int:
    with app.app_context():
        return len(db.session.scalars(select(ConcernAlert.id)).all())


def test_the_reading_list_on_a_phone(phone_page: Any, live_server: str, demo: Flask):
    from tests.feedback.reading_helpers import store_text

    store_text(demo, "the bus to the club was late again", hours_ago=100)
    _sign_in(phone_page, live_server, demo)
    _click(phone_page, phone_page.get_by_role("link", name="Open the reading list"), "the list")
    assert small_targets(phone_page) == []
    phone_page.locator("article.reading-item summary").first.click()
    assert_accessible(phone_page, "an alert form on a phone")
    assert small_targets(phone_page) == []
    assert _page_width(phone_page) <= 360
    # The alerts page, whose table (with a lead's e-mail) scrolls in its own box.
    _click(phone_page, phone_page.get_by_role("link", name="Safeguarding alerts").first, "alerts")
    assert _page_width(phone_page) <= 360


def _page_width(page: Any) -> int:
    """How wide the page lays out: wider than the phone means it zooms out, text and all."""
    return page.evaluate("document.documentElement.scrollWidth")
