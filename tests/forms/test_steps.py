"""The respondent's state machine, with no app: the moves the public survey and the
admin preview both make (forms.steps.step)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from forms.schema import Condition, Definition, Page, Question
from forms.steps import Check, Consent, Finish, Screen, step

DEFINITION = Definition(
    slug="t",
    title="T",
    audience="parent_carer",
    age_band=None,
    description="",
    consent="Up to you.",
    check_answers=True,
    pages=(
        Page("One", (Question(id="worker", type="yes_no", text="Worker?", required=True),)),
        Page(
            "Two",
            (
                Question(
                    id="kind",
                    type="likert5",
                    text="Kind?",
                    show_if=Condition("worker", "equals", ("yes",)),
                ),
            ),
        ),
        Page("Three", (Question(id="more", type="text", text="More?"),)),
    ),
)


@dataclass
class Draft:
    screen: int = 0
    answers: dict[str, Any] = field(default_factory=dict)
    checking: bool = False


class Form:
    """A posted form: valid or not, with what was typed."""

    def __init__(self, answers: dict[str, Any], valid: bool = True) -> None:
        self.answers, self.valid = answers, valid

    def validate(self) -> bool:
        return self.valid

    def raw_answers(self) -> dict[str, Any]:
        return dict(self.answers)

    def valid_answers(self) -> dict[str, Any]:
        return dict(self.answers)


def test_start_shows_the_first_screen_and_back_from_it_shows_consent() -> None:
    first = step(DEFINITION, Draft(), "start", None)
    assert isinstance(first, Screen) and first.number == 1 and first.total == 3 and first.first
    back = step(DEFINITION, first.draft, "back", Form({"worker": "no"}))
    assert isinstance(back, Consent) and back.draft.answers == {"worker": "no"}


def test_branching_skips_a_hidden_screen_and_the_draft_passed_in_is_unchanged() -> None:
    draft = Draft()
    after = step(DEFINITION, draft, "next", Form({"worker": "no"}))
    assert isinstance(after, Screen) and after.draft.screen == 2
    assert draft.screen == 0 and draft.answers == {}


def test_an_invalid_page_is_shown_again_with_its_form() -> None:
    form = Form({}, valid=False)
    again = step(DEFINITION, Draft(), "next", form)
    assert isinstance(again, Screen) and again.form is form and again.draft.screen == 0


def test_a_language_switch_keeps_what_was_typed_on_the_same_screen() -> None:
    form = Form({"more": "half a thought"}, valid=False)
    redrawn = step(DEFINITION, Draft(screen=2), "lang", form)
    assert isinstance(redrawn, Screen) and redrawn.draft.screen == 2
    assert redrawn.draft.answers["more"] == "half a thought"


def test_the_last_screen_leads_to_check_then_submit_finishes() -> None:
    check = step(DEFINITION, Draft(screen=2, answers={"worker": "no"}), "next", Form({}))
    assert isinstance(check, Check) and check.draft.checking
    assert isinstance(step(DEFINITION, check.draft, "submit", Form({})), Finish)
    forged = step(DEFINITION, check.draft, "submit", Form({}, valid=False))
    assert isinstance(forged, Check)


def test_change_buttons_parse_one_way_and_forged_ones_show_the_answers_again() -> None:
    checking = Draft(screen=2, answers={"worker": "yes"}, checking=True)
    change = step(DEFINITION, checking, "change-1", None)
    assert isinstance(change, Screen) and change.draft.screen == 1 and not change.draft.checking
    for forged in ("change-99", "change--1", "change- 1", "change-+1", "change-\u0661", "change-x"):
        assert isinstance(step(DEFINITION, checking, forged, None), Check), forged
    back = step(DEFINITION, checking, "back", None)
    assert isinstance(back, Screen) and back.draft.screen == 2
