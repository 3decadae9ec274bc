"""The periods staff pages offer, and the one they open with.

Kept apart from the report service so that any view can import it without pulling in
the report (and, through it, the analyse blueprint).
"""

from __future__ import annotations

from analysis.periods import Period, period_of, previous
from feedback.models._time import utcnow


def _before(period: Period) -> Period:
    earlier = previous(period)
    if earlier is None:  # only "all" has nothing before it; these are halves and years
        raise ValueError(f"no period before {period.label}")
    return earlier


def default_period() -> Period:
    """The last complete half-year: what a twice-yearly Board normally reads."""
    return _before(period_of(utcnow(), "half"))


def period_choices(with_all: bool = True) -> list[str]:
    """Recent half-years and financial years, newest first, then "all" (when asked)."""
    now = utcnow()
    halves = [period_of(now, "half")]
    while len(halves) < 6:
        halves.append(_before(halves[-1]))
    years = [period_of(now, "fy")]
    years.append(_before(years[-1]))
    return [p.label for p in halves] + [p.label for p in years] + (["all"] if with_all else [])
