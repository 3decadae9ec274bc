"""Which questions and pages a respondent sees, given the answers so far.

`show_if` is evaluated here, on the server, so branching works with JavaScript off.
"""

from __future__ import annotations

from forms.schema import Answers, Definition, Page, Question


def visible_questions(page: Page, answers: Answers) -> list[Question]:
    """The questions of `page` whose `show_if` holds for `answers`."""
    return [q for q in page.questions if q.show_if is None or q.show_if.holds(answers)]


def screens(definition: Definition) -> list[tuple[int, int | None]]:
    """Every screen as (page index, question index or None for the whole page).

    Young children's surveys show one question per screen; others one page per screen.
    """
    out: list[tuple[int, int | None]] = []
    for p, page in enumerate(definition.pages):
        if definition.one_question_per_page:
            out += [(p, q) for q in range(len(page.questions))]
        else:
            out.append((p, None))
    return out


def screen_questions(definition: Definition, screen: int, answers: Answers) -> list[Question]:
    """The visible questions on screen number `screen`."""
    page_index, question_index = screens(definition)[screen]
    page = definition.pages[page_index]
    questions = page.questions if question_index is None else (page.questions[question_index],)
    return [q for q in questions if q.show_if is None or q.show_if.holds(answers)]


def next_screen(definition: Definition, current: int, answers: Answers) -> int | None:
    """The next screen after `current` with something to show, or None at the end."""
    total = len(screens(definition))
    for s in range(current + 1, total):
        if screen_questions(definition, s, answers):
            return s
    return None


def previous_screen(definition: Definition, current: int, answers: Answers) -> int | None:
    """The screen before `current` with something to show, or None at the start."""
    for s in range(current - 1, -1, -1):
        if screen_questions(definition, s, answers):
            return s
    return None


def answered_visible(definition: Definition, answers: Answers) -> dict[str, object]:
    """Only the answers to questions still shown: a changed branch drops stale answers."""
    kept: dict[str, object] = {}
    for page in definition.pages:
        for q in page.questions:
            if q.show_if is not None and not q.show_if.holds(kept):
                continue
            value = answers.get(q.id)
            if value not in (None, "", []):
                kept[q.id] = value
    return kept
