"""Times as staff read them: in the partnership's zone (HEARD_TIMEZONE, Europe/London by
default), GMT or BST as the date needs. The database keeps naive UTC; every time a page
shows goes through the `staff_time` or `staff_date` filter, so none is shown in UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from flask import Flask, current_app, has_app_context
from flask_babel import get_locale

LONDON = ZoneInfo("Europe/London")


def staff_zone() -> ZoneInfo:
    """The zone staff read times in: HEARD_TIMEZONE, else Europe/London."""
    name = current_app.config.get("HEARD_TIMEZONE") if has_app_context() else None
    return ZoneInfo(name) if name else LONDON


def to_london(moment: datetime) -> datetime:
    """A naive UTC time from the database, in the staff's zone (Europe/London by default)."""
    return moment.replace(tzinfo=UTC).astimezone(staff_zone())


def _locale() -> str:
    return str(get_locale() or "en")


def london_time(moment: datetime | None) -> str:
    """E.g. "3 Dec 2026, 14:05 GMT" ("BST" in summer); empty for None."""
    if moment is None:
        return ""
    local = to_london(moment)
    day = format_datetime(local, "d MMM y, HH:mm", tzinfo=local.tzinfo, locale=_locale())
    return f"{day} {local.tzname()}"


def staff_date(moment: datetime | date | None) -> str:
    """E.g. "3 Dec 2026": a database time's day in the staff's zone; a date as it is."""
    if moment is None:
        return ""
    day = to_london(moment).date() if isinstance(moment, datetime) else moment
    return format_date(day, "d MMM y", locale=_locale())


def utc_start_of(day: date) -> datetime:
    """The naive UTC moment the staff's `day` begins (a filter "from 31 March" means
    midnight in London, which is 23:00 UTC the day before in summer)."""
    local = datetime(day.year, day.month, day.day, tzinfo=staff_zone())
    return local.astimezone(UTC).replace(tzinfo=None)


def init_app(app: Flask) -> None:
    ZoneInfo(app.config.get("HEARD_TIMEZONE") or "Europe/London")  # a wrong name fails at start
    app.add_template_filter(london_time, "staff_time")
    app.add_template_filter(london_time, "london")  # the reading list's older name
    app.add_template_filter(staff_date, "staff_date")
