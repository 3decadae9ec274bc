"""The fixed answers some question types always offer, and the words they share.

:class:`Choice` lives here rather than in :mod:`forms.schema` because the fixed
choices below are made of it and the schema needs the question-type registry;
``forms.schema`` and ``forms.questions`` re-export it.
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
#: Answers that count as agreeing (course reports' "% agree").
AGREE = ("agree", "strongly_agree")


def fixed(*pairs: tuple[str, str]) -> tuple[Choice, ...]:
    """Choices from (value, English label) pairs."""
    return tuple(Choice(value, label) for value, label in pairs)


# Faces are always shown with these words beside them (a face alone is read
# differently by different children, and not at all by a screen reader).
SMILEY3 = fixed(("sad", N_("Sad")), ("ok", N_("OK")), ("happy", N_("Happy")))
SMILEY5 = fixed(
    ("very_sad", N_("Very sad")),
    ("sad", N_("Sad")),
    ("ok", N_("OK")),
    ("happy", N_("Happy")),
    ("very_happy", N_("Very happy")),
)
LIKERT5 = fixed(
    ("strongly_disagree", N_("Strongly disagree")),
    ("disagree", N_("Disagree")),
    ("neither", N_("Neither agree nor disagree")),
    ("agree", N_("Agree")),
    ("strongly_agree", N_("Strongly agree")),
)
AGREE3 = fixed(("disagree", N_("Disagree")), ("not_sure", N_("Not sure")), ("agree", N_("Agree")))
YES_NO = fixed(("yes", N_("Yes")), ("no", N_("No")))
YES_NO_UNSURE = fixed(("yes", N_("Yes")), ("no", N_("No")), ("unsure", N_("Not sure")))
# Digits need no translation, but keeping them as choices keeps every label alike.
SCALE0_10 = tuple(Choice(str(n), str(n)) for n in range(11))
COMPLETED_WITH_HELP = fixed(
    ("nobody", N_("On my own")),
    ("parent_carer", N_("With a parent or carer")),
    ("worker", N_("With a worker")),
    ("facilitator", N_("With a facilitator")),
)
CONSENT_TO_QUOTE = fixed(
    ("yes", N_("Yes, you can use my words (without my name)")),
    ("no", N_("No, please don't quote me")),
)
