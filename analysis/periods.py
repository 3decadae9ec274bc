"""Reporting periods: half-years, quarters, UK financial years and "all".

A period is a half-open range of naive UTC datetimes, ``start <= t < end``, so a moment
at midnight on 1 July belongs to the second half-year and never to both. The labels are
the contract in ARCHITECTURE.md:

- ``2026-H1`` January to June 2026, ``2026-H2`` July to December 2026;
- ``2026-Q3`` the calendar quarter July to September 2026 (Q1 is January to March);
- ``FY2026`` the UK financial year 1 April 2026 to 31 March 2027;
- ``all`` every response ever stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

__all__ = [
    "ALL",
    "KINDS",
    "Period",
    "parse_period",
    "period_of",
    "periods_between",
    "periods_covering",
    "previous",
]

#: The kinds of period: half-year, calendar quarter, UK financial year, everything.
KINDS = ("half", "quarter", "fy", "all")

#: The bounds of "all": far enough out for any real response, and still a valid
#: timestamp on SQLite and PostgreSQL, so callers can compare without special cases.
ALL_START = datetime(1900, 1, 1)
ALL_END = datetime(9999, 1, 1)

_HALF = re.compile(r"^(\d{4})-H([12])$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_FY = re.compile(r"^FY(\d{4})$")

_HELP = (
    "use 2026-H1 or 2026-H2 (half-years), 2026-Q1 to 2026-Q4 (calendar quarters), "
    "FY2026 (1 April 2026 to 31 March 2027) or all"
)


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period.

    label: the canonical label (``2026-H1``, ``2026-Q3``, ``FY2026``, ``all``).
    start, end: naive UTC datetimes; the period holds ``start <= t < end``.
    kind: one of :data:`KINDS`.
    """

    start: datetime
    end: datetime
    label: str
    kind: str

    def __contains__(self, moment: object) -> bool:
        return isinstance(moment, datetime) and self.start <= moment < self.end

    def __str__(self) -> str:
        return self.label

    @property
    def is_all(self) -> bool:
        """True for the period that holds everything."""
        return self.kind == "all"


#: The period that holds everything.
ALL = Period(ALL_START, ALL_END, "all", "all")


def _half(year: int, half: int) -> Period:
    start = datetime(year, 1 if half == 1 else 7, 1)
    end = datetime(year, 7, 1) if half == 1 else datetime(year + 1, 1, 1)
    return Period(start, end, f"{year}-H{half}", "half")


def _quarter(year: int, quarter: int) -> Period:
    month = 3 * (quarter - 1) + 1
    end = datetime(year + 1, 1, 1) if quarter == 4 else datetime(year, month + 3, 1)
    return Period(datetime(year, month, 1), end, f"{year}-Q{quarter}", "quarter")


def _fy(year: int) -> Period:
    return Period(datetime(year, 4, 1), datetime(year + 1, 4, 1), f"FY{year}", "fy")


def _check_year(year: int, text: str) -> int:
    if not 1900 < year < 9999:
        raise ValueError(f"period {text!r} has an impossible year; {_HELP}")
    return year


def parse_period(text: str | Period) -> Period:
    """The :class:`Period` a label names.

    text: ``2026-H1``, ``2026-H2``, ``2026-Q1`` … ``2026-Q4``, ``FY2026`` or ``all``
    (case and surrounding spaces do not matter). A Period is returned unchanged.
    Raises ValueError with a message saying what is accepted.
    """
    if isinstance(text, Period):
        return text
    if not isinstance(text, str):
        raise ValueError(f"period must be text, not {type(text).__name__}; {_HELP}")
    clean = text.strip().upper()
    if clean == "ALL":
        return ALL
    if match := _HALF.match(clean):
        return _half(_check_year(int(match[1]), text), int(match[2]))
    if match := _QUARTER.match(clean):
        return _quarter(_check_year(int(match[1]), text), int(match[2]))
    if match := _FY.match(clean):
        return _fy(_check_year(int(match[1]), text))
    raise ValueError(f"unknown period {text!r}: {_HELP}")


def period_of(moment: datetime, kind: str) -> Period:
    """The period of *kind* (``half``, ``quarter``, ``fy``, ``all``) that holds *moment*."""
    if kind == "half":
        return _half(moment.year, 1 if moment.month <= 6 else 2)
    if kind == "quarter":
        return _quarter(moment.year, (moment.month - 1) // 3 + 1)
    if kind == "fy":
        return _fy(moment.year if moment.month >= 4 else moment.year - 1)
    if kind == "all":
        return ALL
    raise ValueError(f"unknown kind of period {kind!r}; use one of {', '.join(KINDS)}")


def previous(period: Period | str) -> Period | None:
    """The period of the same kind just before *period*; None for ``all``."""
    period = parse_period(period)
    if period.is_all:
        return None
    # The moment just before this period starts lies in the one before it.
    return period_of(period.start - timedelta(days=1), period.kind)


def _next(period: Period) -> Period:
    return period_of(period.end, period.kind)


def periods_between(first: Period | str, last: Period | str) -> list[Period]:
    """Every period from *first* to *last* inclusive, oldest first (for trends).

    Both must be of the same kind; an empty list when *last* comes before *first*.
    """
    first, last = parse_period(first), parse_period(last)
    if first.kind != last.kind:
        raise ValueError(f"{first.label} and {last.label} are different kinds of period")
    if first.is_all:
        return [ALL]
    found: list[Period] = []
    current = first
    while current.start <= last.start:
        found.append(current)
        current = _next(current)
    return found


def periods_covering(start: datetime, end: datetime, kind: str) -> list[Period]:
    """The periods of *kind* that hold any moment from *start* to *end* inclusive, oldest first.

    Handy for a trend over the data actually stored: pass the first and last
    submission times.
    """
    return periods_between(period_of(start, kind), period_of(end, kind))
