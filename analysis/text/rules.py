"""The rules tier of the text analyser: lexicons, patterns and TextBlob, as written by hand.

The rules explain themselves (the words that matched), know urgency, and read the
other languages' phrase lists; analysis.text combines them with the learned tier
(analysis.text.model). ``analyse_rules`` alone is the "rules" column of `heard eval-text`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .concern import Concern, detect_concern
from .language import UNDETERMINED, detect_language
from .redact import redact
from .result import TextResult
from .sentiment import MIXED, NEGATIVE, NEUTRAL, POSITIVE, SentimentScore, analyse_sentiment
from .themes import THEMES, extra_lexicon, find_themes, find_themes_other, theme_sentiment
from .tokens import normalise

#: Concern categories that put the child's safety in question (the safety theme).
SAFETY_CATEGORIES = frozenset(
    (
        "physical_abuse",
        "sexual_abuse",
        "neglect",
        "emotional_abuse",
        "domestic_abuse",
        "exploitation",
        "bullying_harm",
        "running_away",
        "asks_for_help",
    )
)


def _adjust_for_concern(
    label: str, polarity: float, concern: Concern, score: SentimentScore, tokens: tuple[str, ...]
) -> tuple[str, float]:
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


def analyse_rules(
    text: str,
    language: str | None = None,
    *,
    extra_names: Iterable[str] = (),
    extra_themes: Mapping[str, Iterable[str]] | None = None,
    prompt: str | None = None,
) -> TextResult:
    """Analyse one free-text answer with the rules alone (parameters as for
    analysis.text.analyse_text)."""
    text = text or ""
    lang = detect_language(text, language)
    tokens = normalise(text)
    concern = detect_concern(text, lang, tokens)
    english = lang == "en" or (lang == UNDETERMINED and any(t.isalpha() for t in tokens))
    theme_sentiments: dict[str, str] = {}
    if english:
        score = analyse_sentiment(tokens, prompt)
        label, polarity = _adjust_for_concern(score.label, score.polarity, concern, score, tokens)
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
    if (
        concern.level >= 2
        and set(concern.categories) & SAFETY_CATEGORIES
        and "safety" not in theme_sentiments
    ):
        theme_sentiments["safety"] = NEGATIVE
    # Default themes in THEMES.md order, then the survey's own.
    rank = {theme: i for i, theme in enumerate(THEMES)}
    theme_sentiments = dict(
        sorted(theme_sentiments.items(), key=lambda item: rank.get(item[0], len(rank)))
    )
    return TextResult(
        language=lang,
        sentiment=label,
        polarity=round(polarity, 3),
        themes=tuple(theme_sentiments),
        theme_sentiment=theme_sentiments,
        concern=concern.concern,
        concern_categories=concern.categories,
        concern_matches=concern.matches,
        concern_level=concern.level,
        redacted=redact(text, extra_names),
        english_analysed=english,
        concern_score=1.0 if concern.concern else 0.0,
        concern_reasons=concern.matches,
    )
