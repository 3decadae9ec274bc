"""The Babel extractor finds every string a respondent reads in a survey file."""

from __future__ import annotations

import io
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from babel.messages.extract import extract

from forms.babel_extract import extract_survey
from forms.loader import DefinitionError, library_paths, load_definition
from forms.schema import Definition

SURVEY = b"""\
slug: lunch-club
title: Lunch club
audience: child
age_band: "8-11"
description: Tell us about lunch club.
consent: |
  You can stop at any time.
pages:
  - title: Food
    questions:
      - id: tasty
        type: smiley3
        text: Was the food tasty?
        hint: Think about this week.
        prefer_not_to_say: true
      - id: favourite
        type: single
        text: What was your favourite?
        choices:
          - Pasta bake
          - {value: soup, label: Tomato soup}
      - id: rating
        type: scale0_10
        text: Score the club out of ten.
outcomes:
  - id: liked_food
    statement: Children who liked the food
    question: tasty
    positive: [happy]
"""


def run(data: bytes) -> list[tuple[int, str | None, str, list[str]]]:
    return list(extract_survey(io.BytesIO(data), ["_"], [], {}))


def test_extractor_yields_every_kind_of_survey_string() -> None:
    messages = [message for _, _, message, _ in run(SURVEY)]
    for expected in [
        "Lunch club",
        "Tell us about lunch club.",
        "You can stop at any time.",  # stripped like the loader strips it
        "Food",
        "Was the food tasty?",
        "Think about this week.",
        "Sad",
        "Happy",
        "Prefer not to say",
        "Pasta bake",
        "Tomato soup",
        "Score the club out of ten.",
        "Children who liked the food",
    ]:
        assert expected in messages, expected
    assert "7" not in messages  # scale numbers need no translation
    assert "lunch-club" not in messages and "soup" not in messages  # ids and values stay


def test_extractor_gives_lines_and_a_comment_for_translators() -> None:
    found = {message: (line, func, notes) for line, func, message, notes in run(SURVEY)}
    assert found["Lunch club"] == (2, None, ["lunch-club (child, 8-11): title"])
    line, _, notes = found["Tomato soup"]
    assert line == 21
    assert notes == ["lunch-club (child, 8-11): pages[0].questions[1].choices[1].label"]


def test_babel_runs_the_extractor_by_its_dotted_name() -> None:
    results = list(extract("forms.babel_extract:extract_survey", io.BytesIO(SURVEY)))
    assert (2, "Lunch club", ["lunch-club (child, 8-11): title"], None) in results


def test_extractor_is_registered_as_a_babel_plugin() -> None:
    plugins = {ep.name: ep.value for ep in entry_points(group="babel.extractors")}
    assert plugins.get("heard_survey") == "forms.babel_extract:extract_survey"


def test_broken_yaml_is_reported_not_skipped() -> None:
    with pytest.raises(DefinitionError, match="YAML syntax error"):
        run(b"title: [never closed\n")


def _strings_shown(definition: Definition) -> set[str]:
    """Every string the app will ask to translate for this definition."""
    shown = {definition.title, definition.consent} | {o.statement for o in definition.outcomes}
    shown |= {definition.description} if definition.description else set()
    shown |= {page.title for page in definition.pages if page.title}
    for question in definition.questions():
        shown |= {question.text} | ({question.hint} if question.hint else set())
        shown |= {c.label for c in question.all_choices() if not c.label.isdigit()}
    return shown


@pytest.mark.parametrize("path", library_paths(), ids=lambda p: p.name)
def test_extracted_messages_match_the_loaded_survey(path: Path) -> None:
    extracted = {message for _, _, message, _ in run(path.read_bytes())}
    assert extracted == _strings_shown(load_definition(path))
