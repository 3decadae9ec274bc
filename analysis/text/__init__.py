"""Heard's free-text analyser: language, sentiment, themes, concern and redaction.

Two tiers, combined here. The rules (analysis.text.rules) are hand-written lexicons
and patterns: they explain a flag with the words that matched, know urgency, and read
the other languages' phrase lists. The learned tier (analysis.text.model) is linear
models over word and character n-grams trained on a labelled corpus (`heard text
train`): it generalises to wordings nobody wrote a rule for. A concern is raised when
either tier raises it; sentiment and themes come from the model, with the rules
filling in what the model does not know (mixed versus neutral, the survey's own themes).

Deterministic, and downloads nothing. ``analyse_text`` is the one entry point the rest
of Heard uses::

    >>> result = analyse_text("she never listens to me")
    >>> result.themes
    ('listened_to',)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .answers import whole_answer_polarity
from .concern import Concern, detect_concern
from .language import detect_language
from .model import LearnedModel, ModelScores, shipped_model
from .redact import redact
from .result import TextResult
from .rules import SAFETY_CATEGORIES, analyse_rules
from .sentiment import MIXED, NEGATIVE, NEUTRAL, POSITIVE
from .themes import THEMES
from .tokens import normalise

__all__ = [
    "Concern",
    "TextResult",
    "analyse_rules",
    "analyse_text",
    "analyse_tiers",
    "detect_concern",
    "detect_language",
    "redact",
]

#: A flag from the model alone is a likely concern: a lead reads it today.
MODEL_LEVEL = 2
_RANK = {theme: i for i, theme in enumerate(THEMES)}


def _ordered(theme_sentiments: dict[str, str]) -> dict[str, str]:
    """Default themes in THEMES.md order, then the survey's own."""
    return dict(sorted(theme_sentiments.items(), key=lambda kv: _RANK.get(kv[0], len(_RANK))))


def _sentiment(
    rules: TextResult, scores: ModelScores, weight: float, text: str, prompt: str | None
) -> tuple[str, float]:
    """The model's three classes with the rules' vote added (``weight``, chosen by
    cross-validation), and the rules telling mixed from neutral.

    A bare "nothing" or "everything" means only what the question makes it mean, which
    the rules read from the question's wording; without a question it is neutral.
    """
    if whole_answer_polarity(normalise(text), prompt) is not None:
        return rules.sentiment, rules.polarity
    probs = dict(scores.sentiment_probabilities)
    vote = rules.sentiment if rules.sentiment in ("positive", "negative") else "other"
    probs[vote] += weight
    label = max(probs, key=probs.__getitem__)
    polarity = round(
        scores.sentiment_probabilities["positive"] - scores.sentiment_probabilities["negative"], 3
    )
    if label != "other":
        return label, polarity
    if rules.sentiment in (MIXED, NEUTRAL):
        return rules.sentiment, polarity
    return MIXED, polarity


def _combine(
    rules: TextResult,
    scores: ModelScores,
    model: LearnedModel,
    text: str,
    prompt: str | None,
    *,
    use_rules: bool = True,
) -> TextResult:
    """Merge the two tiers (``use_rules=False``: the model's own answer, for eval-text)."""
    model_flag = scores.flagged(model)
    rules_flag = rules.concern and use_rules
    concern = model_flag or rules_flag
    categories: tuple[str, ...] = rules.concern_categories if rules_flag else ()
    if model_flag:
        found = set(categories) | set(model.found_categories(scores))
        categories = tuple(c for c in model.categories if c in found)
    level = rules.concern_level if rules_flag else MODEL_LEVEL if model_flag else 0
    matches = rules.concern_matches if rules_flag else ()
    reasons: tuple[str, ...] = matches
    if model_flag:
        reasons += tuple(w for w in model.strongest_words(text, prompt) if w not in reasons)
    if rules.english_analysed:
        weight = model.rules_sentiment_weight if use_rules else 0.0
        label, polarity = _sentiment(rules, scores, weight, text, prompt)
        # A disclosure is never good news: beside real praise it is mixed, else negative.
        if concern and label == POSITIVE:
            label = MIXED
        elif concern and label == NEUTRAL:
            label, polarity = NEGATIVE, min(polarity, -0.3)
    else:  # other languages stay out of sentiment shares (README: languages)
        label, polarity = NEUTRAL, 0.0
    found_themes = set(model.found_themes(scores))
    if use_rules and rules.english_analysed:
        found_themes |= set(rules.themes) & model.themes_from_either_tier
    theme_sentiments = {t: rules.theme_sentiment.get(t, label) for t in found_themes}
    if use_rules:  # the survey's own themes and the other languages' lexicons
        for theme, sentiment in rules.theme_sentiment.items():
            if theme not in _RANK or not rules.english_analysed:
                theme_sentiments.setdefault(theme, sentiment)
    if concern and level >= 2 and set(categories) & SAFETY_CATEGORIES:
        theme_sentiments.setdefault("safety", NEGATIVE)
    theme_sentiments = _ordered(theme_sentiments)
    return TextResult(
        language=rules.language,
        sentiment=label,
        polarity=polarity,
        themes=tuple(theme_sentiments),
        theme_sentiment=theme_sentiments,
        concern=concern,
        concern_categories=categories,
        concern_matches=matches,
        concern_level=level,
        redacted=rules.redacted,
        english_analysed=rules.english_analysed,
        concern_score=round(scores.concern, 4),
        concern_reasons=reasons,
    )


def analyse_tiers(
    text: str,
    language: str | None = None,
    *,
    extra_names: Iterable[str] = (),
    extra_themes: Mapping[str, Iterable[str]] | None = None,
    prompt: str | None = None,
) -> dict[str, TextResult]:
    """The shipped analyser and its two halves: {"analyser", "rules", "model"}.

    Without a built model the analyser is the rules alone (and "model" is absent).
    """
    text = text or ""
    rules = analyse_rules(
        text, language, extra_names=extra_names, extra_themes=extra_themes, prompt=prompt
    )
    model = shipped_model()
    if model is None:
        return {"analyser": rules, "rules": rules}
    scores = model.score(text, prompt)
    return {
        "analyser": _combine(rules, scores, model, text, prompt),
        "rules": rules,
        "model": _combine(rules, scores, model, text, prompt, use_rules=False),
    }


def analyse_text(
    text: str,
    language: str | None = None,
    *,
    extra_names: Iterable[str] = (),
    extra_themes: Mapping[str, Iterable[str]] | None = None,
    prompt: str | None = None,
) -> TextResult:
    """Analyse one free-text answer.

    ``language``: the respondent's survey language (ISO 639-1); trusted unless the
    text is plainly in another script; None to detect it. ``extra_names``: names of
    schools, places or services to redact as [place]. ``extra_themes``: the survey's
    own themes as {theme_id: [words or phrase patterns]}. ``prompt``: the question
    answered, if known; it decides whether a bare "nothing" is praise ("What could we
    do better?") or blame ("What was good?").
    """
    from .local import analyse_with

    return analyse_with(
        shipped_model(),
        text,
        language,
        extra_names=extra_names,
        extra_themes=extra_themes,
        prompt=prompt,
    )
