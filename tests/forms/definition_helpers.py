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
