"""Audit definitions (kind: audit, audience: agency) and their rating types, rag and grade4."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from werkzeug.datastructures import MultiDict
from wtforms import Form

from forms.loader import audit_library_paths, library_paths, load_definition, parse_definition
from forms.schema import Definition
from tests.forms.definition_helpers import only, problems, survey

RAG = {
    "id": "policy",
    "type": "rag",
    "text": "A safeguarding policy sets out the agency's responsibilities.",
    "choices": [
        {"value": "red", "label": "There is no policy."},
        {"value": "amber", "label": "It is out of date."},
        {"value": "green", "label": "It is current and easy to find."},
    ],
}
AUDIT: dict[str, Any] = {
    "slug": "test-audit",
    "title": "A small audit",
    "audience": "agency",
    "kind": "audit",
    "consent": "This return names your agency.",
    "pages": [
        {
            "title": "Responsibilities",
            "questions": [
                RAG,
                {"id": "practice", "type": "grade4", "text": "Practice was good."},
                {"id": "notes", "type": "textarea", "text": "Anything else?"},
            ],
        }
    ],
}


def message(data: dict[str, Any]) -> str:
    """The one problem of `data`, without the line number the loader appends."""
    return only(data).rsplit(" (line ", 1)[0]


def audit(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(AUDIT)
    data.update(changes)
    return data


def test_a_valid_audit_loads_with_its_rag_meanings_and_the_four_grades() -> None:
    definition = parse_definition(audit())
    rag, grade, _ = definition.questions()
    assert (definition.kind, definition.audience) == ("audit", "agency")
    assert rag.choices[0].label == "There is no policy."
    assert [c.value for c in grade.choices] == [
        "outstanding",
        "good",
        "requires_improvement",
        "inadequate",
    ]
    assert Definition.from_dict(definition.to_dict()) == definition


def test_a_rag_question_must_give_exactly_red_amber_and_green() -> None:
    data = audit()
    data["pages"][0]["questions"][0]["choices"] = [
        {"value": "red", "label": "Bad"},
        {"value": "green", "label": "Good"},
        {"value": "blue", "label": "?"},
    ]
    assert message(data) == (
        "bad.yaml: pages[0].questions[0].choices: a rag question's choices are exactly red, "
        "amber and green, each {value: red, label: what red means for this statement}"
    )


def test_a_rag_question_without_meanings_is_refused() -> None:
    data = audit()
    del data["pages"][0]["questions"][0]["choices"]
    assert "a rag question needs choices" in only(data)


def test_grade4_has_fixed_grades() -> None:
    data = audit()
    data["pages"][0]["questions"][1]["choices"] = ["Great", "Poor"]
    assert "a grade4 question has fixed choices" in only(data)


def test_kind_and_audience_go_together() -> None:
    assert message(audit(audience="staff")) == (
        "bad.yaml: audience: an audit (kind: audit) is for audience: agency"
    )
    no_kind = audit()
    del no_kind["kind"]
    # ...and its ratings are named too, so the author sees why kind: audit matters.
    assert problems(no_kind)[0] == (
        "bad.yaml: kind: audience: agency is for audits: add kind: audit (line 1)"
    )


def test_survey_machinery_is_refused_in_an_audit() -> None:
    found = problems(
        audit(
            offer_contact=True,
            outcomes=[{"id": "x", "statement": "X", "question": "practice", "positive": ["good"]}],
        )
    )
    assert any("'outcomes' is for surveys" in p for p in found), found
    assert any("'offer_contact' is for surveys" in p for p in found), found


def test_an_audit_asks_ratings_and_text_only_and_shows_every_statement() -> None:
    data = audit()
    data["pages"][0]["questions"].append({"id": "mood", "type": "smiley3", "text": "Mood?"})
    data["pages"][0]["questions"][2]["show_if"] = {"question": "practice", "equals": "good"}
    found = problems(data)
    assert any(
        "questions[3].type: an audit asks rag, grade4, text, textarea questions, not smiley3" in p
        for p in found
    ), found
    assert any("questions[2].show_if: an audit shows every statement" in p for p in found)


def test_an_audit_without_a_rating_is_refused() -> None:
    data = audit()
    data["pages"][0]["questions"] = [{"id": "notes", "type": "textarea", "text": "Notes"}]
    assert message(data) == "bad.yaml: an audit needs at least one rag or grade4 question"


def test_a_survey_may_not_ask_an_audit_rating() -> None:
    data = survey()
    data["pages"][0]["questions"].append(copy.deepcopy(RAG))
    assert message(data) == (
        "bad.yaml: pages[0].questions[3].type: a rag question belongs in an audit "
        "definition (kind: audit)"
    )


@pytest.mark.parametrize("path", audit_library_paths(), ids=lambda p: p.name)
def test_bundled_audits_are_valid_audits(path) -> None:  # type: ignore[no-untyped-def]
    definition = load_definition(path)
    assert (definition.kind, definition.audience) == ("audit", "agency")


def test_section11_covers_the_standards_with_two_to_four_statements_each() -> None:
    (path,) = [p for p in audit_library_paths() if p.stem == "section11"]
    definition = load_definition(path)
    assert len(definition.pages) == 8
    assert all(2 <= len(page.questions) <= 4 for page in definition.pages)
    assert {q.type for q in definition.questions()} == {"rag"}


def test_the_case_audit_grades_the_five_themes() -> None:
    (path,) = [p for p in audit_library_paths() if p.stem == "case-audit"]
    titles = [page.title for page in load_definition(path).pages]
    assert titles == [
        "The child's journey",
        "Assessment",
        "Planning",
        "The child's voice",
        "Outcomes",
    ]


def test_audits_are_not_in_the_survey_library() -> None:
    """The survey library (loaded by `make run`, served at /s/<slug>) holds no audit."""
    assert all(load_definition(p).kind != "audit" for p in library_paths())


def _form(definition: Definition, data: MultiDict) -> Form:
    from forms.builder import build_page_form

    cls = build_page_form(list(definition.questions()))
    # A plain WTForms form of the same fields: the builder's FlaskForm needs a request.
    plain = type("Plain", (Form,), {k: v for k, v in vars(cls).items() if k in cls._questions})
    return plain(formdata=data)


def test_a_rag_field_takes_rating_evidence_and_actions_and_refuses_a_colour_not_in_scale() -> None:
    definition = parse_definition(audit())
    rag = definition.question("policy")
    good = _form(
        definition,
        MultiDict(
            {
                "policy-rating": "amber",
                "policy-evidence": " Reviewed 2024\x00 ",
                "policy-actions": "Review it",
            }
        ),
    )
    assert good.validate()
    assert rag.qtype.answer(good.policy.data) == {
        "rating": "amber",
        "evidence": "Reviewed 2024",
        "actions": "Review it",
    }
    bad = _form(definition, MultiDict({"policy-rating": "purple"}))
    assert not bad.validate()
    assert bad.policy.errors
