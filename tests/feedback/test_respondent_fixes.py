"""Respondent pages say each thing once: the consent, and the help lines after a worry;
help-line numbers ring on a phone and keep their digit order in right-to-left pages."""

from __future__ import annotations

import re

from tests.feedback.helpers import post_page, start
from tests.feedback.safeguarding_helpers import DISCLOSURE, HARMLESS, submit

SLUG = "children-8-11"


def test_consent_is_said_once_in_the_surveys_own_words(library_loaded, client):
    html = client.get(f"/s/{SLUG}").get_data(as_text=True)
    consent = re.search(r'<div class="consent".*?</div>', html, re.S).group(0)
    assert "Answering is up to you." in consent
    # The near-identical general list is for surveys without consent words of their own.
    assert "<ul>" not in consent and "You do not have to answer." not in consent


def _tel_links(html: str) -> list[str]:
    return re.findall(r'<a href="tel:([0-9+]+)" dir="ltr" class="tel">([^<]+)</a>', html)


def test_after_a_worry_the_help_lines_are_listed_once_as_phone_links(library_loaded, client):
    thanks = submit(client, SLUG, {"anything_else": DISCLOSURE, "listened": "happy"})
    assert thanks.count("Childline") == 1 and thanks.count("NSPCC") == 1
    assert "If you need to talk to someone" not in thanks
    assert set(_tel_links(thanks)) == {("999", "999"), ("08001111", "0800 1111"),
                                       ("08088005000", "0808 800 5000")}  # fmt: skip
    # Help still comes first.
    assert thanks.index("You can get help now") < thanks.index("Your answers have been sent")


def test_without_a_worry_the_help_lines_are_phone_links_too(library_loaded, client):
    thanks = submit(client, SLUG, {"anything_else": HARMLESS, "listened": "happy"})
    assert "If you need to talk to someone" in thanks and thanks.count("Childline") == 1
    assert ("08001111", "0800 1111") in _tel_links(thanks)


def test_numbers_stay_left_to_right_in_urdu(library_loaded, client):
    client.get(f"/s/{SLUG}?lang=ur")
    start(client, SLUG)
    thanks = submit(client, SLUG, {"anything_else": HARMLESS, "listened": "happy"})
    assert 'dir="rtl"' in thanks
    # dir="ltr" on the link isolates it: "0800 1111", never "1111 0800".
    assert ("08001111", "0800 1111") in _tel_links(thanks)


SKIP_NOTE = "You can skip any question on this page."


def test_a_screen_of_optional_questions_says_once_that_any_can_be_skipped(library_loaded, client):
    page = start(client, SLUG)  # five smiley questions, none needed
    assert page.count(SKIP_NOTE) == 1 and "(optional)" not in page
    assert page.index(SKIP_NOTE) < page.index('class="question')
    # Said again after a failed POST (drawn afresh, not from the cache of fresh screens).
    again = post_page(client, SLUG, page, {"listened": "not-a-choice"}).get_data(as_text=True)
    assert "There is a problem" in again
    assert again.count(SKIP_NOTE) == 1 and "(optional)" not in again


def test_optional_is_marked_per_question_beside_needed_ones(library_loaded, client):
    page = start(client, "training-pre")  # the pairing code is needed, the agency is not
    assert page.count("(optional)") == 1 and SKIP_NOTE not in page


def test_a_screen_of_one_optional_question_keeps_its_own_mark(library_loaded, client):
    page = start(client, "children-5-7")  # one question a screen
    assert page.count("(optional)") == 1 and SKIP_NOTE not in page


def test_the_skip_note_is_in_the_respondents_language(library_loaded, client):
    client.get(f"/s/{SLUG}?lang=ur")
    page = start(client, SLUG)
    assert "آپ اس صفحے کا کوئی بھی سوال چھوڑ سکتے ہیں" in page and SKIP_NOTE not in page


def test_the_error_page_help_line_is_a_phone_link_kept_left_to_right(library_loaded, client):
    client.get(f"/s/{SLUG}?lang=ur")
    page = client.get("/s/no-such-survey")
    html = page.get_data(as_text=True)
    assert page.status_code == 404 and 'dir="rtl"' in html
    assert ("08001111", "0800 1111") in _tel_links(html)


def test_the_bare_error_page_links_the_help_line_too(app):
    from feedback.errors import _bare_page

    with app.test_request_context("/"):
        html = _bare_page("Sorry", "Something went wrong <b>here</b>")
    assert ("08001111", "0800 1111") in _tel_links(html)
    assert "&lt;b&gt;here&lt;/b&gt;" in html and "\x00" not in html
