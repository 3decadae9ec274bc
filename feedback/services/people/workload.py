"""What waits for an admin on their home page."""

from __future__ import annotations

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import Invitation
from feedback.models._time import utcnow


def open_invitations() -> int:
    """Invitations whose links still work and have not been used (counted in SQL)."""
    query = select(func.count(Invitation.id)).where(
        Invitation.used_at.is_(None), Invitation.expires_at > utcnow()
    )
    return int(db.session.scalar(query) or 0)
