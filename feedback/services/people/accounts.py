"""Changing staff accounts: roles and deactivation, never locking out the last admin.

Every change writes an audit row in the same transaction as the change itself, so the
log cannot miss a change that happened (or record one that did not).
"""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import AGENCY_ROLES, ROLES, User
from feedback.services.audit import audit


class AccountError(ValueError):
    """The change was refused; the message says why in plain words."""


def _other_active_admins(user: User) -> int:
    # FOR UPDATE makes two admins demoting each other at once wait for one another on
    # PostgreSQL (SQLite already runs one writer at a time).
    rows = db.session.scalars(
        select(User.id)
        .where(User.role == "admin", User.active.is_(True), User.id != user.id)
        .with_for_update()
    ).all()
    return len(rows)


def _keeps_an_admin(user: User) -> None:
    if user.role == "admin" and user.active and _other_active_admins(user) == 0:
        raise AccountError(
            _(
                "This is the last active admin account. Make someone else an admin first, "
                "so that nobody is locked out."
            )
        )


def change_role(user: User, role: str, by: User | None = None) -> bool:
    """Give `user` the role `role`; False when it already had it.

    by: the admin making the change (recorded in the audit log).
    Raises AccountError for an unknown role or when the last admin would be lost.
    """
    if role not in ROLES:
        raise AccountError(
            _("Unknown role '%(role)s' (allowed: %(roles)s).", role=role, roles=", ".join(ROLES))
        )
    if user.role == role:
        return False
    if role in AGENCY_ROLES and user.agency_id is None:
        # Without an agency the role would open nothing, or worse, be given one later
        # by accident: agency leads are invited with their agency.
        raise AccountError(
            _(
                "%(email)s belongs to no agency. Invite agency leads with their agency.",
                email=user.email,
            )
        )
    if role != "admin":
        _keeps_an_admin(user)
    before, user.role = user.role, role
    user.end_sessions()  # a session must not keep the powers of the old role
    audit(
        "user.role",
        "user",
        user.id,
        commit=False,
        user_id=by.id if by else None,
        before=before,
        after=role,
    )
    db.session.commit()
    return True


def set_active(user: User, active: bool, by: User | None = None) -> bool:
    """Deactivate (active=False) or reactivate `user`; False when nothing changed.

    A deactivated account cannot sign in, and every session it had ends for good (a new
    session nonce), so reactivating does not revive them. Nobody deactivates themselves.
    """
    if user.active == active:
        return False
    if not active:
        if by is not None and by.id == user.id:
            raise AccountError(_("You cannot deactivate your own account."))
        _keeps_an_admin(user)
    user.active = active
    # Also on reactivation: a cookie from before the deactivation must not work again.
    user.end_sessions()
    audit(
        "user.reactivate" if active else "user.deactivate",
        "user",
        user.id,
        commit=False,
        user_id=by.id if by else None,
    )
    db.session.commit()
    return True


def staff_list() -> list[User]:
    """Every account, admins first, then by e-mail address."""
    return list(
        db.session.scalars(select(User).order_by(User.active.desc(), User.role, User.email))
    )


def email_taken(email: str) -> bool:
    """Whether an account (active or not) already uses `email`."""
    email = email.strip().lower()
    return db.session.scalar(select(User.id).where(func.lower(User.email) == email)) is not None
