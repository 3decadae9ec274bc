"""Mistakes in branching (show_if), question options and outcomes: one clear message each."""

from __future__ import annotations

import pytest

from forms.loader import (
    parse_definition,
)
from tests.forms.definition_helpers import only, problems, question, survey


def test_show_if_naming_an_unknown_question() -> None:
    data = survey()
    question(1, 0, data)["show_if"]["question"] = "went_on_trp"
    message = only(data)
    assert message.startswith(
        "bad.yaml: pages[1].questions[0].show_if.question: "
        "show_if names unknown question 'went_on_trp'"
    )
    assert "(earlier questions: enjoyed, went_on_trip, activities)" in message


def test_show_if_naming_a_later_question() -> None:
    data = survey()
    question(0, 0, data)["show_if"] = {"question": "trip_fun", "equals": "happy"}
    assert only(data).startswith(
        "bad.yaml: pages[0].questions[0].show_if.question: "
        "show_if names 'trip_fun', which comes later"
    )


def test_show_if_naming_the_question_itself() -> None:
    data = survey()
    question(1, 0, data)["show_if"]["question"] = "trip_fun"
    assert "show_if names this question itself ('trip_fun')" in only(data)


def test_show_if_on_the_same_page_needs_one_question_per_page() -> None:
    data = survey()
    question(0, 2, data)["show_if"] = {"question": "went_on_trip", "equals": "yes"}
    assert (
        "pages[0].questions[2].show_if.question: show_if names 'went_on_trip' on the same page"
        in only(data)
    )
    data["one_question_per_page"] = True
    assert parse_definition(data).question("activities").show_if is not None


def test_show_if_value_must_be_a_choice_of_that_question() -> None:
    data = survey()
    question(1, 0, data)["show_if"]["equals"] = "maybe"
    assert only(data).startswith(
        "bad.yaml: pages[1].questions[0].show_if.equals: 'maybe' is not a choice of 'went_on_trip' "
        "(allowed: no, yes)"
    )


def test_show_if_in_checks_each_value() -> None:
    data = survey()
    question(1, 0, data)["show_if"] = {"question": "activities", "in": ["football", "singing"]}
    assert "pages[1].questions[0].show_if.in[1]: 'singing' is not a choice of 'activities'" in only(
        data
    )


def test_show_if_needs_exactly_one_comparison() -> None:
    data = survey()
    question(1, 0, data)["show_if"] = {"question": "went_on_trip", "equals": "yes", "not": "no"}
    assert "show_if needs exactly one of equals, in, not (found equals, not)" in only(data)


def test_show_if_cannot_name_a_free_text_question() -> None:
    data = survey()
    data["pages"].append(
        {
            "questions": [
                {
                    "id": "later",
                    "type": "yes_no",
                    "text": "More?",
                    "show_if": {"question": "comments", "equals": "x"},
                }
            ]
        }
    )
    assert (
        "show_if names 'comments', a textarea question; it must name a question with choices"
        in only(data)
    )


def test_multi_max_choices_below_one() -> None:
    data = survey()
    question(0, 2, data)["max_choices"] = 0
    assert only(data).startswith(
        "bad.yaml: pages[0].questions[2].max_choices: must be at least 1, not 0"
    )


def test_multi_max_choices_above_the_number_of_choices() -> None:
    data = survey()
    question(0, 2, data)["max_choices"] = 4
    assert "max_choices is 4 but there are only 3 choices" in only(data)


def test_number_min_greater_than_max() -> None:
    data = survey()
    question(1, 1, data).update(type="number", text="How many times did you go?", min=10, max=2)
    assert only(data).startswith(
        "bad.yaml: pages[1].questions[1].min: min (10) is greater than max (2)"
    )


def test_single_without_choices() -> None:
    data = survey()
    question(0, 2, data).update(type="single")
    del question(0, 2, data)["choices"]
    assert only(data).startswith("bad.yaml: pages[0].questions[2]: a single question needs choices")


def test_duplicate_and_reserved_choice_values() -> None:
    data = survey()
    question(0, 2, data)["choices"] = [
        "Football",
        "football",
        {"value": "prefer_not_to_say", "label": "Rather not"},
    ]
    found = problems(data)
    assert any("choices[1]: choice value 'football' is used twice" in p for p in found)
    assert any(
        "choices[2]: 'prefer_not_to_say' is reserved: set prefer_not_to_say: true" in p
        for p in found
    )


@pytest.mark.parametrize("qtype", ["textarea", "text", "number", "date", "pairing_code"])
def test_outcome_on_a_question_without_choices(qtype: str) -> None:
    data = survey()
    question(1, 1, data)["type"] = qtype
    data["outcomes"][0]["question"] = "comments"
    message = only(data)
    assert message.startswith(
        "bad.yaml: outcomes[0].question: an outcome needs a question with choices"
    )
    assert f"'comments' is a {qtype} question" in message


def test_outcome_positive_value_not_a_choice() -> None:
    data = survey()
    data["outcomes"][0]["positive"] = ["happy", "joyful"]
    assert only(data).startswith(
        "bad.yaml: outcomes[0].positive[1]: 'joyful' is not a choice of 'enjoyed' "
        "(allowed: happy, ok, sad, very_happy, very_sad)"
    )


def test_outcome_excluded_value_not_a_choice() -> None:
    data = survey()
    data["outcomes"][0]["excluded"] = ["dont_know"]
    assert "outcomes[0].excluded[0]: 'dont_know' is not a choice of 'enjoyed'" in only(data)


def test_outcome_value_both_positive_and_excluded() -> None:
    data = survey()
    data["outcomes"][0]["excluded"] = ["happy"]
    assert "outcomes[0].excluded: happy cannot be both positive and excluded" in only(data)


def test_outcome_on_unknown_question() -> None:
    data = survey()
    data["outcomes"][0]["question"] = "enjoy"
    assert only(data).startswith(
        "bad.yaml: outcomes[0].question: unknown question 'enjoy' (allowed: "
    )
