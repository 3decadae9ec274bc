"""Respondent pages say each thing once: the consent, and the help lines after a worry;
help-line numbers ring on a phone and keep their digit order in right-to-left pages."""

from __future__ import annotations

import re

from tests.feedback.helpers import start
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
