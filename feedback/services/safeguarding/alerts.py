"""The concern-alert workflow: listing, moving between states, assigning, noting.

Every change writes an AlertNote (with its time and author) and an audit row, in one
transaction. Notes and audit details never copy what the respondent wrote.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, case, func, select

from feedback.extensions import db
from feedback.models import AlertNote, ConcernAlert, User
from feedback.models._time import utcnow
from feedback.models.alert import STATES
from feedback.services.audit import audit

OPEN_STATES = ("new", "in_review")
#: the states each state may move to; a closed alert can be reopened for review
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "new": ("in_review", "actioned", "no_further_action"),
    "in_review": ("actioned", "no_further_action"),
    "actioned": ("in_review",),
    "no_further_action": ("in_review",),
}
#: closing an alert must say what was done
NOTE_REQUIRED = ("actioned", "no_further_action")
FILTERS = ("open", *STATES, "all")


class AlertError(ValueError):
    """A change that is not allowed. `code` names why (for the page to say it in words):
    transition, note_required, empty_note, assignee."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def overdue_after(hours: int) -> datetime:
    """Alerts created before this moment and still open are overdue."""
    return utcnow() - timedelta(hours=hours)


def is_overdue(alert: ConcernAlert, hours: int) -> bool:
    """Whether `alert` is still new or in review more than `hours` after it was raised."""
    return alert.state in OPEN_STATES and alert.created_at <= overdue_after(hours)


def alerts_query(state: str = "open") -> Select[ConcernAlert]:
    """Alerts in `state` (one of FILTERS): open ones first, then most severe, then newest."""
    query = select(ConcernAlert)
    if state == "open":
        query = query.where(ConcernAlert.state.in_(OPEN_STATES))
    elif state in STATES:
        query = query.where(ConcernAlert.state == state)
    still_open = case((ConcernAlert.state.in_(OPEN_STATES), 0), else_=1)
    return query.order_by(
        still_open, ConcernAlert.level.desc(), ConcernAlert.created_at.desc(), ConcernAlert.id
    )


def state_counts() -> dict[str, int]:
    """How many alerts are in each state (every state present, zero when none)."""
    rows = db.session.execute(
        select(ConcernAlert.state, func.count(ConcernAlert.id)).group_by(ConcernAlert.state)
    ).all()
    counts = dict.fromkeys(STATES, 0)
    counts.update({state: n for state, n in rows})
    return counts


def leads() -> list[User]:
    """Active safeguarding users: the people an alert can be assigned to."""
    return list(
        db.session.scalars(
            select(User)
            .where(User.role == "safeguarding", User.active.is_(True))
            .order_by(User.email)
        )
    )


@dataclass(frozen=True)
class Actor:
    """Who makes a change: the signed-in user's id and email (for the note)."""

    id: int
    email: str


def _note(alert: ConcernAlert, actor: Actor, text: str, new_state: str | None = None) -> None:
    alert.notes.append(AlertNote(user_id=actor.id, text=text, new_state=new_state))
    alert.updated_at = utcnow()


def change_state(alert: ConcernAlert, new_state: str, actor: Actor, note: str = "") -> None:
    """Move `alert` to `new_state`, with an optional note (required when closing)."""
    if new_state not in TRANSITIONS.get(alert.state, ()):
        raise AlertError(
            "transition", f"An alert that is {alert.state} cannot move to {new_state}."
        )
    note = note.strip()
    if new_state in NOTE_REQUIRED and not note:
        raise AlertError("note_required", "Say what was done before closing the alert.")
    old = alert.state
    alert.state = new_state
    # The page shows the move itself from new_state, in the reader's language.
    _note(alert, actor, note, new_state)
    audit("alert.state", "alert", alert.id, commit=False, user_id=actor.id, old=old, new=new_state)
    db.session.commit()


def assign(alert: ConcernAlert, assignee_id: int | None, actor: Actor) -> None:
    """Give `alert` to the safeguarding user `assignee_id` (None: nobody)."""
    if assignee_id is not None:
        user = db.session.get(User, assignee_id)
        if user is None or user.role != "safeguarding" or not user.active:
            raise AlertError(
                "assignee", "Alerts can only be assigned to an active safeguarding lead."
            )
        text = f"Assigned to {user.email}."
    else:
        text = "Unassigned."
    if alert.assignee_id == assignee_id:
        return
    alert.assignee_id = assignee_id
    _note(alert, actor, text)
    audit("alert.assign", "alert", alert.id, commit=False, user_id=actor.id, to=assignee_id)
    db.session.commit()


def add_note(alert: ConcernAlert, text: str, actor: Actor) -> None:
    """Record a note on `alert` (what was done, who was told)."""
    text = text.strip()
    if not text:
        raise AlertError("empty_note", "Write a note first.")
    _note(alert, actor, text)
    audit("alert.note", "alert", alert.id, commit=False, user_id=actor.id)
    db.session.commit()


def alert_by_id(alert_id: int) -> ConcernAlert | None:
    """The alert with this id, or None."""
    return db.session.get(ConcernAlert, alert_id)


def alerts_page(state: str, page: int, per_page: int) -> list[ConcernAlert]:
    """Page `page` (from 1) of the alerts in `state`, with one more row than `per_page`
    when there is a next page (so the list needs no separate count)."""
    query = alerts_query(state).limit(per_page + 1).offset((page - 1) * per_page)
    return list(db.session.scalars(query))
