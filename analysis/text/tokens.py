"""Normalising, tokenising and stemming the way children and families write.

Everything downstream (sentiment, themes, concern) works on one normal form: lower
case, curly quotes straightened, text-speak and common misspellings replaced by the
word meant ("wen" -> "when", "u" -> "you", "dont" -> "do not"), contractions expanded
so that a negation is always its own token ("not"), possessive apostrophes dropped
("mum's" -> "mums", as children usually write it) and punctuation split off as tokens.
Only NLTK's Snowball stemmers are used (no downloaded corpus), imported on first use.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nltk.stem.snowball import SnowballStemmer

#: Words as children and parents type them -> the words meant. Keys are whole tokens.
TEXT_SPEAK: dict[str, str] = {
    # contractions typed without the apostrophe
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "cant": "can not",
    "cannot": "can not",
    "wont": "will not",
    "isnt": "is not",
    "wasnt": "was not",
    "arent": "are not",
    "werent": "were not",
    "havent": "have not",
    "hasnt": "has not",
    "hadnt": "had not",
    "wouldnt": "would not",
    "couldnt": "could not",
    "shouldnt": "should not",
    "aint": "is not",
    "dosent": "does not",
    "dosnt": "does not",
    "didint": "did not",
    "im": "i am",
    "ive": "i have",
    "youre": "you are",
    "theyre": "they are",
    "hes": "he is",
    "shes": "she is",
    "thats": "that is",
    "theres": "there is",
    "whats": "what is",
    "itll": "it will",
    "hed": "he would",
    "theyll": "they will",
    "youll": "you will",
    "lets": "let us",
    # text-speak
    "u": "you",
    "ur": "your",
    "r": "are",
    "y": "why",
    "wen": "when",
    "wot": "what",
    "wat": "what",
    "cos": "because",
    "coz": "because",
    "cuz": "because",
    "bc": "because",
    "becos": "because",
    "becoz": "because",
    "becuz": "because",
    "bcoz": "because",
    "bcos": "because",
    "cus": "because",
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "got to",
    "pls": "please",
    "plz": "please",
    "ppl": "people",
    "idk": "i do not know",
    "dunno": "do not know",
    "nite": "night",
    "tonite": "tonight",
    "2nite": "tonight",
    "2day": "today",
    "2moro": "tomorrow",
    "b4": "before",
    "gr8": "great",
    "gud": "good",
    "luv": "love",
    "wiv": "with",
    "wif": "with",
    "nd": "and",
    "abt": "about",
    "bout": "about",
    "alot": "a lot",
    "noone": "no one",
    "no1": "no one",
    "sum1": "someone",
    "some1": "someone",
    "any1": "anyone",
    "every1": "everyone",
    "sumtimes": "sometimes",
    "somtimes": "sometimes",
    "sometims": "sometimes",
    "evry": "every",
    "evryday": "every day",
    "everyday": "every day",
    "frend": "friend",
    "freind": "friend",
    "frends": "friends",
    "freinds": "friends",
    "becaus": "because",
    "lisen": "listen",
    "lisens": "listens",
    "lissen": "listen",
    "listend": "listened",
    "lisend": "listened",
    "nee": "knee",
    "skool": "school",
    "scool": "school",
    "tuch": "touch",
    "tuches": "touches",
    "tuched": "touched",
    "touchs": "touches",
    "hurted": "hurt",
    "hurtz": "hurts",
    "kil": "kill",
    "urself": "yourself",
    "yourslef": "yourself",
    "kys": "kill yourself",
    "mom": "mum",
    "mommy": "mummy",
    "mam": "mum",
    "mamma": "mummy",
    "mama": "mummy",
    "stepdad": "step dad",
    "stepmum": "step mum",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "thx": "thanks",
    "thanx": "thanks",
    "ty": "thank you",
    "tho": "though",
    "thru": "through",
    "wiht": "with",
    "realy": "really",
    "relly": "really",
    "verry": "very",
    "scard": "scared",
    "scaired": "scared",
    "skared": "scared",
    "hapy": "happy",
    "hapi": "happy",
    "nobodys": "nobody is",
    "nobody's": "nobody is",
    "embarrasing": "embarrassing",
    "embarassing": "embarrassing",
    "truble": "trouble",
    "beleive": "believe",
    "belive": "believe",
    "beleived": "believed",
    "belived": "believed",
    "explane": "explain",
    "explaned": "explained",
    "xplain": "explain",
    "thier": "their",
    "wierd": "weird",
    "defo": "definitely",
    "def": "definitely",
    "probs": "probably",
    "tbf": "to be fair",
    "smth": "something",
    "sth": "something",
    "rly": "really",
    "v": "very",
    "mins": "minutes",
    "hrs": "hours",
    "wks": "weeks",
    "yrs": "years",
    "dnt": "do not",
    "neva": "never",
    "eva": "ever",
    "wana": "want to",
    "kms": "kill myself",
    "hitz": "hits",
    "kickz": "kicks",
    "slapz": "slaps",
    "da": "the",
    "dat": "that",
    "dis": "this",
    "n": "and",
    "ma": "my",
    "mi": "my",
    "h8": "hate",
    "l8": "late",
    "sed": "said",
    "sez": "says",
    "tryna": "trying to",
    "skl": "school",
    "nuthin": "nothing",
    "nothin": "nothing",
    "sumthin": "something",
    "soo": "so",
    "sooo": "so",
}

#: Contractions written with an apostrophe.
CONTRACTIONS: dict[str, str] = {
    "won't": "will not",
    "can't": "can not",
    "shan't": "shall not",
    "ain't": "is not",
    "i'm": "i am",
    "he's": "he is",
    "she's": "she is",
    "it's": "it is",
    "that's": "that is",
    "there's": "there is",
    "what's": "what is",
    "who's": "who is",
    "let's": "let us",
    "here's": "here is",
    "where's": "where is",
    "how's": "how is",
    "nobody's": "nobody is",
    "everyone's": "everyone is",
    "no one's": "no one is",
}
_SUFFIXES = (
    ("n't", " not"),
    ("'re", " are"),
    ("'ve", " have"),
    ("'ll", " will"),
    ("'d", " would"),
    ("'m", " am"),
)

# "ill" is a real word (poorly), so only read it as "i'll" before a verb.
_ILL_VERBS = frozenset(
    "be have go do never just get tell send kill come see try stop make call ring run".split()
)
# "no" after a negated auxiliary is "know": "i didnt no what was happening".
_KNOW_AFTER = frozenset(("not",))
# "2" is "to" after these: "want 2 talk", "going 2 run away".
_TO_BEFORE = frozenset("want wants wanted going need needs talk speak trying used".split())

# Emoji and emoticons carry feeling in children's answers; they become words the
# sentiment lexicon scores ("emojipos", "emojineg").
_HAPPY_EMOJI = "😀😃😄😁😊🙂😍🥰😘👍❤💕💖💗⭐🌟🎉🙌👏😎🤩😆"
_SAD_EMOJI = "😢😭😞😔☹🙁😟😡😠👎💔😩😫😰😨😱🤬😿"
# (😂 is left out: like "lol" it marks tone, often sarcasm.)
_EMOJI = str.maketrans(
    {ch: " emojipos " for ch in _HAPPY_EMOJI} | {ch: " emojineg " for ch in _SAD_EMOJI}
)
_EMOTICONS = re.compile(r"(?<!\w)(?:[:;]-?[)D]|<3)|(?<!\w)(:-?\(|:'\()")

_QUOTES = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
    }
)

# Letters of every script Heard meets, including combining vowel signs (Indic scripts),
# so that a Gurmukhi or Tamil word stays one token.
_LETTER = (
    r"0-9a-z\u00c0-\u024f\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff"
    r"\ufe70-\ufeff\u0900-\u0dff"
)
# What NLTK's RegexpTokenizer does (findall with these flags), without importing NLTK:
# its package import pulls in SciPy and costs every `heard` command about 1.5 s.
TOKENIZER = re.compile(
    rf"£?[{_LETTER}]+(?:'[{_LETTER}]+)*|[.!?,;:()\-]", re.UNICODE | re.MULTILINE | re.DOTALL
)
_REPEAT = re.compile(r"([a-z])\1{2,}")
_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")

_STEMMERS: dict[str, SnowballStemmer] = {}


def _expand(token: str) -> str:
    """Expand one lower-case token into the words it stands for."""
    if token in TEXT_SPEAK:
        return TEXT_SPEAK[token]
    if "'" in token:
        if token in CONTRACTIONS:
            return CONTRACTIONS[token]
        for suffix, full in _SUFFIXES:
            if token.endswith(suffix) and len(token) > len(suffix):
                base = token[: -len(suffix)]
                if suffix == "n't":
                    base = {"ca": "can", "wo": "will", "sha": "shall"}.get(base, base)
                return base + full
        # possessive or stray apostrophe: "mum's" -> "mums", "kids'" -> "kids"
        return token.replace("'", "")
    return token


@lru_cache(maxsize=8192)
def _normalise_cached(text: str) -> tuple[str, ...]:
    if not text.isascii():
        text = text.translate(_EMOJI)
    if ":" in text or "<3" in text:
        text = _EMOTICONS.sub(lambda m: " emojineg " if m.group(1) else " emojipos ", text)
    lowered = _REPEAT.sub(r"\1\1", text.translate(_QUOTES).lower())
    if "-" in lowered:
        lowered = _HYPHEN.sub(" ", lowered)  # "step-dad" is "step dad", "self-harm" two words
    out: list[str] = []
    for raw in TOKENIZER.findall(lowered):
        out.extend(_expand(raw).split())
    for i in range(len(out) - 1):
        if out[i] == "ill" and out[i + 1] in _ILL_VERBS:
            out[i : i + 1] = ["i", "will"]
        elif out[i + 1] == "2" and out[i] in _TO_BEFORE:
            out[i + 1] = "to"  # "want 2 die"
        elif (
            out[i + 1] == "no"
            and out[i] in _KNOW_AFTER
            and i + 2 < len(out)
            and out[i + 2] in ("what", "how", "why", "where", "who", "if", "that")
        ):
            out[i + 1] = "know"
    return tuple(out)


def normalise(text: str) -> tuple[str, ...]:
    """Return the normalised tokens of ``text``.

    ``text``: any free text. The result is lower case, with text-speak expanded,
    contractions split ("didn't" -> "did", "not") and punctuation as its own tokens.
    """
    return _normalise_cached(unicodedata.normalize("NFC", text))


def normal_text(tokens: tuple[str, ...]) -> str:
    """Join normalised tokens into the space-padded string the phrase patterns search.

    The leading and trailing spaces let patterns use ``" word "`` boundaries cheaply.
    """
    return " " + " ".join(tokens) + " "


def stemmer(language: str = "english") -> SnowballStemmer:
    """Return a shared Snowball stemmer for ``language`` (a Snowball language name)."""
    if language not in _STEMMERS:
        # Imported on first use: NLTK's package import is slow (see TOKENIZER).
        from nltk.stem.snowball import SnowballStemmer

        _STEMMERS[language] = SnowballStemmer(language)
    return _STEMMERS[language]


@lru_cache(maxsize=65536)
def stem(word: str, language: str = "english") -> str:
    """Stem one word with Snowball; cached because the same words recur constantly."""
    return stemmer(language).stem(word)


def stems(tokens: tuple[str, ...], language: str = "english") -> frozenset[str]:
    """The set of stems of the word tokens (punctuation left out)."""
    return frozenset(stem(t, language) for t in tokens if t[0].isalnum())


_FOLD = str.maketrans("ąćęłńóśźżăâîșşțţ", "acelnoszzaaisstt")


def fold(text: str) -> str:
    """Fold Polish and Romanian diacritics to plain letters, as many people type them."""
    return text.translate(_FOLD)
