"""Who may read which audit return: the one place the agency filter is written.

Every page, download and action that reaches a return goes through
:func:`visible_returns` (a query) or :func:`visible_return` (one row), so an agency
lead can never read another agency's draft however the URL is made: a return outside
the filter is simply not found.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, false, select

from feedback.extensions import db
from feedback.models import Agency, AuditReturn

#: The partnership roles that moderate returns: review, challenge, agree ratings.
MODERATORS = ("admin", "moderator")
#: Everyone who reaches the audit pages at all.
AUDIT_ROLES = (*MODERATORS, "agency_lead")


def can_moderate(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.role in MODERATORS)


def visible_returns(user: Any) -> Select[AuditReturn]:
    """A SELECT of the returns `user` may read: all for moderators; for an agency lead,
    only those of their own agency while it is active; none for anyone else."""
    query = select(AuditReturn)
    if can_moderate(user):
        return query
    agency_id = getattr(user, "agency_id", None)
    if getattr(user, "role", None) == "agency_lead" and agency_id is not None:
        return query.join(Agency, Agency.id == AuditReturn.agency_id).where(
            AuditReturn.agency_id == agency_id, Agency.active.is_(True)
        )
    return query.where(false())


def visible_return(user: Any, return_id: int) -> AuditReturn | None:
    """The return `return_id` if `user` may read it, else None (the caller answers 404)."""
    return db.session.scalar(visible_returns(user).where(AuditReturn.id == return_id))


def returns_seen_by(
    user: Any, round_id: int | None = None, newest_first: bool = False
) -> list[AuditReturn]:
    """The returns `user` may read (of round `round_id` only, when given), by id."""
    query = visible_returns(user)
    if round_id is not None:
        query = query.where(AuditReturn.round_id == round_id)
    order = AuditReturn.id.desc() if newest_first else AuditReturn.id
    return list(db.session.scalars(query.order_by(order)))


def sees_round(user: Any, round_id: int) -> bool:
    """Whether `user` may read at least one return of round `round_id` (it asked them)."""
    query = visible_returns(user).where(AuditReturn.round_id == round_id).limit(1)
    return db.session.scalar(query) is not None
