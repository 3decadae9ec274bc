"""Inviting staff by a one-time link.

The link holds a random token; only its sha256 is stored, so a copy of the database
cannot be used to sign up. A link works once, until it expires (HEARD_INVITE_DAYS,
7 days by default), and a newer invitation for the same address withdraws older ones.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, cast

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import CursorResult, func, select, update

from feedback.extensions import db
from feedback.models import AGENCY_ROLES, ROLES, Agency, Invitation, User
from feedback.models._time import utcnow
from feedback.services.audit import audit
from feedback.services.people.accounts import email_taken
from feedback.services.people.users import password_problem


class InvitationError(ValueError):
    """An invitation could not be made or used; the message says why in plain words."""


@dataclass(frozen=True)
class NewInvitation:
    invitation: Invitation
    #: the secret part of the link: shown once, never stored
    token: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite_days() -> int:
    return int(current_app.config.get("HEARD_INVITE_DAYS") or 7)


def create_invitation(
    email: str, role: str, by: User | None = None, agency_id: int | None = None
) -> NewInvitation:
    """Invite `email` to join with `role`; the returned token goes into the link.

    by: the admin inviting (recorded on the invitation and in the audit log).
    agency_id: the partner agency the person joins; required for an agency lead, whose
        pages show only that agency's audit returns.
    """
    email = email.strip().lower()
    if "@" not in email or len(email) > 254:
        raise InvitationError(_("'%(email)s' is not an email address.", email=email))
    if role not in ROLES:
        raise InvitationError(
            _("Unknown role '%(role)s' (allowed: %(roles)s).", role=role, roles=", ".join(ROLES))
        )
    if role in AGENCY_ROLES and not _usable_agency(agency_id):
        raise InvitationError(_("Choose the agency this agency lead works for."))
    if email_taken(email):
        raise InvitationError(_("There is already an account for %(email)s.", email=email))
    now = utcnow()
    # Only the newest link for an address works: an older one may have gone astray.
    db.session.execute(
        update(Invitation)
        .where(
            func.lower(Invitation.email) == email,
            Invitation.used_at.is_(None),
            Invitation.expires_at > now,
        )
        .values(expires_at=now)
    )
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        email=email,
        role=role,
        token_hash=token_hash(token),
        created_by_id=by.id if by else None,
        agency_id=agency_id if role in AGENCY_ROLES else None,
        created_at=now,
        expires_at=now + timedelta(days=invite_days()),
    )
    db.session.add(invitation)
    db.session.flush()
    audit(
        "user.invite",
        "invitation",
        invitation.id,
        commit=False,
        user_id=by.id if by else None,
        role=role,
    )
    db.session.commit()
    return NewInvitation(invitation, token)


def _usable_agency(agency_id: int | None) -> bool:
    agency = db.session.get(Agency, agency_id) if agency_id is not None else None
    return bool(agency and agency.active)


def find_invitation(token: str) -> Invitation | None:
    """The invitation whose link holds `token`, used or not, or None."""
    if not token or len(token) > 200:
        return None
    return db.session.scalar(select(Invitation).where(Invitation.token_hash == token_hash(token)))


def usable(invitation: Invitation | None) -> bool:
    """Whether the link can still be used: not used, not expired, not withdrawn."""
    return bool(invitation and invitation.used_at is None and invitation.expires_at > utcnow())


def accept_invitation(token: str, password: str) -> User:
    """Create the invited account with `password`, using the link up.

    Raises InvitationError when the link is unusable, the password breaks the rules or
    the address got an account meanwhile. Two tabs sending the same link at once make
    one account: the link is claimed by a conditional UPDATE before the account exists.
    """
    invitation = find_invitation(token)
    if not usable(invitation):
        raise InvitationError(_("This invitation link has expired or has already been used."))
    assert invitation is not None
    problem = password_problem(invitation.email, password)
    if problem:
        raise InvitationError(problem)
    if email_taken(invitation.email):
        raise InvitationError(
            _("There is already an account for %(email)s.", email=invitation.email)
        )
    now = utcnow()
    # An UPDATE's result is a CursorResult (it counts the rows changed); Session.execute
    # is typed for any statement, so the type checker is told which.
    claimed = cast(
        "CursorResult[Any]",
        db.session.execute(
            update(Invitation)
            .where(Invitation.id == invitation.id, Invitation.used_at.is_(None))
            .values(used_at=now)
        ),
    )
    if claimed.rowcount != 1:
        db.session.rollback()
        raise InvitationError(_("This invitation link has expired or has already been used."))
    user = User(
        email=invitation.email,
        role=invitation.role,
        agency_id=invitation.agency_id,
        last_login_at=None,
    )
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    audit("user.invite.accept", "user", user.id, commit=False, user_id=user.id, role=user.role)
    db.session.commit()
    return user


def revoke_invitation(invitation: Invitation, by: User | None = None) -> None:
    """Withdraw an unused invitation: its link stops working at once."""
    if not usable(invitation):
        return
    invitation.expires_at = utcnow()
    audit(
        "user.invite.revoke",
        "invitation",
        invitation.id,
        commit=False,
        user_id=by.id if by else None,
    )
    db.session.commit()


def pending_invitations() -> list[Invitation]:
    """Invitations whose links still work, newest first."""
    return list(
        db.session.scalars(
            select(Invitation)
            .where(Invitation.used_at.is_(None), Invitation.expires_at > utcnow())
            .order_by(Invitation.created_at.desc())
        )
    )


def invitation_by_id(invitation_id: int) -> Invitation | None:
    """The invitation with this id, or None."""
    return db.session.get(Invitation, invitation_id)
