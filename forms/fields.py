"""WTForms pieces the question types share (wtforms only: no flask, no Flask-WTF)."""

from __future__ import annotations

from typing import Any

from wtforms import Field, RadioField, SelectMultipleField
from wtforms.validators import ValidationError


class MaxChoices:
    """At most `most` picks of a multiple-choice question."""

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
    """Checkboxes that tolerate no answer (the required check is a validator)."""

    def pre_validate(self, form: Any) -> None:
        if not self.data:
            return
        super().pre_validate(form)


def choice_values(field: Any) -> set[str]:
    """The values a bound choice field offers."""
    return {str(c.value) for c in field.iter_choices()}
