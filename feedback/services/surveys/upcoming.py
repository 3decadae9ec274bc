"""What is coming up for trainers and facilitators: the next courses, sessions to check."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import CourseRun, FocusSession


def next_courses(today: date, limit: int = 5) -> list[CourseRun]:
    """Courses running on `today` or later, soonest first."""
    query = (
        select(CourseRun)
        .where(CourseRun.run_date >= today)
        .order_by(CourseRun.run_date, CourseRun.id)
        .limit(limit)
    )
    return list(db.session.scalars(query))


def sessions_to_check() -> int:
    """Focus-group sessions whose suggested themes no person has checked yet."""
    query = select(func.count(FocusSession.id)).where(FocusSession.themes_reviewed_at.is_(None))
    return int(db.session.scalar(query) or 0)
