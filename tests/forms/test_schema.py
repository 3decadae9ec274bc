"""The definition objects: conditions, question defaults, and the JSON round trip."""

from __future__ import annotations

import json

import pytest

from forms.loader import library_paths, load_definition, parse_definition
from forms.questions import DEFAULT_MAX_LENGTH, QUESTION_TYPES
from forms.schema import (
    PREFER_NOT,
    Choice,
    Condition,
    Definition,
    Outcome,
    Page,
    Question,
)


@pytest.mark.parametrize(
    ("op", "values", "answer", "expected"),
    [
        ("equals", ("yes",), "yes", True),
        ("equals", ("yes",), "no", False),
        ("equals", ("football",), ["painting", "football"], True),
        ("equals", ("football",), ["painting"], False),
        ("in", ("a", "b"), "b", True),
        ("in", ("a", "b"), "c", False),
        ("in", ("a", "b"), ["c", "a"], True),
        ("in", ("a", "b"), ["c", "d"], False),
        ("not", ("no",), "yes", True),
        ("not", ("no",), "no", False),
        ("not", ("football",), ["painting"], True),
        ("not", ("football",), ["football", "painting"], False),
    ],
)
def test_condition_compares_single_and_multi_answers(
    op: str, values: tuple[str, ...], answer: str | list[str], expected: bool
) -> None:
    assert Condition("q", op, values).holds({"q": answer}) is expected


@pytest.mark.parametrize("missing", [{}, {"q": None}, {"q": ""}, {"q": []}])
def test_unanswered_question_satisfies_only_not(missing: dict) -> None:
    assert Condition("q", "equals", ("yes",)).holds(missing) is False
    assert Condition("q", "in", ("yes", "no")).holds(missing) is False
    assert Condition("q", "not", ("yes",)).holds(missing) is True


def test_fixed_scale_choices_come_from_the_registry() -> None:
    question = Question("felt", "smiley3", "How did you feel?")
    assert question.choices == (Choice("sad", "Sad"), Choice("ok", "OK"), Choice("happy", "Happy"))
    assert question.closed and not question.free_text
    assert [c.value for c in Question("n", "scale0_10", "Rate it").choices] == [
        str(n) for n in range(11)
    ]


def test_prefer_not_to_say_is_offered_last() -> None:
    question = Question("worker", "yes_no", "Did you have a worker?", prefer_not_to_say=True)
    assert [c.value for c in question.all_choices()] == ["yes", "no", PREFER_NOT]
    assert question.all_choices()[-1].label == "Prefer not to say"
    assert Question("w", "yes_no", "Again?").all_choices() == Question("w", "yes_no", "x").choices


@pytest.mark.parametrize("qtype", ["text", "textarea", "number", "date", "pairing_code"])
def test_open_types_are_not_closed(qtype: str) -> None:
    question = Question("q", qtype, "Tell us")
    assert not question.closed and question.choices == ()
    assert question.free_text is (qtype in ("text", "textarea"))


def test_free_text_gets_the_default_length_limit() -> None:
    assert Question("q", "textarea", "Tell us").max_length == DEFAULT_MAX_LENGTH
    assert Question("q", "text", "Tell us", max_length=200).max_length == 200
    assert Question("q", "number", "How many?").max_length is None


def test_every_registered_type_is_closed_or_open_consistently() -> None:
    for name, qtype in QUESTION_TYPES.items():
        assert qtype.closed == bool(qtype.fixed_choices or qtype.author_choices), name
        assert not (qtype.closed and qtype.free_text), name


def _tiny(audience: str, **extra: object) -> Definition:
    page = Page("Only page", (Question("felt", "smiley3", "How did you feel?"),))
    return Definition("tiny", "Tiny", audience, None, "", "Consent", pages=(page,), **extra)


def test_check_answers_defaults_off_for_children_only() -> None:
    assert _tiny("child").check_answers is False
    assert _tiny("parent_carer").check_answers is True
    assert _tiny("child", check_answers=True).check_answers is True


def test_question_lookup_and_order() -> None:
    definition = load_definition(library_paths()[0])
    ids = [q.id for q in definition.questions()]
    assert len(ids) == len(set(ids))
    assert definition.question(ids[-1]).id == ids[-1]
    with pytest.raises(KeyError):
        definition.question("no_such_question")


def test_definitions_are_frozen_and_hashable() -> None:
    definition = _tiny("staff", themes={"canteen": ["lunch", "dinner"]})
    assert definition.themes["canteen"] == ("lunch", "dinner")
    with pytest.raises(TypeError):
        definition.themes["other"] = ("x",)  # type: ignore[index]
    with pytest.raises(AttributeError):
        definition.title = "Changed"  # type: ignore[misc]
    assert definition in {definition}


