"""Turn a definition's questions into a Flask-WTF form class, one field per question.

The only module of `forms` that knows about WTForms. Text a person reads is passed
through `translate` so the app decides the language; this module never imports flask.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    DecimalField,
    Field,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from forms.clean import strip_control
from forms.schema import Question

Translate = Callable[[str], str]
DEFAULT_MAX_TEXT = 5000


class _MaxChoices:
    def __init__(self, most: int, message: str) -> None:
        self.most, self.message = most, message

    def __call__(self, form: Any, field: Field) -> None:
        if field.data and len(field.data) > self.most:
            raise ValidationError(self.message)


class ChoiceField(RadioField):
    """A radio group that tolerates no answer (the required check is a validator)."""

    def pre_validate(self, form: Any) -> None:
        if self.data in (None, ""):
            return
        super().pre_validate(form)


class MultiChoiceField(SelectMultipleField):
    def pre_validate(self, form: Any) -> None:
        if not self.data:
            return
        super().pre_validate(form)


def _field(question: Question, translate: Translate, max_text: int) -> Field:
    text = translate(question.text)
    kind = question.type
    need = (
        [InputRequired(message=translate("Answer this question"))]
        if question.required
        else [Optional()]
    )
    choices = [SelectChoice(c.value, translate(c.label)) for c in question.all_choices()]
    description = translate(question.hint) if question.hint else ""
    common = {"label": text, "description": description}
    if kind == "multi":
        extra = []
        if question.max_choices:
            extra.append(_MaxChoices(question.max_choices, translate("Choose fewer answers")))
        return MultiChoiceField(choices=choices, validators=need + extra, **common)
    if kind == "select":
        return SelectField(
            choices=[SelectChoice("", translate("Choose one")), *choices], validators=need, **common
        )
    if question.closed:
        return ChoiceField(choices=choices, validators=need, **common)
    if kind == "number":
        low = question.min
        high = question.max
        bounds = [NumberRange(min=low, max=high, message=translate("Enter a number in range"))]
        not_a_number = translate("Enter a number, like 12")
        return DecimalField(validators=need + bounds, invalid_value_message=not_a_number, **common)
    if kind == "date":
        not_a_date = translate("Enter a real date")
        return DateField(
            validators=need, format="%Y-%m-%d", invalid_value_message=not_a_date, **common
        )
    # Typed text loses control characters before it is validated or stored (a NUL byte
    # made PostgreSQL refuse the whole submission).
    common["filters"] = [strip_control]
    limit = min(question.max_length or max_text, max_text)
    too_long = Length(max=limit, message=translate("Your answer is too long"))
    if kind == "pairing_code":
        code_size = translate("Enter between 4 and 40 letters and numbers")
        return StringField(validators=need + [Length(min=4, max=40, message=code_size)], **common)
    if kind == "textarea":
        return TextAreaField(validators=need + [too_long], **common)
    return StringField(validators=need + [too_long], **common)


def build_page_form(
    questions: Sequence[Question],
    translate: Translate = str,
    max_text: int = DEFAULT_MAX_TEXT,
) -> type[FlaskForm]:
    """A FlaskForm subclass with one field per question, named by question id."""
    attrs = {q.id: _field(q, translate, max_text) for q in questions}
    return type("SurveyPageForm", (FlaskForm,), attrs)
