"""Question types answered by typing: text, a number, a date, a pairing code."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from wtforms import DateField, DecimalField, Field, StringField, TextAreaField
from wtforms.validators import Length, NumberRange

from forms.clean import strip_control
from forms.question_base import Formats, QuestionType, Row, Translate, pairing_hash

if TYPE_CHECKING:
    from forms.schema import Question


@dataclass(frozen=True)
class TextType(QuestionType):
    """Free text on one line, or in a box when `area`."""

    free_text: bool = True
    extra_keys: tuple[str, ...] = ("max_length",)
    area: bool = False

    def field(self, q: Question, translate: Translate, max_text: int) -> Field:
        limit = min(q.max_length or max_text, max_text)
        too_long = Length(max=limit, message=translate("Your answer is too long"))
        kind = TextAreaField if self.area else StringField
        # Typed text loses control characters before it is validated or stored (a NUL
        # byte made PostgreSQL refuse the whole submission).
        return kind(
            validators=self.needed(q, translate) + [too_long],
            filters=[strip_control],
            **self.labels(q, translate),
        )

    def shown(self, q: Question, value: Any, translate: Translate, formats: Formats) -> str:
        return str(value)

    def demo(
        self, q: Question, rng: random.Random, mood: float, texts: Sequence[str], code: str
    ) -> Any:
        return None if rng.random() < 0.45 else rng.choice(texts)


@dataclass(frozen=True)
class NumberType(QuestionType):
    """A number between ``min`` and ``max``, kept in number_value too for sums and means."""

    extra_keys: tuple[str, ...] = ("min", "max")

    def field(self, q: Question, translate: Translate, max_text: int) -> Field:
        bounds = NumberRange(min=q.min, max=q.max, message=translate("Enter a number in range"))
        # invalid_value_message is WTForms 3.3's; types-WTForms still describes 3.2.
        return DecimalField(  # type: ignore[call-overload]
            validators=self.needed(q, translate) + [bounds],
            invalid_value_message=translate("Enter a number, like 12"),
            **self.labels(q, translate),
        )

    def form_data(self, value: Any) -> Any:
        try:
            return Decimal(str(value))
        except InvalidOperation:
            return None

    def answer(self, data: Any) -> Any:
        return format(data.normalize(), "f") if isinstance(data, Decimal) else data

    def rows(self, value: Any, secret: str) -> list[Row]:
        return [(str(value), float(value))]

    def shown(self, q: Question, value: Any, translate: Translate, formats: Formats) -> str:
        try:  # written the respondent's way (1 234,5)
            return formats.decimal(Decimal(str(value)))
        except (ValueError, InvalidOperation):
            return str(value)

    def demo(
        self, q: Question, rng: random.Random, mood: float, texts: Sequence[str], code: str
    ) -> Any:
        low, high = int(q.min or 1), int(q.max or 30)
        return str(rng.randint(low, max(low, min(high, 30))))


@dataclass(frozen=True)
class DateType(QuestionType):
    """A date, stored as YYYY-MM-DD."""

    def field(self, q: Question, translate: Translate, max_text: int) -> Field:
        # invalid_value_message is WTForms 3.3's; types-WTForms still describes 3.2.
        return DateField(  # type: ignore[call-arg]
            validators=self.needed(q, translate),
            format="%Y-%m-%d",
            invalid_value_message=translate("Enter a real date"),
            **self.labels(q, translate),
        )

    def form_data(self, value: Any) -> Any:
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            return None

    def answer(self, data: Any) -> Any:
        return data.isoformat() if isinstance(data, date) else data

    def shown(self, q: Question, value: Any, translate: Translate, formats: Formats) -> str:
        try:  # written the respondent's way (7 marca 2026)
            return formats.date(date.fromisoformat(str(value)))
        except ValueError:
            return str(value)

    def demo(
        self, q: Question, rng: random.Random, mood: float, texts: Sequence[str], code: str
    ) -> Any:
        return (date.today() - timedelta(days=rng.randint(0, 60))).isoformat()


@dataclass(frozen=True)
class PairingCodeType(QuestionType):
    """A self-made anonymous code pairing pre- and post-course answers; stored hashed."""

    response_column: str | None = "pairing_hash"

    def field(self, q: Question, translate: Translate, max_text: int) -> Field:
        size = Length(
            min=4, max=40, message=translate("Enter between 4 and 40 letters and numbers")
        )
        return StringField(
            validators=self.needed(q, translate) + [size],
            filters=[strip_control],
            **self.labels(q, translate),
        )

    def rows(self, value: Any, secret: str) -> list[Row]:
        return [(pairing_hash(str(value), secret), None)]

    def response_values(self, value: Any, secret: str) -> dict[str, Any]:
        return {"pairing_hash": pairing_hash(str(value), secret)}

    def shown(self, q: Question, value: Any, translate: Translate, formats: Formats) -> str:
        return str(value)

    def demo(
        self, q: Question, rng: random.Random, mood: float, texts: Sequence[str], code: str
    ) -> Any:
        return code