@pytest.mark.parametrize("path", library_paths(), ids=lambda p: p.name)
def test_library_definition_round_trips_through_json(path) -> None:
    definition = load_definition(path)
    data = json.loads(json.dumps(definition.to_dict()))
    assert Definition.from_dict(data) == definition


def test_round_trip_keeps_conditions_themes_and_numbers() -> None:
    first = Question("went", "yes_no", "Did you go?", prefer_not_to_say=True)
    picks = Question(
        "liked",
        "multi",
        "What did you like?",
        choices=(Choice("games", "Games"), Choice("food", "Food")),
        max_choices=1,
        show_if=Condition("went", "not", ("no",)),
    )
    count = Question("times", "number", "How many times?", min=0, max=7.5, required=True)
    definition = Definition(
        "club",
        "Club",
        "community",
        "12-17",
        "About the club",
        "You can stop",
        min_n=5,
        languages=("en", "cy"),
        pages=(Page("One", (first,)), Page(None, (picks, count))),
        outcomes=(Outcome("went_to_club", "People who went", "went", ("yes",)),),
        themes={"food": ("lunch", "snack")},
        offer_contact=True,
        kind="focus_group",
    )
    data = json.loads(json.dumps(definition.to_dict()))
    assert data["pages"][1]["questions"][0]["show_if"] == {
        "question": "went",
        "op": "not",
        "values": ["no"],
    }
    assert Definition.from_dict(data) == definition


def test_outcome_leaves_out_not_sure_answers_unless_told_otherwise() -> None:
    data = {
        "slug": "worker-check",
        "title": "Worker check",
        "audience": "parent_carer",
        "consent": "Thanks",
        "questions": [
            {"id": "had_worker", "type": "yes_no_unsure", "text": "Worker?"},
            {"id": "fair", "type": "agree3", "text": "Fair?", "prefer_not_to_say": True},
        ],
        "outcomes": [
            {
                "id": "had",
                "statement": "Had a worker",
                "question": "had_worker",
                "positive": ["yes"],
            },
            {"id": "fair", "statement": "Found it fair", "question": "fair", "positive": ["agree"]},
            {
                "id": "fair_all",
                "statement": "Found it fair, counting everyone",
                "question": "fair",
                "positive": ["agree"],
                "excluded": [],
            },
        ],
    }
    outcomes = {o.id: o for o in parse_definition(data).outcomes}
    assert outcomes["had"].excluded == (PREFER_NOT, "unsure")
    assert outcomes["fair"].excluded == (PREFER_NOT, "not_sure")
    assert outcomes["fair_all"].excluded == ()


def test_top_level_questions_make_one_untitled_page() -> None:
    data = {
        "slug": "one-page",
        "title": "One page",
        "audience": "staff",
        "consent": "Thanks",
        "questions": [{"id": "ok", "type": "yes_no", "text": "All OK?"}],
    }
    definition = parse_definition(data)
    assert len(definition.pages) == 1 and definition.pages[0].title is None
    assert definition.min_n == 10 and definition.languages == ("en",)
    assert definition.retention_days == 1095


def test_plain_string_choices_get_slug_values() -> None:
    data = {
        "slug": "venues",
        "title": "Venues",
        "audience": "community",
        "consent": "Thanks",
        "questions": [
            {
                "id": "where",
                "type": "single",
                "text": "Where?",
                "choices": ["Family hub", "Children's centre", {"value": 3, "label": "Three"}],
            }
        ],
    }
    choices = parse_definition(data).question("where").choices
    assert choices == (
        Choice("family_hub", "Family hub"),
        Choice("childrens_centre", "Children's centre"),
        Choice("3", "Three"),
    )


def test_read_all_text_defaults_on_for_children_only() -> None:
    assert _tiny("child").read_all_text is True
    assert _tiny("staff").read_all_text is False
    assert _tiny("parent_carer", read_all_text=True).read_all_text is True
    assert _tiny("child", read_all_text=False).read_all_text is False


def test_read_all_text_is_stored_only_when_it_differs_from_the_default() -> None:
    """A definition stored before the setting existed keeps its SHA-256."""
    assert "read_all_text" not in _tiny("child").to_dict()
    assert "read_all_text" not in _tiny("community").to_dict()
    chosen = _tiny("community", read_all_text=True)
    assert chosen.to_dict()["read_all_text"] is True
    assert Definition.from_dict(chosen.to_dict()) == chosen
    assert Definition.from_dict(_tiny("child").to_dict()).read_all_text is True
