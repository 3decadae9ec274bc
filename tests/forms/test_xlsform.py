"""Importing XLSForm workbooks (ODK / KoboToolbox) as Heard definitions."""

from __future__ import annotations

import pytest

from forms.loader import DefinitionError, load_definition, validate_file
from forms.xlsform import XLSFormError, convert_workbook, load_workbook
from forms.xlsform_relevant import parse_relevant
from tests.forms.xlsform_book import CHOICES, SETTINGS, SURVEY, workbook


def _good() -> bytes:
    return workbook(SURVEY, CHOICES, SETTINGS)


def test_supported_types_map_to_heard_types():
    definition, _ = load_workbook(_good(), "family.xlsx")
    types = {q.id: q.type for q in definition.questions()}
    assert types == {
        "had_worker": "yes_no",
        "main_service": "single",
        "worker_story": "textarea",
        "all_services": "multi",
        "not_school": "single",
        "visits": "number",
        "hours": "number",
        "last_seen": "date",
        "overall": "scale0_10",
        "stars": "number",
        "name_it": "text",
    }
    stars = definition.question("stars")
    assert (stars.min, stars.max) == (1, 5)
    service = definition.question("main_service")
    assert [(c.value, c.label) for c in service.choices] == [
        ("early_help", "Early help"),
        ("school", "School"),
        ("health_visitor", "Health visitor"),
    ]
    assert service.hint == "Pick the one you saw most"
    assert definition.question("had_worker").required is True
    assert definition.question("visits").required is False


def test_settings_give_slug_title_audience_and_consent():
    definition, found = load_workbook(_good(), "family.xlsx")
    assert definition.slug == "family-support-2026"
    assert definition.title == "Family support"
    assert definition.audience == "parent_carer"
    assert definition.consent == "You can stop at any time."
    assert any("became the slug" in note for note in found.notes)


def test_groups_become_pages_and_a_branch_on_the_same_page_starts_a_new_one():
    definition, _ = load_workbook(_good(), "family.xlsx")
    pages = [(page.title, [q.id for q in page.questions]) for page in definition.pages]
    assert pages == [
        ("Your support", ["had_worker", "main_service"]),
        # worker_story depends on had_worker, which is on the page before it
        ("Your support", ["worker_story"]),
        (
            "A bit more",
            [
                "all_services",
                "not_school",
                "visits",
                "hours",
                "last_seen",
                "overall",
                "stars",
                "name_it",
            ],
        ),
    ]


def test_relevant_becomes_show_if():
    definition, _ = load_workbook(_good(), "family.xlsx")
    conditions = {
        q.id: (q.show_if.question, q.show_if.op, q.show_if.values)
        for q in definition.questions()
        if q.show_if
    }
    assert conditions == {
        "worker_story": ("had_worker", "equals", ("yes",)),
        "all_services": ("main_service", "equals", ("early_help",)),
        "not_school": ("main_service", "not", ("school",)),
    }


def test_notes_become_description_and_hints():
    definition, _ = load_workbook(_good(), "family.xlsx")
    assert definition.description == "Thank you for helping us"
    assert definition.question("all_services").hint == "These questions are optional"


def test_language_columns_become_languages_with_english_text():
    definition, found = load_workbook(_good(), "family.xlsx")
    assert definition.languages == ("en", "cy")
    assert definition.question("had_worker").text == "Did you have a worker?"
    welsh = found.translations["cy"]
    assert welsh["Did you have a worker?"] == "Oedd gennych weithiwr?"
    assert welsh["Early help"] == "Cymorth cynnar"
    assert welsh["Your support"] == "Eich cefnogaeth"


def test_a_form_without_language_columns_is_english():
    book = workbook(
        [["type", "name", "label"], ["text", "thoughts", "Your thoughts"]],
        settings=[["form_id"], ["plain"]],
    )
    definition, found = load_workbook(book, "plain.xlsx")
    assert definition.languages == ("en",)
    assert definition.audience == "community"
    assert any("no audience" in note for note in found.notes)


UNSUPPORTED = [
    ["type", "name", "label", "relevant", "constraint", "calculation"],
    ["start", "start"],
    ["select_one yesno", "agree", "Do you agree?"],
    ["geopoint", "where", "Where are you?"],
    ["calculate", "total", None, None, None, "1 + 1"],
    ["integer", "age", "How old are you?", None, ". > 4"],
    ["text", "why", "Why?", "${agree} = 'yes' and ${age} > 10"],
    ["begin repeat", "children", "Each child"],
    ["text", "child_name", "First name"],
    ["end repeat"],
    ["text", "where_detail", "Say more", "${where} = 'x'"],
    ["text", "kept", "Anything else?"],
]


def _unsupported_book() -> bytes:
    return workbook(
        UNSUPPORTED,
        [["list_name", "name", "label"], ["yesno", "yes", "Yes"], ["yesno", "no", "No"]],
        [["form_id", "form_title"], ["partial", "Partial"]],
    )


def test_unsupported_rows_are_reported_row_by_row():
    with pytest.raises(XLSFormError) as caught:
        load_workbook(_unsupported_book(), "partial.xlsx")
    problems = caught.value.problems
    assert caught.value.unsupported == problems
    expected = {
        2: "type 'start' is not supported",
        4: "type 'geopoint' is not supported",
        5: "type 'calculate' is not supported",
        6: "column 'constraint' is not supported",
        7: "relevant \"${agree} = 'yes' and ${age} > 10\" is not supported",
        8: "type 'begin repeat' is not supported",
        9: "inside the repeat at row 8",
        10: "inside the repeat at row 8",
        11: "relevant uses ${where}, which is skipped (row 4)",
    }
    assert len(problems) == len(expected)
    for problem, (row, text) in zip(problems, expected.items(), strict=True):
        assert problem.startswith(f"partial.xlsx: survey sheet row {row}: "), problem
        assert text in problem


