"""Concern detection: does a free-text answer suggest someone is at risk of harm?

A flag puts the text in front of a safeguarding lead, who reads every one, so the
detector errs towards recall. It applies the rules of concern_rules.py to the normal
text, after correcting misspelt trigger words ("tuching", "slaped"), and explains each
flag with the categories and the words that fired. Harmless readings are screened out
by negation just before a trigger ("they never hit each other"), idioms ("this test is
killing me", "my mum will kill me if I'm late lol"), per-rule exclusions in the same
sentence (football, an accident), and training context for rules that fire on a
subject alone (a staff comment on a neglect course).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache

from .concern_rules import CATEGORIES, MULTILINGUAL, RULES, TRAINING, Rule
from .tokens import fold, normal_text, normalise

NONE, POSSIBLE, LIKELY, URGENT = 0, 1, 2, 3

#: Phrases whose trigger words are not meant literally.
_IDIOMS = re.compile(
    r"(?:will|would|is going to|going to|gonna) (?:literally |actually |totally |so |"
    r"absolutely )?(?:kill|murder|strangle|skin) (?:me|us)(?= if| when| for| lol| haha)"
    r"|(?:is|are|was|were|it is|this|that|these|those|feet|back|legs) (?:\S+ )?killing me"
    r"|kill me now|dying (?:to|for|of)|died laughing|killing it|killed it|hit me up"
    r"|(?:want to|wanted to|could|going to|gonna|will) (?:literally )?die (?:of|from) "
    r"(?:embarrassment|shame|boredom|laughing|cringe)"
    r"|beat (?:me|us) (?:at|in|\d)|(?:it|that|this|reality|which) (?:really |suddenly |"
    r"finally )?hit me|push(?:es|ed)? me to|kicked me out of (?:the )?(?:class|lesson|"
    r"game|group|team)|hurt my feelings|starving lol|could eat a horse"
)
#: With these about, "he will kill me if" is a threat, not an idiom.
_REAL_THREAT = re.compile(
    r"\b(?:threat\w*|knife|drunk|hits|hurts|scared|frightened|"
    r"said he|says he|said she|if i tell)\b"
)
_NEGATORS = frozenset(("not", "never", "nobody", "noone", "nothing"))
# Words between a negation and a trigger that show the negation governs something else
# ("nobody believed me about ...", "so no one sees the marks").
_SCOPE_BREAKERS = frozenset(
    "sees see saw seen knows know knew believed believes believe "
    "told tells tell asked noticed notices cares care listens "
    "listened helps helped when because so but and if that what "
    "about want wants one".split()
)
_SENTENCE_END = re.compile(r" [.!?;] ")

#: Trigger words whose misspellings are corrected before matching.
TRIGGER_WORDS = (
    "touching",
    "touched",
    "touches",
    "bullied",
    "bullying",
    "hitting",
    "slapped",
    "slapping",
    "slaps",
    "punched",
    "punches",
    "punching",
    "kicked",
    "kicking",
    "hurting",
    "choked",
    "chokes",
    "strangled",
    "beaten",
    "starving",
    "hungry",
    "missing",
    "raped",
    "molested",
    "groomed",
    "suicide",
    "suicidal",
    "myself",
    "killing",
    "cutting",
    "harming",
    "scared",
    "frightened",
    "threatens",
    "threatened",
    "shouting",
    "screams",
    "screaming",
    "bruises",
    "bruise",
    "naked",
    "secret",
    "tickles",
    "drunk",
    "nobody",
    "someone",
    "somebody",
    "alone",
    "tablets",
    "boyfriend",
    "pictures",
    "because",
    "shouts",
    "smacks",
    "smacked",
    "beats",
    "hurts",
    "angry",
    "strangers",
    "running",
    "sleeping",
    "wardrobe",
    "pretend",
    "worthless",
    "stupid",
)


@dataclass(frozen=True)
class Concern:
    """Why an answer was (or was not) flagged.

    ``level``: 0 none, 1 possible, 2 likely, 3 urgent; ``categories``: ids from
    THEMES.md in its order; ``matches``: the words that fired, one per category found.
    """

    level: int
    categories: tuple[str, ...]
    matches: tuple[str, ...]

    @property
    def concern(self) -> bool:
        """True when a safeguarding lead should read the answer."""
        return self.level > NONE


_NO_CONCERN = Concern(NONE, (), ())


def _compile(pattern: str) -> re.Pattern[str]:
    # Token boundaries: a pattern starts after a space and ends before one (the normal
    # text is space-padded). The literal leading space lets the regex engine skip
    # quickly from space to space, which matters at a thousand texts a second.
    return re.compile(rf" (?:{pattern})(?= )")


@lru_cache(maxsize=1)
def _compiled() -> list[
    tuple[
        Rule,
        list[re.Pattern[str]],
        re.Pattern[str] | None,
        list[tuple[re.Pattern[str], str]],
        list[tuple[re.Pattern[str], str]],
    ]
]:
    out = []
    for rule in RULES:
        patterns = [_compile(p) for p in rule.patterns]
        exclude = re.compile(rule.exclude) if rule.exclude else None
        reassign = [(re.compile(p), cat) for p, cat in rule.reassign]
        also = [(re.compile(p), cat) for p, cat in rule.also]
        out.append((rule, patterns, exclude, reassign, also))
    return out


@lru_cache(maxsize=1)
def _gate() -> re.Pattern[str]:
    """One pattern matching wherever any rule's trigger could: most answers match none,
    and one scan in C is far cheaper than a hundred from Python."""
    return re.compile(" (?:" + "|".join(f"(?:{rule.patterns[0]})" for rule in RULES) + ")(?= )")


_MULTI = [(cat, level, re.compile(p)) for cat, level, p in MULTILINGUAL]
_TRAINING = re.compile(TRAINING)


@lru_cache(maxsize=1)
def _fuzzy_map() -> dict[str, str]:
    """Misspellings of trigger words (one letter dropped, doubled or swapped) -> word.

    Variants that are real English words (TextBlob's Brill lexicon) are left alone, so
    "staring" is never read as "starving".
    """
    known: set[str] = set()
    import textblob

    path = os.path.join(os.path.dirname(textblob.__file__), "en", "en-lexicon.txt")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            known.add(line.split(" ", 1)[0].lower())
    fuzzy: dict[str, str] = {}
    for word in TRIGGER_WORDS:
        variants = set()
        for i in range(len(word)):
            variants.add(word[:i] + word[i + 1 :])  # dropped letter
            variants.add(word[:i] + word[i] + word[i:])  # doubled letter
            if i + 1 < len(word):
                variants.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])  # swap
            for vowel in "aeiou":
                if word[i] in "aeiou":
                    variants.add(word[:i] + vowel + word[i + 1 :])
        for variant in variants - {word}:
            if len(variant) >= 4 and variant not in known:
                fuzzy.setdefault(variant, word)
    return fuzzy


def _correct(tokens: tuple[str, ...]) -> tuple[str, ...]:
    fuzzy = _fuzzy_map()
    return tuple(fuzzy.get(t, t) for t in tokens)


def _sentence(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right = _SENTENCE_END.search(text, end)
    return text[left : right.start() if right else len(text)]


def _negated(text: str, start: int) -> bool:
    """True when a negation governs the words starting at ``start``."""
    before = text[:start].split()[-6:]
    for i in range(len(before) - 1, max(len(before) - 4, -1), -1):
        word = before[i]
        if word in _NEGATORS or (word == "no" and i == len(before) - 1):
            # "if i do not keep sending ...": a condition, not a denial
            return "if" not in before[max(0, i - 3) : i]
        if word in _SCOPE_BREAKERS or not word[0].isalnum():
            return False
    return False


def _idiom_spans(text: str) -> list[tuple[int, int]]:
    if not any(
        w in text
        for w in (
            "kill",
            "murder",
            "hit",
            "beat",
            "push",
            "kick",
            "hurt",
            "starving",
            "dying",
            "died",
            "strangle",
            "skin",
            "horse",
            "die",
        )
    ):
        return []
    spans = []
    for m in _IDIOMS.finditer(text):
        if m.group().startswith(
            ("will", "would", "is going", "going", "gonna")
        ) and _REAL_THREAT.search(text):
            continue
        spans.append(m.span())
    return spans


def _rule_match(
    rule: Rule,
    patterns: list[re.Pattern[str]],
    exclude: re.Pattern[str] | None,
    text: str,
    idioms: list[tuple[int, int]],
    training: bool,
) -> str | None:
    if rule.kind == "topic" and training:
        return None
    for m in patterns[0].finditer(text):
        start, end = m.start() + 1, m.end()  # past the leading space
        if any(s <= start < e for s, e in idioms):
            continue
        if _negated(text, start):
            continue
        if exclude is not None and exclude.search(_sentence(text, start, end)):
            continue
        if all(p.search(text) for p in patterns[1:]):
            return m.group()[1:]
    return None


def _combine(found: dict[str, tuple[int, str]]) -> Concern:
    if not found:
        return _NO_CONCERN
    categories = tuple(c for c in CATEGORIES if c in found)
    return Concern(
        max(level for level, _ in found.values()),
        categories,
        tuple(found[c][1] for c in categories),
    )


def detect_concern(
    text: str, language: str = "en", tokens: tuple[str, ...] | None = None
) -> Concern:
    """Detect whether ``text`` suggests someone is being harmed or at risk.

    ``language``: ISO 639-1 code of the text; English rules run on every Latin-script
    text (families often answer in English whatever the survey language), and the
    phrase lists of concern_rules.MULTILINGUAL on every text. ``tokens``: the
    normalised tokens, if the caller already has them.
    """
    found: dict[str, tuple[int, str]] = {}
    lowered = fold(text.lower())
    for category, level, pattern in _MULTI:
        m = pattern.search(lowered)
        if m and found.get(category, (0, ""))[0] < level:
            found[category] = (level, m.group())
    if tokens is None:
        tokens = normalise(text)
    norm = normal_text(_correct(tokens))
    if not _gate().search(norm):
        return _combine(found)
    idioms = _idiom_spans(norm)
    training = bool(_TRAINING.search(norm))
    alone: dict[str, tuple[int, str]] = {}
    for rule, patterns, exclude, reassign, also in _compiled():
        words = _rule_match(rule, patterns, exclude, norm, idioms, training)
        if words is None:
            continue
        category = rule.category
        for pattern, other in reassign:
            if pattern.search(norm):
                category = other
                break
        target = alone if rule.alone else found
        extra = [other for pattern, other in also if pattern.search(norm)]
        for cat in [category, *extra]:
            if target.get(cat, (0, ""))[0] < rule.level:
                target[cat] = (rule.level, words)
    if not found:
        found = alone
    return _combine(found)


__all__ = ["LIKELY", "NONE", "POSSIBLE", "URGENT", "Concern", "detect_concern"]
