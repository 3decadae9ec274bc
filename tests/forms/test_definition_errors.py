"""Each kind of mistake in a survey file gets one clear message.

A message names the file, the path to the mistake, what is wrong and what is
allowed, so a survey author can fix it without reading code. Branching and outcome
mistakes are in test_definition_branching.py.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from forms.loader import (
    DefinitionError,
    load_definition,
    load_text,
    parse_definition,
    validate_file,
)
from tests.forms.definition_helpers import only, problems, question, survey


def test_the_base_survey_is_valid() -> None:
    definition = parse_definition(survey())
    assert definition.slug == "test-survey"
    assert [q.id for q in definition.questions()][-1] == "comments"


def test_yaml_syntax_error_names_line_and_column() -> None:
    message = only("slug: test-survey\ntitle: [unclosed\naudience: child\n")
    assert message.startswith("bad.yaml: YAML syntax error at line ")
    assert "column" in message


def test_empty_file_is_reported() -> None:
    assert only("") == "bad.yaml: the file is empty"


def test_top_level_must_be_a_mapping() -> None:
    message = only("- just\n- a list\n")
    assert message.startswith("bad.yaml: a survey definition must be a mapping")
    assert "not a list" in message


def test_missing_required_key_names_it() -> None:
    message = only(survey(title=None))
    assert message.startswith("bad.yaml: missing required key 'title'")
    assert "required: slug, title, audience, consent" in message


def test_missing_pages_is_reported() -> None:
    assert "missing required key 'pages'" in only(survey(pages=None))


def test_unknown_top_level_key_suggests_the_close_one() -> None:
    data = survey()
    data["titel"] = "Typo"
    message = only(data)
    assert message.startswith("bad.yaml: titel: unknown key 'titel'; did you mean 'title'?")
    assert "(allowed: age_band, allow_withdrawal, audience," in message


def test_unknown_question_key_lists_the_keys_that_type_allows() -> None:
    data = survey()
    question(0, 1, data)["hnit"] = "A typo"
    message = only(data)
    assert message.startswith(
        "bad.yaml: pages[0].questions[1].hnit: unknown key 'hnit'; did you mean 'hint'?"
    )
    assert message.endswith(
        "(allowed: hint, id, prefer_not_to_say, required, show_if, text, type) (line 15)"
    )


def test_key_that_belongs_to_another_type_says_so() -> None:
    data = survey()
    question(0, 1, data)["max_choices"] = 2
    message = only(data)
    assert message.startswith(
        "bad.yaml: pages[0].questions[1].max_choices: "
        "'max_choices' does not apply to a yes_no question"
    )


def test_choices_on_a_fixed_scale_are_refused() -> None:
    data = survey()
    question(0, 0, data)["choices"] = ["Good", "Bad"]
    message = only(data)
    assert "pages[0].questions[0].choices: a smiley5 question has fixed choices" in message
    assert "very_sad, sad, ok, happy, very_happy" in message


def test_key_given_twice_is_an_error_not_a_silent_overwrite() -> None:
    text = yaml.safe_dump(survey(), sort_keys=False) + "title: A second title\n"
    message = only(text)
    assert message.startswith("bad.yaml: title: key 'title' is given twice")


def test_wrong_type_says_what_was_found() -> None:
    data = survey()
    question(0, 0, data)["required"] = "yes"
    assert only(data).startswith(
        "bad.yaml: pages[0].questions[0].required: must be true or false, not the text 'yes'"
    )


def test_text_where_a_number_belongs() -> None:
    message = only(survey(min_n="ten"))
    assert message.startswith("bad.yaml: min_n: must be a whole number, not the text 'ten'")


def test_min_n_below_one() -> None:
    assert only(survey(min_n=0)).startswith("bad.yaml: min_n: must be at least 1, not 0")


def test_bad_audience_lists_the_audiences() -> None:
    message = only(survey(audience="children"))
    assert message.startswith(
        "bad.yaml: audience: unknown audience 'children'; did you mean 'child'?"
    )
    assert "(allowed: agency, child, community, focus_group, parent_carer, staff)" in message


def test_unknown_question_type_suggests_and_lists_types() -> None:
    data = survey()
    question(0, 0, data)["type"] = "smily5"
    message, skipped, outcome = problems(data)
    assert message.startswith(
        "bad.yaml: pages[0].questions[0].type: "
        "unknown question type 'smily5'; did you mean 'smiley5'?"
    )
    assert "(allowed: agree3, completed_with_help, consent_to_quote, date," in message
    # What needs the type is said to be skipped, here and in the outcome counting it.
    assert skipped.startswith("bad.yaml: pages[0].questions[0].type: checks that depend on")
    assert outcome.startswith(
        "bad.yaml: outcomes[0].question: skipped because the type of 'enjoyed' is unknown"
    )


def test_duplicate_question_id_points_at_the_first_use() -> None:
    data = survey()
    question(1, 1, data)["id"] = "enjoyed"
    assert only(data).startswith(
        "bad.yaml: pages[1].questions[1].id: duplicate question id 'enjoyed' "
        "(already used at pages[0].questions[0])"
    )


def test_question_id_must_be_a_simple_name() -> None:
    data = survey()
    question(0, 0, data)["id"] = "Enjoyed it"
    found = problems(data)
    assert found[0].startswith(
        "bad.yaml: pages[0].questions[0].id: 'Enjoyed it' is not a valid question id: "
        "lowercase letters, digits and _ (for example had_worker)"
    )
    # The outcome still names the old id, which is now truly unknown.
    assert found[1].startswith("bad.yaml: outcomes[0].question: unknown question 'enjoyed'")


def test_duplicate_outcome_id() -> None:
    data = survey()
    data["outcomes"].append(copy.deepcopy(data["outcomes"][0]))
    data["outcomes"][1]["statement"] = "Children who had fun"
    assert only(data).startswith("bad.yaml: outcomes[1].id: duplicate outcome id 'enjoyed_club'")


@pytest.mark.parametrize("slug", ["Test-Survey", "-starts-with-dash", "x", "has space", "a" * 64])
def test_bad_slug(slug: str) -> None:
    message = only(survey(slug=slug))
    assert message.startswith(f"bad.yaml: slug: {slug!r} is not a valid slug")
    assert "(for example children-8-11)" in message


def test_languages_must_be_two_letter_codes() -> None:
    message = only(survey(languages=["en", "English"]))
    assert message.startswith(
        "bad.yaml: languages[1]: the text 'English' is not a 2-letter lowercase language code"
    )


def test_unknown_kind_lists_the_kinds() -> None:
    message = only(survey(kind="training_pree"))
    assert "kind: unknown kind 'training_pree'; did you mean 'training_pre'?" in message
    allowed = "(allowed: audit, focus_group, training_followup, training_post, training_pre)"
    assert allowed in message


def test_theme_keywords_must_be_a_list() -> None:
    assert "themes.bus_travel: theme 'bus_travel' must be a list" in only(
        survey(themes={"bus_travel": "bus"})
    )


def test_small_yaml_aliases_are_fine() -> None:
    text = yaml.safe_dump(survey(), sort_keys=False)
    text = text.replace("consent: You", "consent: &c You").replace("description", "x")
    definition = load_text(text + "description: *c\n", "ok.yaml")
    assert definition.description == definition.consent


def test_yaml_alias_bomb_is_refused() -> None:
    # Each line doubles the one before: 2**40 strings if expanded.
    lines = ["a0: &a0 [lol, lol]"] + [f"a{n}: &a{n} [*a{n - 1}, *a{n - 1}]" for n in range(1, 41)]
    assert "too many values" in only("\n".join(lines) + "\n")


def test_huge_file_is_refused_before_parsing() -> None:
    assert "the file is too large" in only("description: " + "x" * 600_000)


def test_every_problem_is_reported_at_once_in_file_order() -> None:
    data = survey(audience="kids", min_n=-1)
    question(0, 0, data)["type"] = "smily"
    data["outcomes"][0]["positive"] = []
    found = problems(data)
    assert len(found) == 6  # with the two checks skipped for the unknown type
    lines = [int(p.rsplit("(line ", 1)[1].rstrip(")")) for p in found]
    assert lines == sorted(lines)


def test_yes_and_no_stay_text_in_yaml() -> None:
    # PyYAML would read an unquoted yes as true; a survey author means the choice.
    text = yaml.safe_dump(survey(), sort_keys=False).replace("equals: 'yes'", "equals: yes")
    assert "equals: yes\n" in text
    assert load_text(text, "ok.yaml").question("trip_fun").show_if.values == ("yes",)


def test_parsed_data_without_yaml_has_no_line_numbers() -> None:
    data = survey(audience="kids")
    with pytest.raises(DefinitionError) as caught:
        parse_definition(data, "upload.json")
    assert caught.value.problems[0].startswith("upload.json: audience: unknown audience 'kids'")
    assert "(line" not in caught.value.problems[0]


def test_load_definition_reports_unreadable_files(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.yaml"
    assert validate_file(missing) == [f"{missing}: cannot read the file: No such file or directory"]
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("title: caf\xe9".encode("latin-1"))
    assert validate_file(latin)[0].startswith(f"{latin}: not UTF-8 text")


def test_validate_file_is_empty_for_a_good_file(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(yaml.safe_dump(survey()), encoding="utf-8")
    assert validate_file(good) == []
    assert load_definition(good).title == "How was the after-school club?"
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(survey(audience="pupils")), encoding="utf-8")
    assert validate_file(bad)[0].startswith(f"{bad}: audience: unknown audience 'pupils'")


def test_read_all_text_is_a_true_or_false_setting() -> None:
    assert parse_definition(survey(audience="community", read_all_text=True)).read_all_text
    assert not parse_definition(survey(read_all_text=False)).read_all_text
    message = only(survey(read_all_text="sometimes"))
    assert message.startswith(
        "bad.yaml: read_all_text: must be true or false, not the text 'sometimes'"
    )
