"""Actions followed up: creating them, updating their status with evidence, who may do what.

Analysts and admins create and update any action; an agency lead updates only actions
its own agency owns (:func:`can_update_action`, the one rule every page and test uses).
Every change writes its audit row in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from feedback.extensions import db
from feedback.models import Action, ActionUpdate, Agency, User
from feedback.models._time import utcnow
from feedback.models.action import SOURCES, STATUSES
from feedback.services.audit import audit

#: roles that create actions and update any of them
MANAGERS = ("admin", "analyst")
#: the role tied to one agency (issue 16 adds it to ROLES)
AGENCY_LEAD = "agency_lead"
#: the voices a published action can be told to
AUDIENCES = ("child", "parent_carer", "staff", "community")


class ActionError(ValueError):
    """The change was refused; the message says why in plain words."""


def can_update_action(user: User, action: Action) -> bool:
    """Admins and analysts update any action; an agency lead only its own agency's."""
    if user.role in MANAGERS:
        return True
    return (
        user.role == AGENCY_LEAD
        and user.agency_id is not None
        and user.agency_id == action.owner_agency_id
    )


def can_create_actions(user: User) -> bool:
    return user.role in MANAGERS


@dataclass
class ActionFields:
    """What a person fills in for a new action (validated by the form first)."""

    title: str
    owner_agency_id: int
    owner_person: str
    due: date
    source_kind: str
    source_ref: str
    priority: str | None = None
    published: bool = False
    public_text: str | None = None
    public_audience: str | None = None


def _check(fields: ActionFields) -> None:
    if fields.source_kind not in SOURCES:
        raise ActionError(_("Unknown source %(source)s.", source=fields.source_kind))
    if db.session.get(Agency, fields.owner_agency_id) is None:
        raise ActionError(_("Choose the agency that owns the action."))
    if fields.published and not (fields.public_text or "").strip():
        raise ActionError(_("A published action needs the words the public will read."))
    if fields.published and fields.public_audience not in AUDIENCES:
        raise ActionError(_("Choose who is told about a published action."))


def create_action(fields: ActionFields, by: User) -> Action:
    """A new planned action, audited in the same transaction."""
    if not can_create_actions(by):
        raise PermissionError("only analysts and admins create actions")
    _check(fields)
    action = Action(
        title=fields.title.strip(),
        owner_agency_id=fields.owner_agency_id,
        owner_person=fields.owner_person.strip(),
        due=fields.due,
        source_kind=fields.source_kind,
        source_ref=fields.source_ref.strip(),
        priority=fields.priority or None,
        status="planned",
        published=fields.published,
        public_text=(fields.public_text or "").strip() or None,
        public_audience=fields.public_audience or None,
        created_by_id=by.id,
    )
    db.session.add(action)
    db.session.flush()
    audit("action.create", "action", action.id, commit=False, user_id=by.id)
    db.session.commit()
    return action


def add_update(
    action: Action,
    by: User,
    text: str,
    status: str | None = None,
    evidence: str | None = None,
    reason: str | None = None,
) -> ActionUpdate:
    """Record progress on `action` and, when `status` differs, move it there; audited.

    Dropping an action needs a `reason`. Raises PermissionError when `by` may not update
    it (can_update_action) and ActionError for a refused change.
    """
    if not can_update_action(by, action):
        raise PermissionError("this person may not update this action")
    if status is not None and status not in STATUSES:
        raise ActionError(_("Unknown status %(status)s.", status=status))
    if not text.strip():
        raise ActionError(_("Say what has happened."))
    changed = status if status and status != action.status else None
    if changed == "dropped":
        if not (reason or "").strip():
            raise ActionError(_("Say why the action is dropped."))
        action.dropped_reason = reason.strip() if reason else None
    update = ActionUpdate(
        action=action,
        by_id=by.id,
        status=changed,
        text=text.strip(),
        evidence=(evidence or "").strip() or None,
    )
    before = action.status
    if changed:
        action.status = changed
    action.updated_at = utcnow()
    db.session.add(update)
    db.session.flush()
    audit(
        "action.update",
        "action",
        action.id,
        commit=False,
        user_id=by.id,
        status_from=before,
        status_to=action.status,
    )
    db.session.commit()
    return update


def set_publication(
    action: Action, by: User, published: bool, text: str | None, audience: str | None
) -> None:
    """Publish (or withdraw) the action's public wording; analysts and admins only."""
    if not can_create_actions(by):
        raise PermissionError("only analysts and admins publish actions")
    fields = ActionFields(
        action.title, action.owner_agency_id, action.owner_person, action.due,
        action.source_kind, action.source_ref, published=published,
        public_text=text, public_audience=audience,
    )  # fmt: skip
    _check(fields)
    action.published = published
    action.public_text = (text or "").strip() or None
    action.public_audience = audience or None
    action.updated_at = utcnow()
    audit(
        "action.publish" if published else "action.unpublish",
        "action",
        action.id,
        commit=False,
        user_id=by.id,
        audience=audience,
    )
    db.session.commit()


def all_actions() -> list[Action]:
    """Every action, by due date. Everyone with an evidence role reads the whole plan (the
    Board report shows it too); who may change an action is can_update_action's rule."""
    query = select(Action).options(selectinload(Action.owner_agency)).order_by(Action.due)
    return list(db.session.scalars(query))


def actions_for(source_kind: str, refs: Iterable[str]) -> list[Action]:
    """The actions that answer these pieces of evidence (e.g. an indicator's id)."""
    query = (
        select(Action)
        .options(selectinload(Action.owner_agency))
        .where(Action.source_kind == source_kind, Action.source_ref.in_(list(refs)))
        .order_by(Action.due)
    )
    return list(db.session.scalars(query))


def actions_for_priority(priority_id: str) -> list[Action]:
    query = (
        select(Action)
        .options(selectinload(Action.owner_agency))
        .where(Action.priority == priority_id)
        .order_by(Action.due)
    )
    return list(db.session.scalars(query))


def published_for(audience: str) -> list[Action]:
    """What the public pages of surveys of `audience` tell: published actions, newest first."""
    query = (
        select(Action)
        .where(
            Action.published.is_(True),
            Action.public_audience == audience,
            Action.status != "dropped",
        )
        .order_by(Action.updated_at.desc(), Action.id.desc())
    )
    return list(db.session.scalars(query))


def action_by_id(action_id: int) -> Action | None:
    """The action with this id, or None."""
    return db.session.get(Action, action_id)
