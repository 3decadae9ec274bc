"""Theme tagging: which themes of THEMES.md (and a survey's own) an answer touches.

Words are matched by Snowball stem, phrases by regular expressions over the normal
text (themes_lexicon.py). Each theme remembers where it was found, so that it can take
the sentiment of its own clause: in "she was kind but never rang back", respected is
positive and communication negative, and "didn't listen" makes listened_to negative
because the sentiment of that clause is negated.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from .sentiment import NEGATIVE, NEUTRAL, POSITIVE, THRESHOLD, SentimentScore
from .themes_lexicon import ENGLISH
from .themes_other import OTHER_LANGUAGES
from .tokens import fold, normal_text, stem

#: Theme ids in THEMES.md order.
THEMES = tuple(ENGLISH)
#: What may follow a stem for a word to count as a form of a lexicon word.
INFLECTIONS = frozenset(
    ("", "s", "es", "ed", "d", "ing", "e", "er", "ers", "y", "ies", "ied", "est", "ly")
)
_PHRASE_CHARS = re.compile(r"[\s\\()\[\]?*+|^$.{}]")


@dataclass(frozen=True)
class Lexicon:
    """A compiled theme lexicon: stem -> themes, and one phrase regex per theme."""

    stems: Mapping[str, tuple[str, ...]]
    words: Mapping[str, tuple[str, ...]]
    phrases: tuple[tuple[str, re.Pattern[str]], ...]
    order: tuple[str, ...]


def compile_lexicon(themes: Mapping[str, Iterable[str]]) -> Lexicon:
    """Compile {theme_id: [words or phrase patterns]} into a Lexicon.

    A plain word is matched by its English Snowball stem plus an inflection ("listen"
    finds "listened"); "=word" matches that word only; an entry with spaces or regex
    syntax is a phrase over the normal text (see themes_lexicon.py).
    """
    stems: dict[str, list[str]] = {}
    words: dict[str, list[str]] = {}
    phrases = []
    for theme, entries in themes.items():
        parts = []
        for entry in entries:
            entry = entry.strip()
            if "\\" not in entry:
                entry = entry.lower()  # not a regex like \S, whose case is its meaning
            if not entry:
                continue
            if entry.startswith("="):
                parts.append(re.escape(entry[1:]))  # "=caring": this word only
            elif _PHRASE_CHARS.search(entry) or "-" in entry:
                parts.append(entry)
            else:
                stems.setdefault(stem(entry), []).append(theme)
                words.setdefault(entry, []).append(theme)
        if parts:
            pattern = "|".join(f"(?:{p})" for p in parts)
            # a literal leading space: the regex engine skips from space to space
            phrases.append((theme, re.compile(rf" (?:{pattern})(?= )")))
    return Lexicon(
        {k: tuple(dict.fromkeys(v)) for k, v in stems.items()},
        {k: tuple(dict.fromkeys(v)) for k, v in words.items()},
        tuple(phrases),
        tuple(themes),
    )


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The default English lexicon of THEMES.md."""
    return compile_lexicon(ENGLISH)


@lru_cache(maxsize=64)
def _extra_lexicon(items: tuple[tuple[str, tuple[str, ...]], ...]) -> Lexicon:
    return compile_lexicon(dict(items))


def find_themes(tokens: tuple[str, ...], lexicon: Lexicon | None = None) -> dict[str, list[int]]:
    """Map each theme found in normalised English ``tokens`` to the token indices where
    it was found, in the lexicon's theme order."""
    lexicon = lexicon or default_lexicon()
    hits: dict[str, list[int]] = {}
    stems_map = lexicon.stems
    for i, tok in enumerate(tokens):
        if tok[0].isalnum():
            themes = lexicon.words.get(tok)
            if themes is None:
                root = stem(tok)
                themes = stems_map.get(root, ())
                # Inflections only: "listened" finds "listen"; "management" is not
                # a form of "manageable" though both stem to "manag".
                if not (tok.startswith(root) and tok[len(root) :] in INFLECTIONS):
                    themes = ()
            for theme in themes:
                hits.setdefault(theme, []).append(i)
    text = normal_text(tokens)
    starts: list[int] | None = None
    for theme, pattern in lexicon.phrases:
        for m in pattern.finditer(text):
            if starts is None:
                starts = [s.start() + 1 for s in re.finditer(" ", text)][:-1]
            hits.setdefault(theme, []).append(bisect_right(starts, m.start() + 1) - 1)
    return {t: sorted(hits[t]) for t in lexicon.order if t in hits}


def find_themes_other(text: str, language: str) -> list[str]:
    """Themes of a non-English answer from the small per-language lexicons."""
    lexicon = OTHER_LANGUAGES.get(language)
    if not lexicon:
        return []
    folded = fold(text.lower())
    words = folded.split()
    found = []
    for theme, prefixes in lexicon.items():
        if any(w.startswith(p) for w in words for p in prefixes) or any(
            " " in p and p in folded for p in prefixes
        ):
            found.append(theme)
    return [t for t in THEMES if t in found]


def theme_sentiment(indices: list[int], score: SentimentScore) -> str:
    """Sentiment of one theme: that of the clauses it was found in, else the answer's."""
    values = []
    for index in indices:
        clause = score.clause_at(index)
        if clause is not None and clause.hits:
            values.append(clause.polarity)
    polarity = sum(values) / len(values) if values else score.polarity
    if polarity >= THRESHOLD:
        return POSITIVE
    if polarity <= -THRESHOLD:
        return NEGATIVE
    return NEUTRAL


def extra_lexicon(extra_themes: Mapping[str, Iterable[str]]) -> Lexicon:
    """Compile (and cache) a survey's own themes."""
    return _extra_lexicon(tuple((k, tuple(v)) for k, v in extra_themes.items()))
