"""The question-type registry: everything Heard knows about each type of question.

One object per type says what a definition may write for it (choices, extra keys),
which WTForms field asks it, how a draft answer goes into and out of that field, how
it is stored (Answer rows of ``value`` and ``number_value``, and any response column it
fills), how check-your-answers shows it, how exports treat it, and what `heard demo`
makes up for it (see :class:`~forms.question_base.QuestionType`). Its partial is
``templates/respond/questions/_<name>.html``. Every type is in the table at the end of
this module; adding one is a class (or an instance of an existing one), a line in the
table or a call to :func:`register`, and one partial.

No flask here: text a person reads goes through the `translate` the caller passes.
"""

from __future__ import annotations

from forms import choices as c
from forms.choices import (  # re-exported: the usual spelling is forms.questions.X
    DEFAULT_MAX_LENGTH,
    DONT_KNOW_VALUES,
    N_,
    PREFER_NOT,
    PREFER_NOT_LABEL,
    Choice,
)
from forms.question_assess import GRADE4, AssessedType
from forms.question_base import COMMON_KEYS, QuestionType, pairing_hash
from forms.question_choice import ChoiceType, ConsentToQuoteType, MultiType, SelectType
from forms.question_open import DateType, NumberType, PairingCodeType, TextType

__all__ = [
    "COMMON_KEYS",
    "DEFAULT_MAX_LENGTH",
    "DONT_KNOW_VALUES",
    "N_",
    "PREFER_NOT",
    "PREFER_NOT_LABEL",
    "QUESTION_TYPES",
    "AssessedType",
    "Choice",
    "QuestionType",
    "pairing_hash",
    "question_type",
    "register",
]

#: Every question type by name, in the order the loader lists them.
QUESTION_TYPES: dict[str, QuestionType] = {}


def register(qtype: QuestionType) -> QuestionType:
    """Add (or replace) a type; its partial must exist under templates/respond/questions/."""
    QUESTION_TYPES[qtype.name] = qtype
    return qtype


def question_type(name: str) -> QuestionType:
    """The type called `name`; a plain one-line answer for a name no longer registered."""
    return QUESTION_TYPES.get(name) or QuestionType(name)


for _type in (
    ChoiceType("smiley3", fixed_choices=c.SMILEY3),
    ChoiceType("smiley5", fixed_choices=c.SMILEY5),
    ChoiceType("likert5", fixed_choices=c.LIKERT5, positive=c.AGREE),
    ChoiceType("agree3", fixed_choices=c.AGREE3),
    ChoiceType("yes_no", fixed_choices=c.YES_NO, lean="yes", positive=("yes",)),
    ChoiceType("yes_no_unsure", fixed_choices=c.YES_NO_UNSURE, lean="yes"),
    ChoiceType("scale0_10", fixed_choices=c.SCALE0_10, paired_scale=True),
    ChoiceType(
        "completed_with_help",
        fixed_choices=c.COMPLETED_WITH_HELP,
        lean="any",
        response_column="completed_with_help",
    ),
    ConsentToQuoteType("consent_to_quote", fixed_choices=c.CONSENT_TO_QUOTE),
    ChoiceType(
        "single", author_choices=True, lean="any", extra_keys=("choices", "prefer_not_to_say")
    ),
    MultiType(
        "multi",
        author_choices=True,
        extra_keys=("choices", "max_choices", "prefer_not_to_say"),
    ),
    SelectType("select", author_choices=True, extra_keys=("choices", "prefer_not_to_say")),
    TextType("text"),
    TextType("textarea", area=True),
    NumberType("number"),
    DateType("date"),
    PairingCodeType("pairing_code"),
    # Audits only (kind: audit): the definition writes what each colour means.
    AssessedType(
        "rag",
        author_choices=True,
        extra_keys=("choices",),
        actions=True,
        rank=("green", "amber", "red"),
    ),
    AssessedType(
        "grade4",
        fixed_choices=GRADE4,
        rank=("outstanding", "good", "requires_improvement", "inadequate"),
    ),
):
    register(_type)
