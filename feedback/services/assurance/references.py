"""Case references for multi-agency case audits: the partnership's own, never personal.

A case is known only by a reference such as ``MACA-2026-014``. Anything that looks like
personal data is refused with a message saying why: a name (words of letters with a
lower-case letter in them, or two words), a date (which may be a date of birth), or an
NHS number (ten digits, however spaced, whose last digit is the modulus 11 check digit
of the first nine). The rules err towards refusing: a partnership's references are made
of capitals, digits and separators, and a refused one is easily rewritten.
"""

from __future__ import annotations

import re
from datetime import date

from flask_babel import gettext as _

MAX_LENGTH = 40
ALLOWED = re.compile(r"[A-Za-z0-9/_.\- ]+")
#: a word of letters with a lower-case letter: "Smith", "jones", "McDonald"
NAME_WORD = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*")
MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
    "june|july|august|september|october|november|december"
)
DAY_MONTH_YEAR = re.compile(r"(?<!\d)(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{2}|\d{4})(?!\d)")
YEAR_MONTH_DAY = re.compile(r"(?<!\d)(\d{4})[/.\- ]?(\d{2})[/.\- ]?(\d{2})(?!\d)")
WORDY_DATE = re.compile(rf"\d{{1,2}}\s*(?:{MONTHS})\b|\b(?:{MONTHS})\s*\d{{1,4}}", re.I)


def nhs_check_ok(digits: str) -> bool:
    """Whether ten digits carry a valid NHS number check digit (modulus 11)."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _nhs_numbers(text: str) -> bool:
    # Ten digits in a row, or spaced 3-3-4 as NHS numbers are printed.
    runs = re.findall(r"(?<!\d)\d{3}[ \-]?\d{3}[ \-]?\d{4}(?!\d)", text)
    return any(nhs_check_ok(re.sub(r"\D", "", run)) for run in runs)


def _valid_date(day: int, month: int, year: int) -> bool:
    year = year + 2000 if year < 100 else year
    try:
        date(year, month, day)
    except ValueError:
        return False
    return 1900 <= year <= 2100


def _dates(text: str) -> bool:
    for d, m, y in DAY_MONTH_YEAR.findall(text):
        if _valid_date(int(d), int(m), int(y)):
            return True
    for y, m, d in YEAR_MONTH_DAY.findall(text):
        if _valid_date(int(d), int(m), int(y)):
            return True
    return bool(WORDY_DATE.search(text))


def reference_problem(reference: str) -> str | None:
    """Why `reference` cannot be a case reference, or None when it can."""
    ref = reference.strip()
    if not ref:
        return _("Enter the partnership's reference for the case.")
    if len(ref) > MAX_LENGTH:
        return _("A reference is at most %(max)d characters.", max=MAX_LENGTH)
    if not ALLOWED.fullmatch(ref):
        return _("Use only capital letters, digits, - and / in a reference.")
    if _nhs_numbers(ref):
        return _("This looks like an NHS number. Use the partnership's case reference instead.")
    if _dates(ref):
        return _(
            "This looks like a date, which may be a date of birth. Use the partnership's "
            "case reference instead."
        )
    words = re.findall(r"[A-Za-z]+", ref)
    if any(NAME_WORD.fullmatch(w) for w in words) or len(ref.split()) > 1:
        return _(
            "This looks like a name. Use the partnership's case reference (capital letters "
            "and digits, such as MACA-2026-014)."
        )
    if not any(ch.isdigit() for ch in ref):
        return _("A case reference has digits in it, such as MACA-2026-014.")
    return None
