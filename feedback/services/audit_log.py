"""Reading the audit log back: the filtered list of events and the names they refer to.

Writing it is services/audit.py; this is the admin's view of what was written.
"""

from __future__ import annotations

from datetime import date, timedelta

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select, select

from feedback.extensions import db
from feedback.models import AuditEvent, Campaign, CourseRun, Invitation, Survey, User
from feedback.times import utc_start_of


def events_query(
    action: str = "",
    user_id: int | None = None,
    nobody: bool = False,
    start: date | None = None,
    end: date | None = None,
) -> Select[AuditEvent]:
    """Events matching the filters, newest first; `nobody` keeps only events no person caused."""
    query = select(AuditEvent)
    if action:
        query = query.where(AuditEvent.action == action)
    if nobody:
        query = query.where(AuditEvent.user_id.is_(None))
    elif user_id is not None:
        query = query.where(AuditEvent.user_id == user_id)
    # Days as staff read them (Europe/London), like the times in the table.
    if start:
        query = query.where(AuditEvent.at >= utc_start_of(start))
    if end:
        # The end date is inclusive: everything before the next midnight.
        query = query.where(AuditEvent.at < utc_start_of(end + timedelta(days=1)))
    return query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc())


def events_page(
    page: int,
    per_page: int,
    action: str = "",
    user_id: int | None = None,
    nobody: bool = False,
    start: date | None = None,
    end: date | None = None,
) -> Pagination:
    """Page `page` of `events_query(...)`; a page past the end is empty, not an error."""
    query = events_query(action, user_id, nobody, start, end)
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def everyone_by_email() -> dict[int, str]:
    """Every account's e-mail address by id (the log's person filter offers them all)."""
    return dict(db.session.execute(select(User.id, User.email)).all())


def recorded_actions() -> list[str]:
    """Each action the log holds at least once, in alphabetical order."""
    query = select(AuditEvent.action).distinct().order_by(AuditEvent.action)
    return list(db.session.scalars(query))


def emails_of(ids: set[int]) -> dict[int, str]:
    """E-mail address by user id for `ids`."""
    rows = db.session.execute(select(User.id, User.email).where(User.id.in_(ids)))
    return dict(rows.all())


def survey_titles(ids: set[int]) -> dict[int, tuple[str, str]]:
    """(title, slug) by survey id for `ids`."""
    query = select(Survey.id, Survey.title, Survey.slug).where(Survey.id.in_(ids))
    return {i: (title, slug) for i, title, slug in db.session.execute(query)}


def campaign_names(ids: set[int]) -> dict[int, str]:
    """Name by campaign id for `ids`."""
    query = select(Campaign.id, Campaign.name).where(Campaign.id.in_(ids))
    return dict(db.session.execute(query).all())


def course_titles(ids: set[int]) -> dict[int, str]:
    """Title by course run id for `ids`."""
    query = select(CourseRun.id, CourseRun.title).where(CourseRun.id.in_(ids))
    return dict(db.session.execute(query).all())


def invitation_emails(ids: set[int]) -> dict[int, str]:
    """Invited address by invitation id for `ids`."""
    query = select(Invitation.id, Invitation.email).where(Invitation.id.in_(ids))
    return dict(db.session.execute(query).all())
