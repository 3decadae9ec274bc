"""How analysts' pages and the Board report mark words written in another language.

Every excerpt carries its language: a ``lang`` attribute (so the browser, a screen reader
and the PDF pick the right font and voice), a direction, and for words not analysed in
English a visible tag such as "Polski — not in English sentiment".
"""

from __future__ import annotations

from babel import Locale, UnknownLocaleError
from flask_babel import gettext as _

from feedback.i18n import LANGUAGE_NAMES, RTL

#: ISO 639 "undetermined": the analyser could not tell the language.
UNDETERMINED = "und"


def language_name(code: str | None) -> str:
    """A language named in itself (ਪੰਜਾਬੀ, Polski, اردو); an unknown code as Babel names it."""
    code = (code or UNDETERMINED).strip()
    if code in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[code]
    if code == UNDETERMINED:
        return _("Language not known")
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name() or code
    except (ValueError, UnknownLocaleError):
        return code


def words_direction(code: str | None) -> str:
    """The ``dir`` for words in language `code`: "rtl" for Arabic and Urdu, else "auto".

    Right-to-left languages are set explicitly rather than left to "auto", which takes
    the direction from the first strong letter: an Urdu excerpt that begins with a
    redaction marker such as "[name]" would otherwise be laid out left to right.
    """
    base = (code or "").split("-")[0].lower()
    return "rtl" if base in RTL else "auto"
