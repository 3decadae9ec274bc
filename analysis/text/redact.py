"""Redaction: take personal details out of free text before any excerpt leaves Heard.

Replaces e-mail addresses with [email], phone numbers with [phone], UK postcodes with
[postcode], street addresses ("12 Acacia Road") with [address], dates (of birth, or
any full date) with [date], personal names with [name], and names from a configurable
list (schools, places, services) with [place]. Names are found after cues ("my worker
Sam", "Mrs Khan", "called Priya"), from a list of common given names (names.py), and as
a capitalised word following one ("Sarah Jones").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .names import AMBIGUOUS_NAMES, GIVEN_NAMES

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# UK numbers: 0 or +44 then 9-10 more digits, spaces or dashes allowed between digits.
_PHONE = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)(?:\d[\s\-)]?){8,10}\d(?!\w)")
_POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}\b", re.IGNORECASE)
_STREET_WORDS = (
    r"road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|court|ct|"
    r"crescent|place|grove|gardens|terrace|park|hill|square|walk|mews|row|"
    r"view|rise|green|parade|estate|boulevard|wharf|gate"
)
_ADDRESS = re.compile(
    rf"\b(?:(?:flat|apartment|apt|unit)\s+\d+[a-z]?,?\s+)?\d{{1,4}}[a-z]?,?\s+"
    rf"(?:[A-Za-z][a-z'-]+\s+){{1,3}}(?:{_STREET_WORDS})\b\.?",
    re.IGNORECASE,
)
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})\b",
    re.IGNORECASE,
)
# "born on 3 May", "DOB 3rd May": a day and month after a birth cue, without the year.
_BIRTHDAY = re.compile(
    rf"\b(?:born on|born|dob:?|date of birth:?|birthday is)\s+(?:the\s+)?"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b",
    re.IGNORECASE,
)
_TITLE = re.compile(r"\b((?i:mr|mrs|ms|miss|mx|dr|prof))\.?\s+([A-Za-z][A-Za-z'-]+)")
_CUE = re.compile(
    r"\b((?i:my|our|her|his|the)\s+(?:(?:new|old|social|youth|support|key|family support|"
    r"early help|case)\s+)?(?:worker|keyworker|advocate|teacher|mentor|counsellor|"
    r"therapist|nurse|carer|foster (?:mum|dad|carer|mother|father)|friend|mate|coach|"
    r"health visitor|social worker|boyfriend|girlfriend|cousin|brother|sister|nan|uncle|"
    r"aunt|auntie|stepdad|step dad|stepmum|step mum)|(?:called|named|name is|name was))"
    r",?\s+([A-Za-z][a-z'-]+)"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# Capitalised words that follow cues but are not names.
_NOT_NAMES = frozenset(
    """
i is was and but the a an who she he they it at in on from said says told always never
really very so just too has had have will would can could did does do was were not
about me my our his her their from came comes lives live helped helps listens listened
mr mrs ms miss mx dr prof name
""".split()
)


def _cue_name(m: re.Match[str]) -> str:
    """After "my worker", "called": a capitalised word or a known given name."""
    word = m.group(2)
    if word.lower() in _NOT_NAMES or not (word[0].isupper() or word.lower() in GIVEN_NAMES):
        return m.group(0)
    return f"{m.group(1)} [name]"


def _is_name(word: str, sentence_start: bool) -> bool:
    lower = word.lower()
    if lower in AMBIGUOUS_NAMES:
        return word[0].isupper() and not sentence_start
    return lower in GIVEN_NAMES


@lru_cache(maxsize=64)
def _extra_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    cleaned = sorted({n.strip() for n in names if n.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in cleaned) + r")\b", re.IGNORECASE)


def _redact_names(text: str) -> str:
    text = _TITLE.sub(lambda m: f"{m.group(1)} [name]", text)
    text = _CUE.sub(_cue_name, text)
    words = {w.lower() for w in _WORD.findall(text)}
    if not (words & GIVEN_NAMES or words & AMBIGUOUS_NAMES):
        return text
    out: list[str] = []
    last = 0
    previous_name = False
    for m in _WORD.finditer(text):
        word = m.group()
        between = text[last : m.start()]
        stripped = text[: m.start()].rstrip()
        sentence_start = not stripped or stripped[-1] in ".!?\n"
        redact = _is_name(word, sentence_start) or (
            # a capitalised word straight after a name is a surname: "Sarah Jones"
            previous_name
            and between == " "
            and word[0].isupper()
            and word.lower() not in _NOT_NAMES
        )
        if redact and previous_name and between == " ":
            pass  # "Sarah Jones" becomes one [name]
        else:
            out.append(between)
            out.append("[name]" if redact else word)
        previous_name = redact
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def redact(text: str, extra_names: Iterable[str] = ()) -> str:
    """Return ``text`` with personal details replaced by placeholders.

    ``extra_names``: names of schools, places or services to replace with [place]
    (matched whole-word, case-insensitively, longest first).
    """
    extra = _extra_pattern(tuple(extra_names))
    if extra is not None:
        text = extra.sub("[place]", text)
    text = _EMAIL.sub("[email]", text)
    text = _ADDRESS.sub("[address]", text)
    text = _POSTCODE.sub("[postcode]", text)
    text = _DATE.sub("[date]", text)
    text = _BIRTHDAY.sub("[date]", text)
    text = _PHONE.sub("[phone]", text)
    return _redact_names(text)
