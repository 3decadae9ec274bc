"""The safeguarding page's monthly summary: reading done, alerts by source, and misses.

"Found by people that the analyser missed" is Heard's own estimate of the analyser's
recall in real use: alerts a lead raised from the reading list, or a colleague raised
from a page, on texts the analyser had not flagged, beside the analyser's own alerts of
the same month, category by category. Alerts closed as "no further action" count on
neither side: they were not concerns. Months run on London time.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import AuditEvent, ConcernAlert, ReadingDecision, Response, TextAnalysis
from feedback.models.alert import SOURCES
from feedback.times import LONDON

#: The row of alerts raised with no category.
UNCATEGORISED = ""


@dataclass(frozen=True)
class CategoryRecall:
    """One category: alerts the analyser raised, and concerns people found that it missed."""

    category: str
    analyser: int
    people: int

    @property
    def recall(self) -> float | None:
        """The analyser's share of the concerns found, 0-100 (None when there were none)."""
        found = self.analyser + self.people
        return round(100 * self.analyser / found, 1) if found else None


@dataclass
class MonthSummary:
    month: date
    texts_read: int = 0
    alerts: dict[str, int] = field(default_factory=dict)
    #: from a text arriving (or an alert being raised) to a person first reading it
    median_first_look_hours: float | None = None
    looks: int = 0
    missed: list[CategoryRecall] = field(default_factory=list)


def parse_month(value: str | None, today: date | None = None) -> date:
    """The month "2026-11" as 1 November 2026; this month (in London) when malformed."""
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return date(year, month, 1)
    except ValueError:
        now = today or datetime.now(LONDON).date()
        return now.replace(day=1)


def next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def previous_month(month: date) -> date:
    return date(month.year - (month.month == 1), (month.month - 2) % 12 + 1, 1)


def _utc(day: date) -> datetime:
    """Midnight in London at the start of `day`, as the naive UTC the database holds."""
    local = datetime(day.year, day.month, day.day, tzinfo=LONDON)
    return local.astimezone(UTC).replace(tzinfo=None)


def _hours(start: datetime, end: datetime) -> float:
    return max(0.0, (end - start).total_seconds() / 3600)


def _first_looks(start: datetime, end: datetime) -> list[float]:
    """Hours to the first person reading each text or alert first looked at this month."""
    reads = db.session.execute(
        select(Response.submitted_at, ReadingDecision.decided_at)
        .join(Response, Response.id == ReadingDecision.response_id)
        .where(ReadingDecision.decided_at >= start, ReadingDecision.decided_at < end)
    )
    hours = [_hours(sent, read) for sent, read in reads]
    first_view = (
        select(AuditEvent.target_id, func.min(AuditEvent.at).label("at"))
        .where(AuditEvent.action == "alert.view", AuditEvent.target_type == "alert")
        .group_by(AuditEvent.target_id)
        .subquery()
    )
    views: dict[str, datetime] = {
        target: at
        for target, at in db.session.execute(
            select(first_view.c.target_id, first_view.c.at).where(
                first_view.c.at >= start, first_view.c.at < end
            )
        )
    }
    ids = [int(t) for t in views if t and t.isdigit()]
    if ids:
        # A lead's reading-list alert was read when it was raised: its decision counts.
        raised = db.session.execute(
            select(ConcernAlert.id, ConcernAlert.created_at).where(
                ConcernAlert.id.in_(ids), ConcernAlert.source != "reading"
            )
        )
        hours += [_hours(created, views[str(i)]) for i, created in raised]
    return hours


def _missed(start: datetime, end: datetime) -> list[CategoryRecall]:
    flagged = (
        select(TextAnalysis.concern)
        .where(TextAnalysis.answer_id == ConcernAlert.answer_id)
        .scalar_subquery()
    )
    rows = db.session.execute(
        select(ConcernAlert.source, ConcernAlert.categories, flagged).where(
            ConcernAlert.created_at >= start,
            ConcernAlert.created_at < end,
            ConcernAlert.state != "no_further_action",
        )
    )
    by_analyser: Counter[str] = Counter()
    by_people: Counter[str] = Counter()
    for source, categories, was_flagged in rows:
        if source == "analyser":
            counter = by_analyser
        elif not was_flagged:
            counter = by_people
        else:
            continue  # people agreed with the analyser: not a miss
        for category in categories or [UNCATEGORISED]:
            counter[category] += 1
    found = sorted(set(by_analyser) | set(by_people), key=lambda c: (c == UNCATEGORISED, c))
    return [CategoryRecall(c, by_analyser[c], by_people[c]) for c in found]


def monthly_summary(month: date) -> MonthSummary:
    """The figures of the London calendar month starting on `month`."""
    start, end = _utc(month), _utc(next_month(month))
    summary = MonthSummary(month=month)
    summary.texts_read = (
        db.session.scalar(
            select(func.count(ReadingDecision.id)).where(
                ReadingDecision.decided_at >= start, ReadingDecision.decided_at < end
            )
        )
        or 0
    )
    counts = dict(
        db.session.execute(
            select(ConcernAlert.source, func.count(ConcernAlert.id))
            .where(ConcernAlert.created_at >= start, ConcernAlert.created_at < end)
            .group_by(ConcernAlert.source)
        ).all()
    )
    summary.alerts = {source: counts.get(source, 0) for source in SOURCES}
    looks = _first_looks(start, end)
    summary.looks = len(looks)
    if looks:
        summary.median_first_look_hours = round(statistics.median(looks), 1)
    summary.missed = _missed(start, end)
    return summary
