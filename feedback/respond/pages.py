"""Forms for a survey screen, and the check-your-answers rows, in the respondent's language.

What each question's field is and how its answer reads is the question type's business
(forms.questions); this module supplies the Flask side: the language, the text limit,
the request the form is bound to.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from flask import current_app
from flask_babel import format_date, format_decimal, get_locale, gettext
from flask_wtf import FlaskForm

from forms import flow
from forms.builder import SurveyPageForm, build_page_form, form_data
from forms.schema import Definition, Question


def survey_text(text: str | None) -> str:
    """Survey wording in the respondent's language (the `surveys` catalog), else as written."""
    if not text:
        return text or ""
    return gettext(text)


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


def form_for_screen(definition: Definition, draft: Any, prefill: bool = False) -> SurveyPageForm:
    """The form of the draft's current screen: bound to the POST, or filled from the draft."""
    questions = flow.screen_questions(definition, draft.screen, draft.answers)
    cls = _form_class(questions, current_app.config["HEARD_MAX_TEXT_LENGTH"])
    if not prefill:
        return cls()
    return cls(formdata=None, data=form_data(questions, draft.answers))


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
