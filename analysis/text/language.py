"""Which language a free-text answer is written in.

Heard's surveys run in English, Punjabi, Polish, Urdu, Romanian, Gujarati, Tamil,
Arabic and Somali. Non-Latin scripts are told apart by their Unicode blocks (Urdu from
Arabic by the letters only Urdu uses); Latin-script text by diacritics and short lists
of very common words. The respondent's survey language, when known, is trusted unless
the text is plainly in another script.
"""

from __future__ import annotations

from .tokens import TOKENIZER

LANGUAGES = ("en", "pa", "pl", "ur", "ro", "gu", "ta", "ar", "so")
UNDETERMINED = "und"

#: The script each supported language is normally written in.
SCRIPT_OF = {
    "en": "latin",
    "pl": "latin",
    "ro": "latin",
    "so": "latin",
    "pa": "gurmukhi",
    "gu": "gujarati",
    "ta": "tamil",
    "ur": "arabic",
    "ar": "arabic",
}

_BLOCKS = (  # (first, last, script)
    (0x0A00, 0x0A7F, "gurmukhi"),
    (0x0A80, 0x0AFF, "gujarati"),
    (0x0B80, 0x0BFF, "tamil"),
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0x08A0, 0x08FF, "arabic"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
)
_SCRIPT_LANGUAGE = {"gurmukhi": "pa", "gujarati": "gu", "tamil": "ta"}

# Letters Urdu uses and Arabic does not (retroflexes, nun ghunna, bari ye, do-chashmi
# he, gol he) and letters Arabic uses where Urdu has its own (kaf, ye, ta marbuta).
_URDU_LETTERS = frozenset("\u0679\u0688\u0691\u06ba\u06d2\u06c1\u06be\u06a9\u06cc\u06af")
_ARABIC_LETTERS = frozenset("\u0643\u064a\u0629\u0649")

_PL_LETTERS = frozenset("ąęłńśźżć")
_RO_LETTERS = frozenset("ăâîșțşţ")

# Very common words; each hit is a vote. Words shared with English ("a", "do", "to")
# are left out so that English stays the default for plain Latin text.
_STOPWORDS = {
    "en": frozenset(
        "the and to i you my me is was it of in not they she he we for that "
        "with have be at but on so very just what when no nobody always "
        "never are were this there all our her his them felt feel like "
        "would could about really because their did does can will".split()
    ),
    "pl": frozenset(
        "nie się jest że mnie mi jak ale bardzo czy tak już był była było "
        "pani pan mój moja tylko dla od co na jestem są mam ze przez mój "
        "moje mnie nas nam nikt zawsze dobrze źle też jej jego oraz gdy "
        "kiedy bo żeby wszystko czasami juz zyc chce w z".split()
    ),
    "ro": frozenset(
        "și si este nu de la cu pe că ca mi mă ma am fost foarte ne au un "
        "sunt doamna ce dar mai când cand pentru noi eu ei ele mea meu "
        "nimeni mereu bine rău rau acasă acasa copilul copiii".split()
    ),
    "so": frozenset(
        "waa iyo ayaa ma aan ku baan way yihiin oo laakiin ee wuxuu "
        "waxaan ka la aad kala sida haa maya dadka caruurta hooyo aabe "
        "igu iga ii naga nagu wax jirin jiray yahay ahaa aad badan kooxda "
        "shaqaalaha bulshada".split()
    ),
}


def _script_counts(text: str) -> dict[str, int]:
    if text.isascii():
        letters = sum(ch.isalpha() for ch in text)
        return {"latin": letters} if letters else {}
    counts: dict[str, int] = {}
    for ch in text:
        code = ord(ch)
        if code < 0x0250:
            if ch.isalpha():
                counts["latin"] = counts.get("latin", 0) + 1
            continue
        for first, last, script in _BLOCKS:
            if first <= code <= last:
                counts[script] = counts.get(script, 0) + 1
                break
    return counts


def _arabic_or_urdu(text: str) -> str:
    urdu = sum(ch in _URDU_LETTERS for ch in text)
    arabic = sum(ch in _ARABIC_LETTERS for ch in text)
    return "ur" if urdu > arabic else "ar"


def _latin_language(text: str) -> str:
    lowered = text.lower()
    votes = {lang: 0.0 for lang in ("en", "pl", "ro", "so")}
    votes["pl"] += 2 * sum(ch in _PL_LETTERS for ch in lowered)
    votes["ro"] += 2 * sum(ch in _RO_LETTERS for ch in lowered)
    # raw tokens: text-speak expansion would turn Romanian "mi" into English "my"
    for token in TOKENIZER.findall(lowered):
        for lang, words in _STOPWORDS.items():
            if token in words:
                votes[lang] += 1
    # Somali spelling: doubled vowels and "dh"/"x" are frequent, rare in English.
    if votes["so"]:  # only once a Somali word has been seen; capped, as "aaaa" is no word
        votes["so"] += min(3.0, 0.5 * sum(lowered.count(p) for p in ("aa", "dh", "x", "uu", "ii")))
    best = max(votes, key=votes.__getitem__)
    # Plain Latin text with no clear vote for another language is taken as English.
    if best != "en" and votes[best] <= votes["en"] + 0.5:
        return "en"
    return best


def detect_script(text: str) -> str | None:
    """Return the dominant script of ``text`` ("latin", "arabic", ...) or None."""
    counts = _script_counts(text)
    if not counts:
        return None
    return max(counts, key=counts.__getitem__)


def detect_language(text: str, hint: str | None = None) -> str:
    """Return the ISO 639-1 code of the language ``text`` is written in, or "und".

    ``hint``: the respondent's survey language (such as "pl" or "en-GB"). It is trusted
    unless the text is plainly in a script that language is not written in.
    """
    script = detect_script(text)
    if hint:
        hint = hint.strip().lower().replace("_", "-").split("-")[0]
    if hint and (script is None or SCRIPT_OF.get(hint, script) == script):
        return hint
    if script is None:
        return UNDETERMINED
    if script == "arabic":
        return _arabic_or_urdu(text)
    if script == "latin":
        return _latin_language(text)
    return _SCRIPT_LANGUAGE.get(script, UNDETERMINED)
