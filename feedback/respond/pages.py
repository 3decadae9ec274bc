"""Forms for a survey screen, and turning them into draft answers and back."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from flask import current_app, request
from flask_babel import format_date, format_decimal, get_locale, gettext
from flask_wtf import FlaskForm

from feedback.respond.draft import Draft
from forms import flow
from forms.builder import build_page_form
from forms.clean import strip_control
from forms.schema import Definition, Question


def survey_text(text: str | None) -> str:
    """Survey wording in the respondent's language (the `surveys` catalog), else as written."""
    if not text:
        return text or ""
    return gettext(text)


# Form classes already built, by (questions, language, text limit). Building one calls
# gettext for every label and choice (over 100 calls for a 10-question page) and was about
# a tenth of a submission's CPU time (bench/NOTES.md); questions are frozen dataclasses,
# so the same screen in the same language always makes the same class.
_FORM_CLASSES: dict[tuple[Any, ...], type[FlaskForm]] = {}
_FORM_CLASSES_MAX = 512


def _form_class(questions: list[Question], max_text: int) -> type[FlaskForm]:
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


def form_for_screen(definition: Definition, draft: Draft, prefill: bool = False) -> FlaskForm:
    """The form of the draft's current screen: bound to the POST, or filled from the draft."""
    questions = flow.screen_questions(definition, draft.screen, draft.answers)
    cls = _form_class(questions, current_app.config["HEARD_MAX_TEXT_LENGTH"])
    if not prefill:
        return cls()
    data: dict[str, Any] = {}
    for q in questions:
        value = draft.answers.get(q.id)
        if value in (None, ""):
            continue
        if q.type == "date":
            try:
                value = date.fromisoformat(str(value))
            except ValueError:
                continue
        elif q.type == "number":
            try:
                value = Decimal(str(value))
            except InvalidOperation:
                continue
        data[q.id] = value
    return cls(formdata=None, data=data)


def _choice_values(field: Any) -> set[str]:
    return {str(c.value) for c in field.iter_choices()}


def raw_answers(form: FlaskForm) -> dict[str, Any]:
    """What was typed on a page, unvalidated but bounded: kept when the respondent goes back."""
    limit = current_app.config["HEARD_MAX_TEXT_LENGTH"]
    out: dict[str, Any] = {}
    for field in form:
        if field.name == "csrf_token":
            continue
        if field.type == "MultiChoiceField":
            allowed = _choice_values(field)
            out[field.name] = [v for v in request.form.getlist(field.name) if v in allowed]
        elif field.type in ("ChoiceField", "SelectField"):
            value = request.form.get(field.name)
            out[field.name] = value if value in _choice_values(field) else None
        else:
            typed = strip_control(request.form.get(field.name) or "")
            out[field.name] = typed[:limit] or None
    return out


def valid_answers(form: FlaskForm) -> dict[str, Any]:
    """Validated answers as JSON-safe values; a cleared answer becomes None."""
    out: dict[str, Any] = {}
    for field in form:
        if field.name == "csrf_token":
            continue
        value = field.data
        if isinstance(value, Decimal):
            value = format(value.normalize(), "f")
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, str):
            value = value.strip() or None
        elif isinstance(value, list):
            value = [str(v) for v in value] or None
        out[field.name] = value
    return out


def answer_summary(definition: Definition, answers: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows for check-your-answers: question, answer as the respondent saw it, its screen."""
    rows: list[dict[str, Any]] = []
    for number, _screen in enumerate(flow.screens(definition)):
        for q in flow.screen_questions(definition, number, answers):
            value = answers.get(q.id)
            labels = {c.value: survey_text(c.label) for c in q.all_choices()}
            if isinstance(value, list):
                shown = ", ".join(labels.get(v, v) for v in value)
            elif value in (None, ""):
                shown = ""
            elif q.type == "pairing_code":
                shown = str(value)
            elif q.type in ("date", "number"):
                shown = _local_value(q.type, str(value))
            else:
                shown = labels.get(value, str(value))
            rows.append({"screen": number, "question": survey_text(q.text), "answer": shown})
    return rows


def _local_value(kind: str, value: str) -> str:
    """A date or number answer written the respondent's way (7 marca 2026, 1 234,5)."""
    try:
        if kind == "date":
            return format_date(date.fromisoformat(value), "long")
        return format_decimal(Decimal(value))
    except (ValueError, InvalidOperation):
        return value
