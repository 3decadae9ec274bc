"""Question types answered by picking: radio buttons, a drop-down list, checkboxes."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wtforms import Field, SelectField

# SelectChoice is WTForms 3.3's; types-WTForms still describes 3.2, which has none.
from wtforms.fields.choices import SelectChoice  # type: ignore[attr-defined]

from forms.choices import PREFER_NOT
from forms.fields import ChoiceField, MaxChoices, MultiChoiceField, choice_values
from forms.question_base import Formats, QuestionType, Row, Translate

if TYPE_CHECKING:
    from forms.schema import Question


@dataclass(frozen=True)
class ChoiceType(QuestionType):
    """One answer from radio buttons. `lean`: how demo answers are picked."""

    closed: bool = True
    extra_keys: tuple[str, ...] = ("prefer_not_to_say",)
    #: "scale": choices run worst to best; "yes": mostly yes; "any": uniform
    lean: str = "scale"

    def choice_list(self, q: Question, translate: Translate) -> list[SelectChoice]:
        return [SelectChoice(ch.value, translate(ch.label)) for ch in q.all_choices()]

    def field(self, q: Question, translate: Translate, max_text: int) -> Field:
        return ChoiceField(
            choices=self.choice_list(q, translate),
            validators=self.needed(q, translate),
            **self.labels(q, translate),
        )

    def raw(self, field: Field, limit: int) -> Any:
        value = field.raw_data[0] if field.raw_data else None
        return value if value in choice_values(field) else None

    def demo(
        self, q: Question, rng: random.Random, mood: float, texts: Sequence[str], code: str
    ) -> Any:
        values = [ch.value for ch in q.choices]
        if q.prefer_not_to_say and rng.random() < 0.04:
            return PREFER_NOT
        if self.lean == "any":
            return rng.choice(values)
        if self.lean == "yes":
            return "yes" if rng.random() < mood else rng.choice(values[1:])
        # Lean towards the better end by `mood`.
        return values[min(len(values) - 1, int(rng.betavariate(1 + 4 * mood, 2) * len(values)))]


@dataclass(frozen=True)
class SelectType(ChoiceType):
    """One answer from a drop-down list, which starts at "Choose one"."""

    lean: str = "any"

    def field(self, q: Question, translate: Translate, max_text: int) -> Field:
        first = SelectChoice("", translate("Choose one"))
        return SelectField(
            choices=[first, *self.choice_list(q, translate)],
            validators=self.needed(q, translate),
            **self.labels(q, translate),
        )


@dataclass(frozen=True)
class MultiType(ChoiceType):
    """Any number of answers from checkboxes (up to ``max_choices``)."""

    multiple: bool = True

    def field(self, q: Question, translate: Translate, max_text: int) -> Field:
        most = (
            [MaxChoices(q.max_choices, translate("Choose fewer answers"))] if q.max_choices else []
        )
        return MultiChoiceField(
            choices=self.choice_list(q, translate),
            validators=self.needed(q, translate) + most,
            **self.labels(q, translate),
        )

    def answer(self, data: Any) -> Any:
        return [str(v) for v in data] or None if isinstance(data, list) else data

    def raw(self, field: Field, limit: int) -> Any:
        allowed = choice_values(field)
        return [v for v in field.raw_data or () if v in allowed]

    def rows(self, value: Any, secret: str) -> list[Row]:
        return [(str(v), None) for v in value]

    def shown(self, q: Question, value: Any, translate: Translate, formats: Formats) -> str:
        labels = {ch.value: translate(ch.label) for ch in q.all_choices()}
        return ", ".join(labels.get(v, v) for v in value)

    def demo(
        self, q: Question, rng: random.Random, mood: float, texts: Sequence[str], code: str
    ) -> Any:
        picks = rng.sample([ch.value for ch in q.choices], k=rng.randint(1, min(2, len(q.choices))))
        return picks[: q.max_choices] if q.max_choices else picks


@dataclass(frozen=True)
class ConsentToQuoteType(ChoiceType):
    """May we quote your words? Also fills Response.consent_to_quote (true or false)."""

    lean: str = "yes"
    response_column: str | None = "consent_to_quote"

    def response_values(self, value: Any, secret: str) -> dict[str, Any]:
        return {"consent_to_quote": value == "yes"}
