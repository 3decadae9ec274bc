"""The base of every question type: what a type knows, and the plain one-line answer.

The registry and the table of types are in :mod:`forms.questions`; this module holds
the base class so the families of types (forms.question_choice, forms.question_open)
can build on it without importing the registry.
"""

from __future__ import annotations

import hashlib
import hmac
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol, TypedDict

from wtforms import Field, StringField
from wtforms.validators import InputRequired, Optional

from forms.choices import Choice
from forms.clean import strip_control

if TYPE_CHECKING:
    from forms.schema import Question

Translate = Callable[[str], str]
#: A stored answer row: (value, number_value).
Row = tuple[str, float | None]
COMMON_KEYS = ("id", "type", "text", "hint", "required", "show_if")


class FieldLabels(TypedDict):
    """The keyword arguments every question's WTForms field is given its wording by."""

    label: str
    description: str


class Formats(Protocol):
    """How the respondent's locale writes dates and numbers (the app supplies it)."""

    def date(self, value: date) -> str: ...
    def decimal(self, value: Decimal) -> str: ...


def pairing_hash(code: str, secret: str) -> str:
    """A keyed hash of a self-made pairing code; the code itself is never stored."""
    normal = "".join(code.split()).upper()
    return hmac.new(secret.encode(), normal.encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class QuestionType:
    """One type of question. The base behaves as a single-line free answer.

    name: the ``type`` written in a definition file (and the partial's name).
    closed: answers are picked from choices (stored as choice values).
    free_text: answers are typed text (analysed; redacted in exports).
    multiple: several answers at once, one Answer row each (a list in JSON exports).
    fixed_choices: the choices every question of this type offers.
    author_choices: the definition must give ``choices``.
    extra_keys: keys this type accepts beyond :data:`COMMON_KEYS`.
    response_column: the Response column its first answer also fills; exports show it
        there and give it no column of its own.
    paired_scale: a numeric scale whose before/after change a course report computes.
    positive: the answers a course report counts as agreeing.
    """

    name: str
    closed: bool = False
    free_text: bool = False
    multiple: bool = False
    fixed_choices: tuple[Choice, ...] = ()
    author_choices: bool = False
    extra_keys: tuple[str, ...] = ()
    response_column: str | None = None
    paired_scale: bool = False
    positive: tuple[str, ...] = ()

    @property
    def allowed_keys(self) -> tuple[str, ...]:
        """Every key a question of this type may carry."""
        return COMMON_KEYS + self.extra_keys

    @property
    def template(self) -> str:
        """The partial that draws a question of this type on a survey page."""
        return f"respond/questions/_{self.name}.html"

    # -- the form ---------------------------------------------------------------------
    def field(self, q: Question, translate: Translate, max_text: int) -> Field:
        """The unbound WTForms field that asks `q`."""
        return StringField(validators=self.needed(q, translate), **self.labels(q, translate))

    def labels(self, q: Question, translate: Translate) -> FieldLabels:
        """The field's label and hint (its WTForms description), in the page's language."""
        return {"label": translate(q.text), "description": translate(q.hint) if q.hint else ""}

    def needed(self, q: Question, translate: Translate) -> list[Any]:
        """The required-or-optional validator every field starts with."""
        if q.required:
            return [InputRequired(message=translate("Answer this question"))]
        return [Optional()]

    def form_data(self, value: Any) -> Any:
        """A draft answer as the field's data (None when it no longer fits)."""
        return value

    def answer(self, data: Any) -> Any:
        """A validated field's data as a JSON-safe draft answer; None when cleared."""
        return data.strip() or None if isinstance(data, str) else data

    def raw(self, field: Field, limit: int) -> Any:
        """What was typed, unvalidated but bounded and without control characters: kept
        when the respondent goes back."""
        return strip_control(field.raw_data[0] if field.raw_data else "")[:limit] or None

    # -- storing, showing, exporting, demo data ---------------------------------------
    def rows(self, value: Any, secret: str) -> list[Row]:
        """The Answer rows an answer is stored as (a list, such as a focus group's quotes,
        as one row each)."""
        if isinstance(value, list):
            return [(str(v), None) for v in value]
        return [(str(value), None)]

    def response_values(self, value: Any, secret: str) -> dict[str, Any]:
        """Response columns this answer fills (see `response_column`)."""
        return {self.response_column: value} if self.response_column else {}

    def shown(self, q: Question, value: Any, translate: Translate, formats: Formats) -> str:
        """The answer as check-your-answers shows it to the respondent."""
        labels = {ch.value: translate(ch.label) for ch in q.all_choices()}
        return labels.get(value, str(value))

    def demo(
        self, q: Question, rng: random.Random, mood: float, texts: Sequence[str], code: str
    ) -> Any:
        """A made-up answer for `heard demo`; `mood` (0..1) leans it positive."""
        return None
