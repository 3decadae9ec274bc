"""The respondent's state machine: one move through a survey, and what to show next.

:func:`step` is the whole flow of a survey after the consent page (start, next, back,
change an answer, language switch, check your answers, submit), written once for the
public survey (feedback/respond/views.py) and the admin preview (feedback/admin/
preview.py), which only draw what it returns. It is pure: no request, no database; it
reads the draft and a form already bound to the POST, and returns a new draft inside
the result. Branching is decided here, on the server, so no JavaScript is needed.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from forms import flow
from forms.schema import Definition, Page, Question


class DraftState(Protocol):
    """What step reads and changes of a half-finished survey."""

    screen: int
    answers: dict[str, Any]
    checking: bool


class PageForm(Protocol):
    """A screen's form bound to the POST (or, on check your answers, a CSRF-only form)."""

    def validate(self) -> bool: ...
    def raw_answers(self) -> dict[str, Any]: ...
    def valid_answers(self) -> dict[str, Any]: ...


D = TypeVar("D", bound=DraftState)


@dataclass
class Screen:
    """Show a screen of questions. `form`: the posted form to show again (its errors, or
    what was typed before a language switch); None to fill it from the draft."""

    draft: Any
    form: Any
    questions: list[Question]
    page: Page
    number: int  # 1-based, for "Step 2 of 5"
    total: int
    first: bool  # no screen before it: Back leads to the consent page


@dataclass
class Check:
    """Show every answer, each with a Change button, and Submit."""

    draft: Any


@dataclass
class Consent:
    """Back from the first screen: show the consent page again."""

    draft: Any


@dataclass
class Finish:
    """Store the draft's answers (the public survey) or say thank you (a preview)."""

    draft: Any


Result = Screen | Check | Consent | Finish


def _screen(definition: Definition, draft: DraftState, form: Any = None) -> Screen:
    screens = flow.screens(definition)
    return Screen(
        draft=draft,
        form=form,
        questions=flow.screen_questions(definition, draft.screen, draft.answers),
        page=definition.pages[screens[draft.screen][0]],
        number=draft.screen + 1,
        total=len(screens),
        first=flow.previous_screen(definition, draft.screen, draft.answers) is None,
    )


def _change_target(definition: Definition, action: str) -> int | None:
    """The screen a "change-N" button on check your answers asks for, if it exists."""
    number = action.removeprefix("change-")
    if not number.isascii() or not number.isdigit():
        return None
    screen = int(number)
    return screen if screen < len(flow.screens(definition)) else None


def _checking(definition: Definition, draft: DraftState, action: str, form: Any) -> Result:
    if action.startswith("change-"):
        screen = _change_target(definition, action)
        if screen is None:  # a forged button: show the answers again
            return Check(draft)
        draft.checking, draft.screen = False, screen
        return _screen(definition, draft)
    if action == "back":
        last = flow.previous_screen(definition, len(flow.screens(definition)), draft.answers)
        draft.checking, draft.screen = False, 0 if last is None else last
        return _screen(definition, draft)
    if action == "submit" and form is not None and form.validate():
        return Finish(draft)
    return Check(draft)


def step(definition: Definition, draft: D, action: str, form: PageForm | None) -> Result:
    """One move from `draft` on `action`; the result carries a new draft.

    action: "start" (a new draft, from the consent page), "next", "back", "lang" (the
    language changed: redraw the screen keeping what was typed), "submit", or
    "change-N" (check your answers' Change button for screen N).
    form: the current screen's form bound to the POST (raw_answers, valid_answers,
    validate), or on check your answers a form that only checks CSRF.
    """
    draft = copy.copy(draft)
    draft.answers = dict(draft.answers)
    if action == "start":
        first = flow.next_screen(definition, -1, draft.answers)
        if first is None:
            return Finish(draft)
        draft.screen = first
        return _screen(definition, draft)
    if draft.checking:
        return _checking(definition, draft, action, form)
    if form is None:
        return _screen(definition, draft)
    if action in ("back", "lang"):
        # Going back keeps what was typed, even half-done: nothing is lost on the way.
        draft.answers.update(form.raw_answers())
        if action == "lang":
            return _screen(definition, draft, form)
        previous = flow.previous_screen(definition, draft.screen, draft.answers)
        if previous is None:
            return Consent(draft)
        draft.screen = previous
        return _screen(definition, draft)
    if not form.validate():
        return _screen(definition, draft, form)
    draft.answers.update(form.valid_answers())
    following = flow.next_screen(definition, draft.screen, draft.answers)
    if following is not None:
        draft.screen = following
        return _screen(definition, draft)
    if definition.check_answers:
        draft.checking = True
        return Check(draft)
    return Finish(draft)
