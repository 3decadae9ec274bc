"""Redaction of personal details before any excerpt leaves Heard."""

import pytest

from analysis.text import analyse_text
from analysis.text.redact import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ring me on 07700 900123 after 4", "ring me on [phone] after 4"),
        ("my number is +44 7700 900 456", "my number is [phone]"),
        ("landline 0191 496 0000 please", "landline [phone] please"),
        ("email jo.bloggs+heard@example.org.uk", "email [email]"),
        ("we live near NE1 4ST", "we live near [postcode]"),
        ("postcode is sw1a 1aa", "postcode is [postcode]"),
        ("we moved to 12 Acacia Road last year", "we moved to [address] last year"),
        ("flat 3, 27b station street", "[address]"),
        ("her DOB is 04/07/2013", "her DOB is [date]"),
        ("he was born on 3rd May 2011", "he was born on [date]"),
        ("born on 14 February", "[date]"),
    ],
)
def test_each_kind_is_replaced(text, expected):
    assert redact(text) == expected


def test_names_after_cues_and_titles():
    assert redact("My worker Bex is great") == "My worker [name] is great"
    assert redact("Mrs Okafor listened to me") == "Mrs [name] listened to me"
    assert redact("my keyworker is called Tanvir") == "my keyworker is called [name]"
    assert redact("mr khan helped") == "mr [name] helped"


def test_common_given_names_and_surnames():
    assert redact("Sophie Turner was lovely") == "[name] was lovely"
    assert redact("i went to the park with kayla") == "i went to the park with [name]"


def test_words_that_are_also_names_need_a_cue():
    assert redact("Will you call me back?") == "Will you call me back?"
    assert redact("I hope it gets better") == "I hope it gets better"
    assert redact("my mentor Will is kind") == "my mentor [name] is kind"


def test_extra_names_become_places():
    text = "At Oakfield Primary the head was helpful, unlike St Bede's"
    assert (
        redact(text, ["Oakfield Primary", "St Bede's"])
        == "At [place] the head was helpful, unlike [place]"
    )


def test_text_without_details_is_unchanged():
    text = "The meeting was too long and nobody explained anything."
    assert redact(text) == text


def test_analyse_text_returns_redacted_copy():
    result = analyse_text(
        "Jade from Brook Lane School rang me on 07700 900777", extra_names=["Brook Lane School"]
    )
    assert result.redacted == "[name] from [place] rang me on [phone]"
