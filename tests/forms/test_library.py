"""The bundled survey library: every file is valid and each instrument fits its voice."""

from __future__ import annotations

from pathlib import Path

import pytest

from forms.loader import library_paths, load_definition, validate_file
from forms.schema import Definition

CHILDREN = ("children-5-7", "children-8-11", "children-12-17")
SHARED_CHILD_OUTCOMES = {
    "felt_listened_to",
    "felt_respected",
    "not_judged",
    "story_heard",
    "help_about_right",
    "good_relationship_with_worker",
    "felt_safer",
}
CONFIDENCE = ("conf_recognise", "conf_respond", "conf_share", "conf_record")


@pytest.fixture(scope="module")
def library() -> dict[str, Definition]:
    return {d.slug: d for d in map(load_definition, library_paths())}


def test_library_holds_every_bundled_survey() -> None:
    assert [p.stem for p in library_paths()] == sorted(
        [*CHILDREN, "community", "focus-group", "parents-carers", "staff-survey"]
        + ["training-followup", "training-post", "training-pre"]
    )


@pytest.mark.parametrize("path", library_paths(), ids=lambda p: p.name)
def test_library_file_is_valid(path: Path) -> None:
    assert validate_file(path) == []
    definition = load_definition(path)
    assert definition.slug == path.stem
    # English is the default and the language the wording is written in (languages issue)
    assert definition.languages[0] == "en"


@pytest.mark.parametrize("path", library_paths(), ids=lambda p: p.name)
def test_library_survey_invites_anything_else(path: Path) -> None:
    definition = load_definition(path)
    extra = definition.question("anything_else")
    assert extra.type == "textarea" and not extra.required
    assert extra.text == "Is there anything else you want to tell us?"


def test_childrens_surveys_share_outcomes_and_scales(library: dict[str, Definition]) -> None:
    scales = {"children-5-7": "smiley3", "children-8-11": "smiley5", "children-12-17": "likert5"}
    for slug, scale in scales.items():
        definition = library[slug]
        assert definition.audience == "child" and definition.age_band == slug[9:]
        assert not definition.check_answers
        assert SHARED_CHILD_OUTCOMES <= {o.id for o in definition.outcomes}, slug
        types = [q.type for q in definition.questions()]
        assert max(set(types), key=types.count) == scale, slug
        assert "completed_with_help" in types and "consent_to_quote" in types
        statements = {o.id: o.statement for o in definition.outcomes}
        assert statements["felt_listened_to"] == "Children who felt listened to"
    assert library["children-5-7"].one_question_per_page


def test_parents_outcomes_are_their_own(library: dict[str, Definition]) -> None:
    parents = library["parents-carers"]
    ids = {o.id for o in parents.outcomes}
    assert "good_relationship_with_health_visitor" in ids
    assert not ids & SHARED_CHILD_OUTCOMES  # never pooled with the children's answers
    assert parents.question("help_proportionate").type == "agree3"


def test_training_evaluations_pair_up(library: dict[str, Definition]) -> None:
    pre, post, later = (library[f"training-{s}"] for s in ("pre", "post", "followup"))
    assert (pre.kind, post.kind, later.kind) == (
        "training_pre",
        "training_post",
        "training_followup",
    )
    for definition in (pre, post, later):
        assert definition.question("pairing_code").type == "pairing_code"
        assert definition.question("pairing_code").required
        assert definition.audience == "staff"
    for qid in CONFIDENCE:
        assert pre.question(qid) == post.question(qid) == later.question(qid)
    skills = {o.id: o for o in post.outcomes}["skills_improved"]
    assert skills.statement == "Staff trained who say their skills improved"
    assert later.question("used_in_practice").type == "yes_no"
    assert "used_in_practice" in {o.id for o in later.outcomes}


def test_staff_community_and_focus_group(library: dict[str, Definition]) -> None:
    assert "line_of_sight" in {o.id for o in library["staff-survey"].outcomes}
    assert "partnership_responds" in {o.id for o in library["community"].outcomes}
    group = library["focus-group"]
    assert (group.audience, group.kind) == ("focus_group", "focus_group")
    types = {q.id: q.type for q in group.questions()}
    assert types["session_date"] == "date" and types["participants"] == "number"
    assert types["consent_to_quote"] == "consent_to_quote"
    assert sum(t == "textarea" for t in types.values()) >= 4


def test_several_surveys_branch(library: dict[str, Definition]) -> None:
    branching = [s for s, d in library.items() if any(q.show_if for q in d.questions())]
    assert len(branching) >= 5
    worker = library["children-8-11"].question("worker_relationship")
    assert worker.show_if is not None
    assert worker.show_if.holds({"had_worker": "yes"})
    assert not worker.show_if.holds({"had_worker": "no"})
