"""Question types of audits (issue 16): a rating with the evidence behind it.

``rag``: red, amber or green, each colour's meaning written in the definition (the
choices' labels), plus the evidence for the rating and the actions planned.
``grade4``: outstanding, good, requires improvement or inadequate, plus the evidence.

An answer is one mapping, ``{"rating", "evidence", "actions"}``; the field is a small
sub-form (WTForms FormField) whose inputs are named ``<id>-rating``, ``<id>-evidence``
and ``<id>-actions``. These types appear only in audit definitions (``kind: audit``),
whose returns are stored as AuditRating rows, never as survey answers.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wtforms import Field, Form, FormField, TextAreaField

# SelectChoice is WTForms 3.3's; types-WTForms still describes 3.2, which has none.
from wtforms.fields.choices import SelectChoice  # type: ignore[attr-defined]
from wtforms.validators import Length, Optional

from forms.choices import N_, fixed
from forms.clean import strip_control
from forms.fields import ChoiceField
from forms.question_base import Formats, Row, Translate
from forms.question_choice import ChoiceType

if TYPE_CHECKING:
    from forms.schema import Question

# Audits (issue 16). A RAG question's definition writes what each colour means for its
# statement (its choices' labels), so only the values are fixed here, with the colours'
# own names, shown beside the meaning: a colour alone tells a screen reader nothing.
RAG_VALUES = ("red", "amber", "green")
RAG_NAMES = {"red": N_("Red"), "amber": N_("Amber"), "green": N_("Green")}
# The four grades inspectorates use, best first, as they are usually read.
GRADE4 = fixed(
    ("outstanding", N_("Outstanding")),
    ("good", N_("Good")),
    ("requires_improvement", N_("Requires improvement")),
    ("inadequate", N_("Inadequate")),
)

#: The parts of an answer, in the order a return shows them.
PARTS = ("rating", "evidence", "actions")


@dataclass(frozen=True)
class AssessedType(ChoiceType):
    """A rating from a scale, with evidence (and, when `actions`, the actions planned).

    rank: the scale's values best first (a change between rounds compares positions).
    """

    extra_keys: tuple[str, ...] = ()
    actions: bool = False
    rank: tuple[str, ...] = ()
    audit_only: bool = True

    def parts(self) -> tuple[str, ...]:
        return PARTS if self.actions else PARTS[:2]

    def scale_label(self, q: Question, value: str, translate: Translate) -> str:
        """A rating's words: the colour's name and its meaning for RAG, the grade otherwise."""
        labels = {ch.value: translate(ch.label) for ch in q.choices}
        if value in RAG_NAMES and self.name == "rag":
            return f"{translate(RAG_NAMES[value])}: {labels.get(value, '')}"
        return labels.get(value, value)

    def short_label(self, q: Question, value: str, translate: Translate) -> str:
        """A rating in a word or two (a table cell): the colour for RAG, else the grade."""
        if self.name == "rag" and value in RAG_NAMES:
            return translate(RAG_NAMES[value])
        return self.scale_label(q, value, translate)

    def field(self, q: Question, translate: Translate, max_text: int) -> Field:
        long = Length(max=max_text, message=translate("Your answer is too long"))
        choices = [
            SelectChoice(ch.value, self.scale_label(q, ch.value, translate)) for ch in q.choices
        ]
        attrs: dict[str, Any] = {
            "rating": ChoiceField(
                translate("Rating"), choices=choices, validators=self.needed(q, translate)
            ),
            "evidence": TextAreaField(
                translate("Evidence"), validators=[Optional(), long], filters=[strip_control]
            ),
        }
        if self.actions:
            attrs["actions"] = TextAreaField(
                translate("Actions planned"),
                validators=[Optional(), long],
                filters=[strip_control],
            )
        sub = type("AssessedForm", (Form,), attrs)
        return FormField(sub, **self.labels(q, translate))

    def form_data(self, value: Any) -> Any:
        return (
            {k: v for k, v in value.items() if k in self.parts()}
            if isinstance(value, dict)
            else None
        )

    def answer(self, data: Any) -> Any:
        if not isinstance(data, dict):
            return None
        clean = {k: (data.get(k) or "").strip() or None for k in self.parts()}
        return clean if any(clean.values()) else None

    def raw(self, field: Field, limit: int) -> Any:
        assert isinstance(field, FormField)  # what self.field() made: one sub-field a part
        out: dict[str, Any] = {}
        for part in self.parts():
            sub = field[part]
            value = strip_control(sub.raw_data[0] if sub.raw_data else "")[:limit] or None
            # The rating is a choice field, whose WTForms 3.3 choices have .value (the 3.2
            # stubs know a plain Field, and choices as tuples).
            if part == "rating" and value not in {
                str(c.value)
                for c in sub.iter_choices()  # type: ignore[attr-defined]
            }:
                value = None
            out[part] = value
        return out if any(out.values()) else None

    def rows(self, value: Any, secret: str) -> list[Row]:
        return [(str(value.get("rating") or ""), None)] if isinstance(value, dict) else []

    def shown(self, q: Question, value: Any, translate: Translate, formats: Formats) -> str:
        if not isinstance(value, dict) or not value.get("rating"):
            return ""
        return self.scale_label(q, value["rating"], translate)

    def demo(
        self, q: Question, rng: random.Random, mood: float, texts: Sequence[str], code: str
    ) -> Any:
        # Ranked best first: a good mood leans to the front.
        index = min(len(self.rank) - 1, int(rng.betavariate(2, 1 + 4 * mood) * len(self.rank)))
        return {"rating": self.rank[index], "evidence": rng.choice(texts) if texts else None}

    def better(self, new: str, old: str) -> int:
        """+1 when `new` is a better rating than `old`, -1 when worse, 0 when the same."""
        if new not in self.rank or old not in self.rank:
            return 0
        a, b = self.rank.index(new), self.rank.index(old)
        return (a < b) - (a > b)
