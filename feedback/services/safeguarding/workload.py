"""What waits for a safeguarding lead: open alerts, new ones, overdue ones, their own."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, FunctionFilter, and_, func, select

from feedback.extensions import db
from feedback.models import ConcernAlert
from feedback.services.safeguarding.alerts import OPEN_STATES, overdue_after


@dataclass(frozen=True)
class AlertWork:
    open: int  #: new or in review
    new: int  #: not looked at yet
    overdue: int  #: open longer than the overdue limit
    mine: int  #: open and assigned to the person asking


def alert_work(user_id: int, overdue_hours: int) -> AlertWork:
    """The counts, in one SQL query (a lead's home is opened often)."""
    is_open = ConcernAlert.state.in_(OPEN_STATES)

    def count(condition: ColumnElement[bool]) -> FunctionFilter[int]:
        return func.count(ConcernAlert.id).filter(condition)

    row = db.session.execute(
        select(
            count(is_open),
            count(ConcernAlert.state == "new"),
            count(and_(is_open, ConcernAlert.created_at <= overdue_after(overdue_hours))),
            count(and_(is_open, ConcernAlert.assignee_id == user_id)),
        )
    ).one()
    return AlertWork(*(int(n) for n in row))
