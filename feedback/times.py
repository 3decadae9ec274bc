"""Times as a lead in England reads them: Europe/London, GMT or BST as the date needs."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from flask_babel import get_locale

LONDON = ZoneInfo("Europe/London")


def to_london(moment: datetime) -> datetime:
    """A naive UTC time from the database, in Europe/London."""
    return moment.replace(tzinfo=UTC).astimezone(LONDON)


def london_time(moment: datetime | None) -> str:
    """E.g. "3 Dec 2026, 14:05 GMT" ("BST" in summer); empty for None."""
    if moment is None:
        return ""
    local = to_london(moment)
    day = format_datetime(local, "d MMM y, HH:mm", tzinfo=LONDON, locale=str(get_locale() or "en"))
    return f"{day} {local.tzname()}"
