"""Forms for a survey screen, and the check-your-answers rows, in the respondent's language.

What each question's field is and how its answer reads is the question type's business
(forms.questions); this module supplies the Flask side: the language, the text limit,
the request the form is bound to.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from flask import current_app, render_template
from flask_babel import format_date, format_decimal, get_locale
from flask_wtf import FlaskForm
from markupsafe import Markup

from feedback.i18n import survey_text
from forms import flow
from forms.builder import SurveyPageForm, build_page_form, form_data
from forms.schema import Definition, Question
from forms.steps import Screen


class LocaleFormats:
    """Dates and numbers written the respondent's way (7 marca 2026, 1 234,5)."""

    def date(self, value: date) -> str:
        return format_date(value, "long")

    def decimal(self, value: Decimal) -> str:
        return format_decimal(value)


LOCALE_FORMATS = LocaleFormats()

# Form classes already built, by (questions, language, text limit). Building one calls
# gettext for every label and choice (over 100 calls for a 10-question page) and was about
# a tenth of a submission's CPU time (bench/NOTES.md); questions are frozen dataclasses,
# so the same screen in the same language always makes the same class.
_FORM_CLASSES: dict[tuple[Any, ...], type[SurveyPageForm]] = {}
_FORM_CLASSES_MAX = 512


def _form_class(questions: list[Question], max_text: int) -> type[SurveyPageForm]:
    try:
        key = (tuple(questions), str(get_locale()), max_text)
        cls = _FORM_CLASSES.get(key)
    except TypeError:  # an unhashable question: build it every time
        return build_page_form(questions, translate=survey_text, max_text=max_text)
    if cls is None:
        cls = build_page_form(questions, translate=survey_text, max_text=max_text)
        if len(_FORM_CLASSES) >= _FORM_CLASSES_MAX:
            _FORM_CLASSES.clear()  # bounded: many surveys x languages x branches
        _FORM_CLASSES[key] = cls
    return cls


def form_for_screen(definition: Definition, draft: Any) -> SurveyPageForm:
    """The form of the draft's current screen, bound to the POST."""
    questions = flow.screen_questions(definition, draft.screen, draft.answers)
    return _form_class(questions, current_app.config["HEARD_MAX_TEXT_LENGTH"])()


# The drawn questions of a screen nobody has typed on yet, by (questions, language,
# whether the question is the heading, text limit): the same for every respondent, and
# drawing them (a partial per question) was the largest part of the page's CPU time
# (bench/NOTES.md). A screen with answers or errors is always drawn afresh.
_FRESH_HTML: dict[tuple[Any, ...], Markup] = {}


class ScreenBody(NamedTuple):
    #: None for a fresh screen drawn before: only its CSRF token would be read, and a
    #: reused page takes that from generate_csrf (building a form is not free)
    form: FlaskForm | None
    #: the drawn questions
    html: Markup
    #: nobody has typed on this screen: the same for every respondent
    fresh: bool


def screen_body(definition: Definition, screen: Screen) -> ScreenBody:
    """The form (for its CSRF token and errors) and the drawn questions of `screen`."""
    questions = screen.questions
    # The question is the page's h1 when the screen has one question and no page title.
    titled = bool(screen.page.title) and not definition.one_question_per_page
    heading = not titled and len(questions) == 1
    max_text = current_app.config["HEARD_MAX_TEXT_LENGTH"]
    data = None if screen.form is not None else form_data(questions, screen.draft.answers)
    key = (tuple(questions), str(get_locale()), heading, max_text)
    if data == {}:
        cached = _FRESH_HTML.get(key)
        if cached is not None:
            return ScreenBody(None, cached, True)
    form = screen.form or _form_class(questions, max_text)(formdata=None, data=data)
    html = Markup(
        render_template("respond/_questions.html", questions=questions, form=form, heading=heading)
    )
    if data == {}:
        if len(_FRESH_HTML) >= _FORM_CLASSES_MAX:
            _FRESH_HTML.clear()
        _FRESH_HTML[key] = html
    return ScreenBody(form, html, data == {})


def posted_form(definition: Definition, draft: Any) -> FlaskForm:
    """The form a POST answers: the draft's screen, or on check your answers only CSRF."""
    return FlaskForm() if draft.checking else form_for_screen(definition, draft)


def answer_summary(definition: Definition, answers: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows for check-your-answers: question, answer as the respondent saw it, its screen."""
    rows: list[dict[str, Any]] = []
    for number, _screen in enumerate(flow.screens(definition)):
        for q in flow.screen_questions(definition, number, answers):
            value = answers.get(q.id)
            shown = (
                ""
                if value in (None, "", [])
                else q.qtype.shown(q, value, survey_text, LOCALE_FORMATS)
            )
            rows.append({"screen": number, "question": survey_text(q.text), "answer": shown})
    return rows