def test_skipping_unsupported_rows_imports_the_rest_and_lists_them():
    definition, found = load_workbook(_unsupported_book(), "partial.xlsx", skip_unsupported=True)
    assert [q.id for q in definition.questions()] == ["agree", "kept"]
    assert len(found.unsupported) == 9


def test_validation_problems_name_the_spreadsheet_row():
    book = workbook(
        [
            ["type", "name", "label", "relevant"],
            ["text", "first", "First"],
            ["text", "second", "Second", "${first} = 'x'"],
        ],
        settings=[["form_id", "audience"], ["rows", "kids"]],
    )
    with pytest.raises(XLSFormError) as caught:
        load_workbook(book, "rows.xlsx")
    problems = caught.value.problems
    assert caught.value.unsupported == []
    assert any("audience: unknown audience 'kids'" in p for p in problems)
    assert any(
        p.startswith("rows.xlsx: survey sheet row 3 (show_if.question): ")
        and "'first', a text question" in p
        for p in problems
    )


def test_one_import_reports_every_problem_with_its_row() -> None:
    # Issue 19: an unsupported type no longer hides the row's other problems.
    book = workbook(
        [
            ["type", "name", "label", "relevant", "parameters"],
            ["text", "first", "First"],
            ["geopoint", "where", "Where?", "${first} > 3"],
            ["text", "second", "Second", "${first} = 'x'"],
            ["select_one yesno", "agree", "Agree?", "${later} = 'yes'"],
            ["integer", "later", "Later"],
            ["range", "stars", "Stars", None, "start=10 end=2"],
        ],
        [["list_name", "name", "label"], ["yesno", "yes", "Yes"], ["yesno", "no", "No"]],
        [["form_id", "audience"], ["every", "kids"]],
    )
    with pytest.raises(XLSFormError) as caught:
        load_workbook(book, "every.xlsx")
    expected = [
        "survey sheet row 3: type 'geopoint' is not supported",
        "survey sheet row 3: relevant '${first} > 3' is not supported",
        "survey sheet row 5: relevant uses ${later}, which is not an earlier question",
        "audience: unknown audience 'kids'",
        "survey sheet row 4 (show_if.question): show_if names 'first', a text question",
        "survey sheet row 7 (min): min (10) is greater than max (2)",
    ]
    found = caught.value.problems
    assert len(found) == len(expected), found
    for says in expected:
        assert any(p.startswith(f"every.xlsx: {says}") for p in found), (says, found)


def test_pyxform_checks_the_workbook_itself():
    book = workbook(
        [["type", "name", "label"], ["select_one missing", "q", "Q"]],
        [["list_name", "name", "label"], ["yesno", "yes", "Yes"]],
    )
    with pytest.raises(XLSFormError) as caught:
        load_workbook(book, "broken.xlsx")
    assert "missing" in caught.value.problems[0]
    assert caught.value.problems[0].startswith("broken.xlsx: ")


def test_a_file_that_is_not_a_workbook_is_refused_clearly():
    with pytest.raises(XLSFormError) as caught:
        load_workbook(b"slug: not-a-workbook\n", "fake.xlsx")
    assert caught.value.problems == ["fake.xlsx: not an .xlsx workbook"]


def test_loader_reads_xlsx_files_too(tmp_path):
    path = tmp_path / "family.xlsx"
    path.write_bytes(_good())
    assert load_definition(path).slug == "family-support-2026"
    bad = tmp_path / "partial.xlsx"
    bad.write_bytes(_unsupported_book())
    problems = validate_file(bad)
    assert problems and all(p.startswith(f"{bad}: survey sheet row ") for p in problems)
    with pytest.raises(DefinitionError):
        load_definition(bad)


def test_hostile_text_is_kept_as_plain_text():
    book = workbook(
        [["type", "name", "label"], ["text", "x", "<script>alert(1)</script>"]],
        settings=[["form_id", "form_title"], ["hostile", "<img src=x onerror=alert(1)>"]],
    )
    definition, _ = load_workbook(book, "hostile.xlsx")
    assert definition.title == "<img src=x onerror=alert(1)>"
    assert definition.question("x").text == "<script>alert(1)</script>"


def test_convert_keeps_heard_types_out_of_unknown_columns():
    found = convert_workbook(_good(), "family.xlsx")
    assert found.unsupported == []
    assert found.data["pages"][0]["questions"][0]["id"] == "had_worker"


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("${q} = 'a'", ("q", "equals", ("a",))),
        ('${q}="a"', ("q", "equals", ("a",))),
        ("${q} != 'a'", ("q", "not", ("a",))),
        ("selected(${q}, 'a')", ("q", "equals", ("a",))),
        ("not(selected(${q}, 'a'))", ("q", "not", ("a",))),
        ("${q} = 'a' or ${q} = 'b'", ("q", "in", ("a", "b"))),
        ("(${q} = 3)", ("q", "equals", ("3",))),
        ("${q} = 'a' and ${r} = 'b'", None),
        ("${q} = 'a' or ${r} = 'b'", None),
        ("${q} > 3", None),
        ("count-selected(${q}) > 1", None),
    ],
)
def test_parse_relevant(expression, expected):
    assert parse_relevant(expression) == expected
