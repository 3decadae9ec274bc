"""Heard's free-text analyser: language, sentiment, themes, concern and redaction.

Pure Python and deterministic; downloads nothing. ``analyse_text`` is the one entry
point the rest of Heard uses::

    >>> result = analyse_text("she never listens to me")
    >>> result.themes, result.theme_sentiment["listened_to"]
    (('listened_to',), 'negative')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .concern import Concern, detect_concern
from .language import UNDETERMINED, detect_language
from .redact import redact
from .sentiment import MIXED, NEGATIVE, NEUTRAL, POSITIVE, SentimentScore, analyse_sentiment
from .themes import THEMES, extra_lexicon, find_themes, find_themes_other, theme_sentiment
from .tokens import normalise

__all__ = [
    "Concern",
    "TextResult",
    "analyse_text",
    "detect_concern",
    "detect_language",
    "redact",
]

#: Concern categories that put the child's safety in question (the safety theme).
_SAFETY_CATEGORIES = frozenset(("physical_abuse", "sexual_abuse", "neglect",
                                "emotional_abuse", "domestic_abuse", "exploitation",
                                "bullying_harm", "running_away", "asks_for_help"))


@dataclass(frozen=True)
class TextResult:
    """Everything Heard knows about one free-text answer.

    ``english_analysed`` is False when the text is not English: sentiment is then
    neutral with polarity 0, and themes come from the small per-language lexicons.
    """

    language: str
    sentiment: str
    polarity: float
    themes: tuple[str, ...]
    theme_sentiment: dict[str, str] = field(hash=False)
    concern: bool
    concern_categories: tuple[str, ...]
    concern_matches: tuple[str, ...]
    concern_level: int
    redacted: str
    english_analysed: bool

    def to_json(self, id: Any) -> dict[str, Any]:
        """The `heard analyse-text` output object for this result, under ``id``."""
        return {
            "id": id, "language": self.language, "sentiment": self.sentiment,
            "polarity": self.polarity, "themes": list(self.themes),
            "concern": self.concern, "concern_categories": list(self.concern_categories),
            "redacted": self.redacted, "concern_level": self.concern_level,
            "concern_matches": list(self.concern_matches),
            "theme_sentiment": dict(self.theme_sentiment),
            "english_analysed": self.english_analysed,
        }


def _adjust_for_concern(label: str, polarity: float, concern: Concern, score: SentimentScore,
                        tokens: tuple[str, ...]) -> tuple[str, float]:
    """A disclosure makes an answer negative; beside real praise, mixed.

    A likely disclosure with no feeling words ("he hits me") is negative. An urgent one
    (self-harm) stays negative even when its own words sound happy ("everyone would be
    happier if ..."), unless another clause of the answer praises something.
    """
    if concern.level < 2:
        return label, polarity
    if label in (NEUTRAL, NEGATIVE) or (label == MIXED and polarity <= 0):
        return NEGATIVE, min(polarity, -0.3)
    matched = {w for m in concern.matches for w in m.split()}
    disclosure = [c for c in score.clauses if matched & set(tokens[c.start : c.end])]
    praise = [c for c in score.clauses if c.polarity >= 0.1 and c not in disclosure]
    if concern.level >= 3:
        return (MIXED, polarity) if praise else (NEGATIVE, min(polarity, -0.3))
    if label == POSITIVE and polarity < 0.25:
        return NEGATIVE, min(polarity, -0.3)  # faint praise does not outweigh harm
    if label == POSITIVE and praise and all(c.polarity <= 0 for c in disclosure):
        return MIXED, polarity  # a disclosure buried in happy feedback
    return label, polarity


def analyse_text(text: str, language: str | None = None, *,
                 extra_names: Iterable[str] = (),
                 extra_themes: Mapping[str, Iterable[str]] | None = None,
                 prompt: str | None = None) -> TextResult:
    """Analyse one free-text answer.

    ``language``: the respondent's survey language (ISO 639-1); trusted unless the
    text is plainly in another script; None to detect it. ``extra_names``: names of
    schools, places or services to redact as [place]. ``extra_themes``: the survey's
    own themes as {theme_id: [words or phrase patterns]}. ``prompt``: the question
    answered, if known; it decides whether a bare "nothing" is praise ("What could we
    do better?") or blame ("What was good?").
    """
    text = text or ""
    lang = detect_language(text, language)
    tokens = normalise(text)
    concern = detect_concern(text, lang, tokens)
    english = lang == "en" or (lang == UNDETERMINED and any(t.isalpha() for t in tokens))
    theme_sentiments: dict[str, str] = {}
    if english:
        score = analyse_sentiment(tokens, prompt)
        label, polarity = _adjust_for_concern(score.label, score.polarity, concern, score,
                                              tokens)
        found = find_themes(tokens)
        if extra_themes:
            found.update(find_themes(tokens, extra_lexicon(extra_themes)))
        for theme, indices in found.items():
            theme_sentiments[theme] = theme_sentiment(indices, score)
    else:
        label, polarity = NEUTRAL, 0.0
        for theme in find_themes_other(text, lang):
            theme_sentiments[theme] = NEUTRAL
        if extra_themes:
            for theme in find_themes(tokens, extra_lexicon(extra_themes)):
                theme_sentiments.setdefault(theme, NEUTRAL)
    # A likely disclosure puts the child's safety in question; a "possible" one (level 1)
    # is left to the reader.
    if concern.level >= 2 and set(concern.categories) & _SAFETY_CATEGORIES \
            and "safety" not in theme_sentiments:
        theme_sentiments["safety"] = NEGATIVE
    # Default themes in THEMES.md order, then the survey's own.
    rank = {theme: i for i, theme in enumerate(THEMES)}
    theme_sentiments = dict(sorted(theme_sentiments.items(),
                                   key=lambda item: rank.get(item[0], len(rank))))
    return TextResult(
        language=lang, sentiment=label, polarity=round(polarity, 3),
        themes=tuple(theme_sentiments), theme_sentiment=theme_sentiments,
        concern=concern.concern, concern_categories=concern.categories,
        concern_matches=concern.matches, concern_level=concern.level,
        redacted=redact(text, extra_names), english_analysed=english,
    )
