"""A valid base survey and small helpers for the definition-error tests."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from forms.loader import (
    DefinitionError,
    load_text,
)

BASE: dict[str, Any] = {
    "slug": "test-survey",
    "title": "How was the after-school club?",
    "audience": "child",
    "age_band": "8-11",
    "consent": "You can stop whenever you like.",
    "pages": [
        {
            "title": "The club",
            "questions": [
                {"id": "enjoyed", "type": "smiley5", "text": "How did you feel at the club?"},
                {"id": "went_on_trip", "type": "yes_no", "text": "Did you go on the trip?"},
                {
                    "id": "activities",
                    "type": "multi",
                    "text": "What did you do?",
                    "choices": ["Football", "Painting", "Cooking"],
                },
            ],
        },
        {
            "title": "The trip",
            "questions": [
                {
                    "id": "trip_fun",
                    "type": "smiley3",
                    "text": "Was the trip fun?",
                    "show_if": {"question": "went_on_trip", "equals": "yes"},
                },
                {"id": "comments", "type": "textarea", "text": "Anything else?"},
            ],
        },
    ],
    "outcomes": [
        {
            "id": "enjoyed_club",
            "statement": "Children who enjoyed the club",
            "question": "enjoyed",
            "positive": ["happy", "very_happy"],
        }
    ],
}


def survey(**changes: Any) -> dict[str, Any]:
    """A copy of the valid BASE survey with top-level keys replaced (None removes)."""
    data = copy.deepcopy(BASE)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def question(page: int, n: int, data: dict[str, Any]) -> dict[str, Any]:
    return data["pages"][page]["questions"][n]


def problems(data: dict[str, Any] | str) -> list[str]:
    """The messages for *data*, loaded as YAML text from a file called bad.yaml."""
    text = data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False)
    with pytest.raises(DefinitionError) as caught:
        load_text(text, "bad.yaml")
    assert str(caught.value) == "\n".join(caught.value.problems)
    return caught.value.problems


def only(data: dict[str, Any] | str) -> str:
    found = problems(data)
    assert len(found) == 1, found
    return found[0]


def every_kind() -> dict[str, Any]:
    """The BASE survey with one problem of each kind a question or outcome can have.

    The first question has an unknown type *and* a show_if naming a question that
    does not exist: both must be reported in the same run (issue 19).
    """
    data = survey(consent=None)
    first = question(0, 0, data)
    first.update(type="smilie7", show_if={"question": "q9", "equals": "happy"}, hnit="typo")
    question(0, 1, data)["show_if"] = {"question": "comments", "equals": "x"}
    del question(0, 2, data)["choices"]
    question(1, 0, data)["id"] = "activities"
    data["outcomes"].append(
        {
            "id": "said_something",
            "statement": "People who wrote something",
            "question": "comments",
            "positive": ["x"],
        }
    )
    return data


#: (path, what the message says) for every problem in :func:`every_kind`, in file order.
EVERY_KIND_EXPECTED: list[tuple[str, str]] = [
    ("", "missing required key 'consent'"),
    ("pages[0].questions[0].type", "unknown question type 'smilie7'; did you mean 'smiley5'?"),
    ("pages[0].questions[0].type", "skipped because the type is unknown"),
    ("pages[0].questions[0].hnit", "unknown key 'hnit'; did you mean 'hint'?"),
    ("pages[0].questions[0].show_if.question", "show_if names unknown question 'q9'"),
    ("pages[0].questions[1].show_if.question", "show_if names 'comments', which comes later"),
    ("pages[0].questions[2]", "a multi question needs choices"),
    ("pages[1].questions[0].id", "duplicate question id 'activities'"),
    ("outcomes[0].question", "skipped because the type of 'enjoyed' is unknown"),
    (
        "outcomes[1].question",
        "an outcome needs a question with choices, but 'comments' is a textarea",
    ),
]


def assert_every_kind_reported(found: list[str], source: str) -> None:
    """*found* holds exactly one message for each of EVERY_KIND_EXPECTED, at its path."""
    assert len(found) == len(EVERY_KIND_EXPECTED), "\n".join(found)
    for path, says in EVERY_KIND_EXPECTED:
        start = f"{source}: {path}: " if path else f"{source}: "
        matches = [p for p in found if p.startswith(start) and says in p]
        assert len(matches) == 1, f"{path or 'top'}: {says!r} not in:\n" + "\n".join(found)
