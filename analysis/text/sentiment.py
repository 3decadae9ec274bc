"""Sentiment of English feedback: TextBlob's lexicon, adapted to how families write.

TextBlob's PatternAnalyzer averages the polarity of the adjectives it knows. Feedback
from children, parents and staff says what matters with verbs and service words
("nobody listened", "we waited weeks", "she never judged me") that its lexicon lacks,
and uses words it scores oddly for this domain ("my little sister", "my own room",
"lol"). So this module keeps TextBlob's word scores, adds a domain lexicon
(sentiment_lexicon.py), reads negation and intensifiers itself, and scores clause by
clause, so that "kind but never rang back" is recognised as mixed.
"""

from __future__ import annotations

from dataclasses import dataclass

from .answers import whole_answer_polarity
from .sentiment_lexicon import (
    ANSWER_FOLLOWERS,
    CONTRASTIVE,
    DOMAIN_PHRASES,
    DOMAIN_STEMS,
    DOMAIN_WORDS,
    DOWNTONERS,
    HELP_VERBS,
    IMPROVE_WORDS,
    INTENSIFIERS,
    LIKE_SUBJECTS,
    NEGATION_NEUTRAL,
    NEGATION_TRANSPARENT,
    NEGATORS,
    STRONG_FLIP,
    SUGGESTION_CUES,
    SUGGESTION_OPENERS,
    ZERO_WORDS,
)
from .tokens import normalise, stem

POSITIVE = "positive"
NEGATIVE = "negative"
MIXED = "mixed"
NEUTRAL = "neutral"

#: The weaker side must carry this share of the stronger side's weight for "mixed".
MIXED_BALANCE = 0.5
MIXED_BALANCE_CONTRAST = 0.3
#: A clause at or beyond this polarity counts as clearly positive (or negative).
THRESHOLD = 0.1
_SENTENCE_END = frozenset(".!?;")
_WORD_WINDOW = 3  # negation reaches this many words ahead ("not really that good")
#: A negation with no sentiment word in reach ("nobody rang", "no heating") is a
#: complaint in feedback far more often than not.
UNRESOLVED_NEGATION = -0.25
#: A request for change ("more staff please") leans negative: something was missing.
SUGGESTION = -0.3

_LEXICON: dict[str, float] | None = None


def _lexicon() -> dict[str, float]:
    """TextBlob's English word polarities, merged with Heard's domain words (once)."""
    global _LEXICON
    if _LEXICON is None:
        from textblob.en import sentiment as pattern_sentiment

        if dict.__len__(pattern_sentiment) == 0:
            pattern_sentiment.load()
        merged: dict[str, float] = {}
        for word, by_pos in dict.items(pattern_sentiment):
            if " " in word:
                continue
            merged[word] = float(by_pos[None][0])
        for word in ZERO_WORDS:
            merged[word] = 0.0
        merged.update(DOMAIN_WORDS)
        _LEXICON = {w: p for w, p in merged.items() if p}
    return _LEXICON


def word_polarity(word: str) -> float:
    """Polarity of one normalised word in this domain, 0.0 when it carries none."""
    lexicon = _lexicon()
    if word in lexicon:
        return lexicon[word]
    if word in ZERO_WORDS or not word.isalpha():
        return 0.0
    return DOMAIN_STEMS.get(stem(word), 0.0)


@dataclass(frozen=True)
class Clause:
    """One clause of an answer and its polarity. ``start``/``end`` index the tokens."""

    start: int
    end: int
    polarity: float
    hits: int


@dataclass(frozen=True)
class SentimentScore:
    """The sentiment of a whole answer and of each of its clauses."""

    label: str
    polarity: float
    clauses: tuple[Clause, ...]

    def clause_at(self, index: int) -> Clause | None:
        """The clause holding the token at ``index``."""
        for clause in self.clauses:
            if clause.start <= index < clause.end:
                return clause
        return None


