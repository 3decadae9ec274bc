"""The features the learned models read: word and character n-grams of an answer.

One function, :func:`ngrams`, serves both sides: scikit-learn calls it as the analyser
of its TfidfVectorizer when `heard text train` builds the models, and the model at run
time calls it to look the same n-grams up in the stored vocabulary. So training and
scoring can never disagree about what a feature is.

Words (unigrams and bigrams) carry meaning; character n-grams inside words carry
misspellings and text-speak ("hitts", "tuchd", "cnt") to the words they resemble, and
work for every script. Short answers also get features joined with the kind of
question they answer, so "nothing" to "What could we do better?" can learn to be praise.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from .answers import prompt_kind

#: A word: letters or digits of any script, with inner apostrophes ("don't", "mum's").
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
#: Where a sentence ends: punctuation runs, new lines, and ", but" style turns.
_SENTENCE = re.compile(r"(?:[.!?;:\n\u06d4\u061f\u0964]+|\s+(?:but|tho|though|although)\s+)")
CHAR_SIZES = (2, 3, 4, 5)
#: Answers this short or shorter also get question-kind features.
SHORT_ANSWER = 4


def words(text: str) -> list[str]:
    """Lower-cased words of ``text``, compatibility-folded (full-width, ligatures)."""
    text = unicodedata.normalize("NFKC", text).lower().replace("\u2019", "'")
    return _WORD.findall(text)


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` that have at least one word (for per-sentence scoring)."""
    return [part for part in _SENTENCE.split(text) if _WORD.search(part)]


def token_grams(token: str) -> list[str]:
    """The features of one word on its own: the word, and its character n-grams."""
    padded = f" {token} "
    out = [f"w:{token}"]
    for size in CHAR_SIZES:
        out += [f"c:{padded[i : i + size]}" for i in range(len(padded) - size + 1)]
    return out


def context_grams(tokens: list[str], prompt: str | None = None) -> list[str]:
    """The features that need more than one word: word pairs and the question's kind."""
    out = [f"w:{a} {b}" for a, b in itertools.pairwise(tokens)]
    kind = prompt_kind(prompt)
    if kind:
        out.append(f"q:{kind}")
        if len(tokens) <= SHORT_ANSWER:
            out += [f"q:{kind}:{t}" for t in tokens]
            out.append(f"q:{kind}:len{len(tokens)}")
    if len(tokens) <= SHORT_ANSWER:
        out.append(f"q:len{len(tokens)}")
    return out


def ngrams(text: str, prompt: str | None = None) -> list[str]:
    """Every feature of one answer, with repeats (term frequency counts them).

    ``prompt``: the question answered, if known. Word features are prefixed ``w:``,
    character features ``c:`` and question features ``q:``, so they never collide.
    The model at run time builds the same list from token_grams (cached per word) and
    context_grams.
    """
    tokens = words(text)
    out = [g for token in tokens for g in token_grams(token)]
    return out + context_grams(tokens, prompt)
