"""The question-type registry: what each type of survey question is and accepts.

Each entry of :data:`QUESTION_TYPES` says whether the type has choices, whether
those choices are fixed (a smiley scale always offers the same faces) or given by
the survey author, whether it is free text, and which extra keys a question of
that type may carry in a definition file. The loader validates against it and the
form builder renders from it, so adding a type starts here.

:class:`Choice` lives here rather than in :mod:`forms.schema` because the fixed
choices below are made of it and the schema needs the registry; ``forms.schema``
re-exports it, so ``from forms.schema import Choice`` is the usual spelling.
"""

from __future__ import annotations

from dataclasses import dataclass


def N_(message: str) -> str:
    """Mark *message* for translation without translating it now.

    The fixed labels are English source strings: Babel finds them through this
    marker (and the survey extractor copies them into the ``surveys`` catalog),
    and they are translated when a page is rendered in the respondent's language.
    """
    return message


@dataclass(frozen=True)
class Choice:
    """One answer a closed question offers: *value* is stored, *label* is shown."""

    value: str
    label: str


#: The value stored when someone picks "Prefer not to say".
PREFER_NOT = "prefer_not_to_say"
#: Its English label.
PREFER_NOT_LABEL = N_("Prefer not to say")
#: Choice values that mean "I don't know": like prefer-not-to-say, they leave an
#: outcome's denominator unless the outcome lists its own exclusions.
DONT_KNOW_VALUES = frozenset({"unsure", "not_sure", "dont_know"})
#: The longest free-text answer accepted when a question sets no max_length.
DEFAULT_MAX_LENGTH = 5000

# Keys every question accepts, whatever its type.
COMMON_KEYS = ("id", "type", "text", "hint", "required", "show_if")


@dataclass(frozen=True)
class QuestionType:
    """What the loader and builder need to know about one type of question.

    name: the ``type`` written in a definition file.
    closed: answers are picked from choices (stored as choice values).
    free_text: answers are typed text (analysed for sentiment, themes, concern).
    fixed_choices: the choices every question of this type offers; empty for
        open types and for types whose choices the author gives.
    author_choices: the definition must give ``choices``.
    extra_keys: keys this type accepts beyond :data:`COMMON_KEYS`.
    """

    name: str
    closed: bool
    free_text: bool = False
    fixed_choices: tuple[Choice, ...] = ()
    author_choices: bool = False
    extra_keys: tuple[str, ...] = ()

    @property
    def allowed_keys(self) -> tuple[str, ...]:
        """Every key a question of this type may carry."""
        return COMMON_KEYS + self.extra_keys


def _fixed(*pairs: tuple[str, str]) -> tuple[Choice, ...]:
    return tuple(Choice(value, label) for value, label in pairs)


_CLOSED_KEYS = ("prefer_not_to_say",)

_TYPES = (
    # Faces are always shown with these words beside them (a face alone is read
    # differently by different children, and not at all by a screen reader).
    QuestionType(
        "smiley3",
        closed=True,
        fixed_choices=_fixed(("sad", N_("Sad")), ("ok", N_("OK")), ("happy", N_("Happy"))),
        extra_keys=_CLOSED_KEYS,
    ),
    QuestionType(
        "smiley5",
        closed=True,
        fixed_choices=_fixed(
            ("very_sad", N_("Very sad")),
            ("sad", N_("Sad")),
            ("ok", N_("OK")),
            ("happy", N_("Happy")),
            ("very_happy", N_("Very happy")),
        ),
        extra_keys=_CLOSED_KEYS,
    ),
    QuestionType(
        "likert5",
        closed=True,
        fixed_choices=_fixed(
            ("strongly_disagree", N_("Strongly disagree")),
            ("disagree", N_("Disagree")),
            ("neither", N_("Neither agree nor disagree")),
            ("agree", N_("Agree")),
            ("strongly_agree", N_("Strongly agree")),
        ),
        extra_keys=_CLOSED_KEYS,
    ),
    QuestionType(
        "agree3",
        closed=True,
        fixed_choices=_fixed(
            ("disagree", N_("Disagree")),
            ("not_sure", N_("Not sure")),
            ("agree", N_("Agree")),
        ),
        extra_keys=_CLOSED_KEYS,
    ),
    QuestionType(
        "yes_no",
        closed=True,
        fixed_choices=_fixed(("yes", N_("Yes")), ("no", N_("No"))),
        extra_keys=_CLOSED_KEYS,
    ),
    QuestionType(
        "yes_no_unsure",
        closed=True,
        fixed_choices=_fixed(("yes", N_("Yes")), ("no", N_("No")), ("unsure", N_("Not sure"))),
        extra_keys=_CLOSED_KEYS,
    ),
    QuestionType(
        "scale0_10",
        closed=True,
        # Digits need no translation, but marking them keeps every label alike.
        fixed_choices=tuple(Choice(str(n), str(n)) for n in range(11)),
        extra_keys=_CLOSED_KEYS,
    ),
    QuestionType(
        "completed_with_help",
        closed=True,
        fixed_choices=_fixed(
            ("nobody", N_("On my own")),
            ("parent_carer", N_("With a parent or carer")),
            ("worker", N_("With a worker")),
            ("facilitator", N_("With a facilitator")),
        ),
        extra_keys=_CLOSED_KEYS,
    ),
    QuestionType(
        "consent_to_quote",
        closed=True,
        fixed_choices=_fixed(
            ("yes", N_("Yes, you can use my words (without my name)")),
            ("no", N_("No, please don't quote me")),
        ),
        extra_keys=_CLOSED_KEYS,
    ),
    QuestionType(
        "single",
        closed=True,
        author_choices=True,
        extra_keys=("choices",) + _CLOSED_KEYS,
    ),
    QuestionType(
        "multi",
        closed=True,
        author_choices=True,
        extra_keys=("choices", "max_choices") + _CLOSED_KEYS,
    ),
    QuestionType(
        "select",
        closed=True,
        author_choices=True,
        extra_keys=("choices",) + _CLOSED_KEYS,
    ),
    QuestionType("text", closed=False, free_text=True, extra_keys=("max_length",)),
    QuestionType("textarea", closed=False, free_text=True, extra_keys=("max_length",)),
    QuestionType("number", closed=False, extra_keys=("min", "max")),
    QuestionType("date", closed=False),
    # A self-made anonymous code (stored hashed) pairing pre- and post-course answers.
    QuestionType("pairing_code", closed=False),
)

#: Every question type by name, in the order above.
QUESTION_TYPES: dict[str, QuestionType] = {t.name: t for t in _TYPES}