def split_clauses(tokens: tuple[str, ...]) -> list[tuple[int, int]]:
    """Split token indices into clauses at sentence ends and contrastive words."""
    spans: list[tuple[int, int]] = []
    start = 0
    for i, tok in enumerate(tokens):
        if tok in _SENTENCE_END or (tok in CONTRASTIVE and i > start):
            end = i + 1 if tok in _SENTENCE_END else i
            if end > start:
                spans.append((start, end))
            start = end
    if start < len(tokens):
        spans.append((start, len(tokens)))
    return spans


def _phrase_hits(text: str) -> list[float]:
    return [p for phrase, p in DOMAIN_PHRASES if phrase in text]


def _is_suggestion(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """True when a clause asks for a change ("more staff", "should ring back")."""
    words = [t for t in tokens[start:end] if t.isalpha() and t not in CONTRASTIVE]
    if not words:
        return False
    if words[0] in SUGGESTION_OPENERS and words[1:2] != ["than"]:
        return True
    text = " " + " ".join(words) + " "
    return any(cue in text for cue in SUGGESTION_CUES)


def _score_clause(tokens: tuple[str, ...], start: int, end: int) -> tuple[float, int]:
    """Average polarity of the sentiment words in tokens[start:end] and their count."""
    hits: list[float] = []
    negate = 0  # words still inside a negation's reach
    negated_hit = True  # whether the last negation found a sentiment word
    mult = 1.0  # pending intensifier or downtoner
    mult_left = 0
    helped_with = 0
    suggestion = _is_suggestion(tokens, start, end) and not any(
        t in NEGATORS for t in tokens[start:end]
    )
    i = start
    while i < end:
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < end else ""
        i += 1
        if tok in NEGATORS or (tok == "no" and nxt == "one"):
            if i == 1 and (not nxt.isalpha() or nxt in ANSWER_FOLLOWERS):
                continue  # "Nothing, it was perfect": an answer word, not a negation
            if not negated_hit and tok not in ("nothing", "none"):
                hits.append(UNRESOLVED_NEGATION)
            negate = _WORD_WINDOW + (1 if nxt == "one" else 0)
            # "our plan, not theirs" contrasts rather than complains
            negated_hit = nxt in NEGATION_NEUTRAL or (
                tok == "not" and i >= 2 and tokens[i - 2] == ","
            )
            continue
        if tok in INTENSIFIERS or tok in DOWNTONERS:
            if tok == "too" and (not nxt or not nxt.isalpha()):
                continue  # "me too", "listened too": an "also", not an intensifier
            mult *= INTENSIFIERS.get(tok) or DOWNTONERS[tok]
            mult_left = 2
            if tok == "too" and word_polarity(nxt) >= 0:
                hits.append(-0.3)  # "too long", "too many", "too complicated"
            continue
        if tok in HELP_VERBS and nxt in ("me", "us", "him", "her", "them"):
            helped_with = 5  # "helped me with my anger": the anger is what was helped
        if tok == "well" and (not nxt or word_polarity(nxt) == 0):
            p = 0.0 if tokens[i - 2 : i - 1] == ("as",) else 0.3  # "worked well"
        elif tok == "like" and i >= 2 and tokens[i - 2] in LIKE_SUBJECTS:
            p = 0.4  # "i like", "did not like"; otherwise "like" is a preposition
        elif tok in IMPROVE_WORDS or (tok == "changed" and tokens[i - 2] in ("be", "been")):
            p = 0.6 if negate else word_polarity(tok)
        elif tok in ("kill", "murder") and tokens[i - 2] in ("will", "would", "literally"):
            p = 0.0  # "my mum will kill me if ...": an idiom
        else:
            p = word_polarity(tok)
        if p and helped_with and p < 0 and not negate:
            p = 0.0
        if p:
            if negate and (tok in IMPROVE_WORDS or tok == "changed"):
                p = 0.6  # "nothing could be improved", "would not change a thing"
            elif negate:
                p *= (
                    -1.0
                    if tok in STRONG_FLIP or stem(tok) in STRONG_FLIP
                    else (-0.5 if p < 0 else -0.75)
                )
                if 0 > p > UNRESOLVED_NEGATION:
                    p = UNRESOLVED_NEGATION  # "nobody told me": a complaint, not a shrug
                negated_hit = True
            elif suggestion and p > 0:
                p *= 0.2  # "better parking", "more staff would be good"
            p = max(-1.0, min(1.0, p * mult))
            if nxt == "!":
                p = max(-1.0, min(1.0, p * 1.25))
            hits.append(p)
            mult, mult_left, negate = 1.0, 0, 0
            continue
        if helped_with:
            helped_with -= 1
        if tok.isalpha():
            if negate and tok not in NEGATION_TRANSPARENT:
                negate -= 1
                if not negate and not negated_hit:
                    hits.append(UNRESOLVED_NEGATION)
                    negated_hit = True
            if mult_left:
                mult_left -= 1
                if not mult_left:
                    mult = 1.0
        elif tok in ",:-" or tok in _SENTENCE_END:
            if negate and not negated_hit:
                hits.append(UNRESOLVED_NEGATION)
            negate, negated_hit = 0, True
    if negate and not negated_hit:
        hits.append(UNRESOLVED_NEGATION)
    text = " " + " ".join(tokens[start:end]) + " "
    hits.extend(_phrase_hits(text))
    if suggestion:
        hits.append(SUGGESTION)
    if tokens[start] == "why" and tokens[end - 1] == "?":
        hits.append(SUGGESTION)  # "why is it always ...?" is a complaint
    if not hits:
        return 0.0, 0
    return sum(hits) / len(hits), len(hits)


def analyse_sentiment(tokens: tuple[str, ...] | str, prompt: str | None = None) -> SentimentScore:
    """Score normalised English tokens (or raw text) for sentiment.

    ``prompt``: the question answered, if known; it decides what a bare "nothing" means.
    Returns the label (positive, negative, mixed or neutral), the polarity in -1..1
    rounded to 3 places, and the clauses with their own polarity, which theme tagging
    uses to give each theme its own sentiment.
    """
    if isinstance(tokens, str):
        tokens = normalise(tokens)
    whole = whole_answer_polarity(tokens, prompt)
    if whole is not None:
        label = POSITIVE if whole > 0 else NEGATIVE if whole < 0 else NEUTRAL
        return SentimentScore(label, whole, (Clause(0, len(tokens), whole, 1),))
    clauses = []
    for start, end in split_clauses(tokens):
        polarity, hits = _score_clause(tokens, start, end)
        clauses.append(Clause(start, end, polarity, hits))
    scored = [c for c in clauses if c.hits]
    if not scored:
        return SentimentScore(NEUTRAL, 0.0, tuple(clauses))
    # A clause after "but" carries the writer's conclusion, so it weighs more.
    weights = []
    for c in scored:
        weights.append(1.5 if tokens[c.start] in CONTRASTIVE else 1.0)
    polarity = sum(c.polarity * w for c, w in zip(scored, weights, strict=True)) / sum(weights)
    polarity = round(max(-1.0, min(1.0, polarity)), 3)
    # Mixed when clearly positive and clearly negative clauses both carry real weight;
    # one grumble in a page of praise leaves the answer positive.
    pos_mass = sum(c.polarity * c.hits for c in scored if c.polarity >= THRESHOLD)
    neg_mass = -sum(c.polarity * c.hits for c in scored if c.polarity <= -THRESHOLD)
    # An explicit "but" between the two views is enough for a smaller share.
    balance = (
        MIXED_BALANCE_CONTRAST
        if any(tokens[c.start] in CONTRASTIVE for c in scored)
        else MIXED_BALANCE
    )
    if pos_mass and neg_mass and min(pos_mass, neg_mass) >= balance * max(pos_mass, neg_mass):
        label = MIXED
    elif polarity >= THRESHOLD:
        label = POSITIVE
    elif polarity <= -THRESHOLD:
        label = NEGATIVE
    else:
        label = NEUTRAL
    return SentimentScore(label, polarity, tuple(clauses))


def textblob_polarity(text: str) -> float:
    """Plain TextBlob (PatternAnalyzer) polarity of raw text: the evaluation baseline."""
    from textblob.en import sentiment as pattern_sentiment

    return float(pattern_sentiment(text)[0])
