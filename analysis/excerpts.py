"""Choosing representative story excerpts for a theme.

Plain data in, plain data out: the caller (a database query, or a test) hands over a
bounded set of candidate texts for one theme as mappings, and this module picks a few
that may be quoted to a Board. A candidate is a mapping with these keys:

    id              the text analysis id (any hashable; used to keep results stable)
    respondent      who wrote it: the response id. Two texts of one respondent are never
                    both picked, so one voice cannot fill the page.
    text            the REDACTED text. Raw text must never be handed in.
    sentiment       this theme's sentiment in this text: positive, negative or neutral
                    (anything else counts as neutral)
    consent_to_quote  True, False or None (the response's answer)
    asks_consent    whether the survey version asked for consent to quote
    concern         True when the analyser flagged the text as a safeguarding concern
    alerted         True when the response has a safeguarding alert
    voice           optional: the audience (child, parent_carer, ...)
    language        optional: the text's language (ISO 639-1, "und" when not known);
                    "en" when missing
    english_analysed  optional: False when the text is not English, so it has no
                    sentiment of its own; it is then picked as neutral. True when missing

A text may be quoted only when it is not flagged (neither ``concern`` nor ``alerted``)
and the respondent agreed: ``consent_to_quote`` True, or None where the survey never
asked. Missing keys are read in the safe direction (a missing ``concern`` is not taken
as "no concern": see :func:`quotable`).
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

SENTIMENTS = ("positive", "negative", "neutral")
#: How many excerpts a theme gets by default: 3 to 5 reads well on one page.
DEFAULT_COUNT = 5
#: An excerpt is a sentence or two, at most this many characters.
MAX_CHARS = 240
#: Below this an excerpt says too little to stand on its own ("thanks"), so such texts
#: are used only when nothing longer is available.
SHORT_CHARS = 25

_SENTENCE = re.compile(r"(?<=[.!?…])\s+")
_SPACE = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[\W_]+")

Candidate = Mapping[str, object]


@dataclass(frozen=True)
class Excerpt:
    """One quotable excerpt: shortened redacted text with where it came from."""

    text: str
    sentiment: str
    respondent: Hashable
    id: Hashable
    voice: str | None = None
    #: the language the words are in, so a page can mark them (lang, direction, a tag)
    language: str = "en"
    #: False for words in another language: their sentiment was never scored
    english_analysed: bool = True


def quotable(candidate: Candidate) -> bool:
    """Whether a candidate may be quoted: consented (or never asked), and never flagged.

    ``concern`` and ``alerted`` must be present and false; a consent of None counts only
    when ``asks_consent`` is present and false.
    """
    if candidate.get("concern") not in (False, 0) or candidate.get("alerted") not in (False, 0):
        return False
    consent = candidate.get("consent_to_quote")
    if consent is None:
        return candidate.get("asks_consent") in (False, 0)
    return consent in (True, 1)


def shorten(text: str, max_chars: int = MAX_CHARS) -> str:
    """A sentence or two from the start of `text`, at most `max_chars` characters.

    Whitespace (including line breaks) is collapsed. A first sentence longer than the
    limit is cut at a word boundary and ends with an ellipsis.
    """
    flat = _SPACE.sub(" ", text).strip()
    sentences = [s for s in _SENTENCE.split(flat) if s]
    if not sentences:
        return ""
    picked = sentences[0]
    if len(sentences) > 1 and len(picked) + 1 + len(sentences[1]) <= max_chars:
        picked = f"{picked} {sentences[1]}"
    if len(picked) <= max_chars:
        return picked
    cut = picked[: max_chars - 1]
    space = cut.rfind(" ")
    if space > max_chars // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"


def allocate(balance: Mapping[str, int], count: int) -> dict[str, int]:
    """Share `count` excerpt slots between sentiments in proportion to `balance`.

    `balance` maps sentiment to the number of mentions with it. Largest remainders
    break ties, then the order of :data:`SENTIMENTS` (so positive before negative before
    neutral when shares are equal). With no mentions at all, every slot is neutral.
    """
    counts = {s: max(0, int(balance.get(s, 0))) for s in SENTIMENTS}
    total = sum(counts.values())
    if total == 0 or count <= 0:
        return {s: (count if s == "neutral" else 0) for s in SENTIMENTS} if count > 0 else {}
    exact = {s: counts[s] * count / total for s in SENTIMENTS}
    slots = {s: int(exact[s]) for s in SENTIMENTS}
    order = sorted(SENTIMENTS, key=lambda s: (-(exact[s] - slots[s]), SENTIMENTS.index(s)))
    for s in order[: count - sum(slots.values())]:
        slots[s] += 1
    return slots


def _english(candidate: Candidate) -> bool:
    return candidate.get("english_analysed") not in (False, 0)


def _voice(candidate: Candidate) -> str | None:
    voice = candidate.get("voice")
    return None if voice is None else str(voice)


def _sentiment(candidate: Candidate) -> str:
    if not _english(candidate):
        return "neutral"  # never scored: it may fill a neutral slot, never a positive one
    value = candidate.get("sentiment")
    return value if value in ("positive", "negative") else "neutral"


def _fingerprint(text: str) -> str:
    # The same words with different punctuation or case would read as a repeat.
    return _NOT_WORD.sub(" ", text.lower()).strip()


def choose_excerpts(
    candidates: Iterable[Candidate],
    balance: Mapping[str, int] | None = None,
    count: int = DEFAULT_COUNT,
    max_chars: int = MAX_CHARS,
) -> list[Excerpt]:
    """Pick up to `count` excerpts from `candidates` for one theme.

    balance: mentions of the theme by sentiment across ALL its texts (not only these
        candidates), so the excerpts reflect the data rather than the sample; when
        None, the balance of the quotable candidates is used.
    count: how many to pick (the Board report uses 3 to 5; triangulation cells use 1).
    max_chars: passed to :func:`shorten`.

    Only :func:`quotable` candidates are used, never two from one respondent and never
    the same words twice. Within a sentiment, candidates keep the order given (the
    caller's query decides how they are spread), except that very short texts go last.
    When a sentiment has too few candidates, the other sentiments fill its slots,
    largest share first. Excerpts come back positive, then negative, then neutral.
    """
    pools: dict[str, list[tuple[str, Candidate]]] = {s: [] for s in SENTIMENTS}
    for candidate in candidates:
        if not quotable(candidate):
            continue
        text = shorten(str(candidate.get("text") or ""), max_chars)
        if text:
            pools[_sentiment(candidate)].append((text, candidate))
    for pool in pools.values():
        pool.sort(key=lambda item: len(item[0]) < SHORT_CHARS)  # stable: keeps the order
    if balance is None:
        balance = {s: len(pool) for s, pool in pools.items()}
    slots = allocate(balance, count)
    seen_people: set[Hashable] = set()
    seen_words: set[str] = set()
    picked: dict[str, list[Excerpt]] = {s: [] for s in SENTIMENTS}
    cursor = {s: 0 for s in SENTIMENTS}

    def take(sentiment: str) -> bool:
        pool = pools[sentiment]
        while cursor[sentiment] < len(pool):
            text, candidate = pool[cursor[sentiment]]
            cursor[sentiment] += 1
            person = candidate.get("respondent", candidate.get("id"))
            words = _fingerprint(text)
            if person in seen_people or words in seen_words:
                continue
            seen_people.add(person)
            seen_words.add(words)
            picked[sentiment].append(
                Excerpt(
                    text,
                    sentiment,
                    person,
                    candidate.get("id"),
                    _voice(candidate),
                    str(candidate.get("language") or "en"),
                    _english(candidate),
                )
            )
            return True
        return False

    for sentiment in SENTIMENTS:
        for _ in range(slots.get(sentiment, 0)):
            if not take(sentiment):
                break
    # Slots a sentiment could not fill go to the others, largest share of mentions first.
    by_share = sorted(SENTIMENTS, key=lambda s: -int(balance.get(s, 0)))
    while sum(len(p) for p in picked.values()) < count:
        if not any(take(s) for s in by_share):
            break
    return [e for s in SENTIMENTS for e in picked[s]]
