"""The respondent fixes of issue 15 in Chromium with axe: a screen of optional questions
says once that any can be skipped, and help-line numbers stay left-to-right (and ring)
inside Urdu pages: the thank-you page after a worry and the error page."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.axe_helpers import assert_accessible, small_targets
from tests.browser.survey_walk import start, walk
from tests.feedback.safeguarding_helpers import DISCLOSURE

pytestmark = pytest.mark.browser

SLUG = "children-8-11"

#: The x of the first and the last digit group of each help-line link, as drawn.
DIGIT_ORDER = """links => links.map(link => {
  const text = link.firstChild, words = text.data.split(' ');
  if (words.length < 2) return null;
  const box = (start, end) => {
    const range = document.createRange();
    range.setStart(text, start); range.setEnd(text, end);
    return range.getBoundingClientRect().x;
  };
  const last = text.data.lastIndexOf(words[words.length - 1]);
  return [text.data, box(0, words[0].length), box(last, text.data.length)];
}).filter(Boolean)"""


def _numbers_read_left_to_right(page: Any) -> list[str]:
    links = page.eval_on_selector_all("a.tel", DIGIT_ORDER)
    assert links, "no help-line number with more than one group of digits"
    for number, first, last in links:
        assert first < last, f"{number} is drawn backwards: {first} >= {last}"
    return [number for number, _, _ in links]


def test_a_screen_of_optional_questions_says_so_once(phone_page: Any, live_server: str):
    start(phone_page, live_server, SLUG)
    phone_page.wait_for_selector("[data-question]")
    main = phone_page.inner_text("main")
    assert main.count("You can skip any question on this page.") == 1
    assert "(optional)" not in main
    assert_accessible(phone_page, "a screen of optional questions")


def test_help_lines_after_a_worry_stay_left_to_right_in_urdu(phone_page: Any, live_server: str):
    phone_page.goto(f"{live_server}/s/{SLUG}?lang=ur")
    with phone_page.expect_navigation():
        phone_page.click("button[name=action][value=start]")
    walk(phone_page, {"anything_else": DISCLOSURE})
    assert phone_page.locator("html").get_attribute("dir") == "rtl"
    numbers = _numbers_read_left_to_right(phone_page)
    assert sorted(numbers) == ["0800 1111", "0808 800 5000"]  # each once, 999 is one group
    hrefs = phone_page.eval_on_selector_all("a.tel", "links => links.map(a => a.href)")
    assert sorted(hrefs) == ["tel:08001111", "tel:08088005000", "tel:999"]
    assert_accessible(phone_page, "the Urdu help-first thank-you page")
    assert small_targets(phone_page) == []


def test_the_error_page_help_line_stays_left_to_right_in_urdu(phone_page: Any, live_server: str):
    phone_page.goto(f"{live_server}/s/{SLUG}?lang=ur")
    assert phone_page.goto(f"{live_server}/s/no-such-survey").status == 404
    assert phone_page.locator("html").get_attribute("dir") == "rtl"
    assert _numbers_read_left_to_right(phone_page) == ["0800 1111"]
    assert_accessible(phone_page, "the Urdu 404 page")
