"""Focus-group records saved half done ("Save and continue later"), one per person.

Kept on the server, not in the session cookie: a session's notes can run to pages. The
draft is the form as posted, so the form is shown again exactly as it was left; nothing
in it is validated or analysed until the session itself is saved.
"""

from __future__ import annotations

from sqlalchemy import select

from feedback.extensions import db
from feedback.models import FocusDraft
from feedback.models._time import utcnow

#: fields never kept in a draft: the CSRF token is per session, the button is per click
SKIPPED = ("csrf_token", "action")


def save_draft(user_id: int, fields: dict[str, list[str]]) -> FocusDraft:
    """Keep `fields` (name: values, as posted) as `user_id`'s draft, replacing any."""
    kept = {name: values for name, values in fields.items() if name not in SKIPPED}
    draft = db.session.scalar(select(FocusDraft).where(FocusDraft.user_id == user_id))
    if draft is None:
        draft = FocusDraft(user_id=user_id, fields=kept)
        db.session.add(draft)
    draft.fields, draft.updated_at = kept, utcnow()
    db.session.commit()
    return draft


def load_draft(user_id: int) -> FocusDraft | None:
    """`user_id`'s draft, or None."""
    return db.session.scalar(select(FocusDraft).where(FocusDraft.user_id == user_id))


def discard_draft(user_id: int) -> bool:
    """Delete `user_id`'s draft (the session was saved, or they chose to start again)."""
    draft = load_draft(user_id)
    if draft is None:
        return False
    db.session.delete(draft)
    db.session.commit()
    return True
