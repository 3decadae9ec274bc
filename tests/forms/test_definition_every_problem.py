"""One run reports every problem, even on a question whose type is unknown (issue 19).

Checks that do not need the type (show_if, ids, keys, the values of its options)
run whatever else is wrong; checks that need it say they were skipped.
"""

from __future__ import annotations

from tests.forms.definition_helpers import (
    assert_every_kind_reported,
    every_kind,
    only,
    problems,
    question,
    survey,
)


def test_one_run_reports_a_problem_of_every_kind_with_its_path() -> None:
    found = problems(every_kind())
    assert_every_kind_reported(found, "bad.yaml")
    lines = [int(p.rsplit("(line ", 1)[1].rstrip(")")) for p in found]
    assert lines == sorted(lines)


def test_an_unknown_type_still_checks_the_values_of_its_keys() -> None:
    data = survey()
    question(0, 2, data).update(type="multy", max_choices=0, choices=["Football", "football"])
    found = problems(data)
    assert any("pages[0].questions[2].type: unknown question type 'multy'" in p for p in found)
    assert any("pages[0].questions[2].max_choices: must be at least 1, not 0" in p for p in found)
    assert any("choices[1]: choice value 'football' is used twice" in p for p in found)
    skipped = [p for p in found if "skipped because the type is unknown" in p]
    assert len(skipped) == 1 and skipped[0].startswith("bad.yaml: pages[0].questions[2].type: ")
    assert "max_choices" in skipped[0] and "choices" in skipped[0]


def test_a_missing_type_is_unknown_too() -> None:
    data = survey()
    del question(1, 0, data)["type"]
    question(1, 0, data)["show_if"]["equals"] = "maybe"
    found = problems(data)
    assert found[0].startswith("bad.yaml: pages[1].questions[0]: missing required key 'type'")
    assert "pages[1].questions[0].type: checks that depend on the type" in found[1]
    assert "pages[1].questions[0].show_if.equals: 'maybe' is not a choice" in found[2]
    assert len(found) == 3


def test_show_if_naming_a_question_of_unknown_type_says_it_was_not_checked() -> None:
    data = survey()
    question(0, 1, data)["type"] = "yes_or_no"
    found = problems(data)
    assert found[-1].startswith(
        "bad.yaml: pages[1].questions[0].show_if.question: skipped because the type of "
        "'went_on_trip' is unknown"
    )
    assert len(found) == 3  # the type, its skipped checks, and this


def test_show_if_on_the_same_page_is_reported_even_when_that_type_is_unknown() -> None:
    data = survey()
    question(0, 1, data)["type"] = "yes_or_no"
    question(0, 2, data)["show_if"] = {"question": "went_on_trip", "equals": "yes"}
    found = problems(data)
    assert any(
        "pages[0].questions[2].show_if.question: show_if names 'went_on_trip' on the same page" in p
        for p in found
    )


def test_only_a_broken_type_makes_checks_be_skipped() -> None:
    # Only a broken type makes checks be skipped: one wrong key says nothing more.
    data = survey()
    question(0, 0, data)["hnit"] = "x"
    assert "skipped" not in only(data)
