"""Writing the audit log: every export, every view of a concern alert, every admin change."""

from __future__ import annotations

from typing import Any

from flask_login import current_user

from feedback.extensions import db
from feedback.models import AuditEvent


def audit(
    action: str,
    target_type: str | None = None,
    target_id: object = None,
    commit: bool = True,
    user_id: int | None = None,
    **detail: Any,
) -> AuditEvent:
    """Record `action` (a dotted verb such as "alert.view") by the signed-in user.

    `detail` holds small facts (a format, a filter); never respondents' free text.
    """
    if user_id is None and current_user and getattr(current_user, "is_authenticated", False):
        user_id = current_user.id
    event = AuditEvent(
        user_id=user_id,
        action=action,
        target_type=target_type,
        target_id=None if target_id is None else str(target_id),
        detail=detail or None,
    )
    db.session.add(event)
    if commit:
        db.session.commit()
    return event
