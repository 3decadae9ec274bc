"""One made-up answer to one question, in the voice of the survey's audience.

Shared by the demo's responses, reading list and training course, so each of them leans
positive the same way and draws its free text from the same invented voices.
"""

from __future__ import annotations

import random

from feedback.demo import texts
from forms.schema import Definition, Question

TEXTS = {
    "child": texts.CHILD,
    "parent_carer": texts.PARENT,
    "staff": texts.STAFF,
    "community": texts.COMMUNITY,
    "focus_group": texts.FOCUS,
}


def answer(
    rng: random.Random, definition: Definition, q: Question, mood: float, code: str
) -> object:
    """A made-up answer to `q`, leaning positive by `mood` (0..1); the type decides how."""
    return q.qtype.demo(q, rng, mood, TEXTS.get(definition.audience, texts.COMMUNITY), code)
