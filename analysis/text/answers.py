"""Bare answers whose meaning depends on the question asked.

"Nothing" answers "What could we do better?" with praise, "What was good?" with blame,
and "Anything else you want to tell us?" with nothing at all. Heard passes the question
when it knows it; without one, such answers are neutral.
"""

from __future__ import annotations

from .tokens import normal_text, normalise

#: Whole answers that say "nothing" (to add, to improve, to praise).
NOTHING_ANSWERS = frozenset(
    (
        "nothing",
        "none",
        "no",
        "nope",
        "nothing at all",
        "nothing really",
        "not really",
        "not a thing",
        "nothing else",
        "absolutely nothing",
        "nothing whatsoever",
        "na",
        "n a",
        "no comment",
        "no comments",
        "nothing to add",
        "nothing to say",
        "nothing i can think of",
        "can not think of anything",
        "nothing comes to mind",
        "not much",
        "not a lot",
        "nothing much",
        "no nothing",
        "none really",
        "nil",
        "nothing that i can think of",
        "not that i can think of",
        "nothing more",
        "no thanks",
        "no thank you",
        "nothing thanks",
        "nothing thank you",
        "for me nothing",
        "nothing better",
        "nothing obvious",
        "nothing at this time",
        "nothing so far",
        "not much to say",
        "nothing much to say",
        "not a lot to say",
        "nothing else to say",
        "nothing to report",
        "nothing to mention",
    )
)
EVERYTHING_ANSWERS = frozenset(
    ("everything", "absolutely everything", "all of it", "everything really", "all", "the lot")
)

#: Cues that a question asks what should change, or what was good.
IMPROVE_PROMPTS = (
    " improve ",
    " better ",
    " do differently ",
    " change ",
    " could we do ",
    " improvement ",
)
GOOD_PROMPTS = (" was good ", " went well ", " did well ", " like most ", " best ")


def prompt_kind(prompt: str | None) -> str | None:
    """Classify the question an answer replies to: "improve", "good" or None.

    "What could we do better?" makes "nothing" praise; "What was good?" makes it blame.
    """
    if not prompt:
        return None
    text = normal_text(normalise(prompt))
    if any(cue in text for cue in IMPROVE_PROMPTS):
        return "improve"
    if any(cue in text for cue in GOOD_PROMPTS):
        return "good"
    return None


def whole_answer_polarity(tokens: tuple[str, ...], prompt: str | None) -> float | None:
    """Polarity of a bare "nothing" / "everything" answer, which depends on the question.

    ``tokens``: the answer's normalised tokens; ``prompt``: the question, if known.
    Returns None when the answer is not such a bare answer.
    """
    kind = prompt_kind(prompt)
    words = " ".join(t for t in tokens if t.isalpha())
    if words in NOTHING_ANSWERS:
        return {"improve": 0.5, "good": -0.5}.get(kind or "", 0.0)
    if words in EVERYTHING_ANSWERS:
        return {"improve": -0.5, "good": 0.5}.get(kind or "", 0.0)
    return None
