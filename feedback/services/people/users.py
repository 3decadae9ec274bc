"""Creating staff accounts."""

from __future__ import annotations

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import AGENCY_ROLES, ROLES, User
from feedback.services.people.passwords import MIN_PASSWORD, password_problem

__all__ = ["MIN_PASSWORD", "UserError", "create_user", "password_problem"]


class UserError(ValueError):
    """A user could not be created; the message says why in plain words."""


def create_user(email: str, role: str, password: str, agency_id: int | None = None) -> User:
    """A new account; an agency lead must name the partner agency they belong to."""
    email = email.strip().lower()
    if "@" not in email or len(email) > 254:
        raise UserError(f"'{email}' is not an email address.")
    if role not in ROLES:
        raise UserError(f"Unknown role '{role}' (allowed: {', '.join(ROLES)}).")
    if role in AGENCY_ROLES and agency_id is None:
        raise UserError("An agency lead must belong to an agency (--agency NAME).")
    problem = password_problem(email, password)
    if problem:
        raise UserError(problem)
    if db.session.scalar(select(User).where(func.lower(User.email) == email)):
        raise UserError(f"A user with the email address {email} already exists.")
    user = User(email=email, role=role, agency_id=agency_id)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    return user


def user_by_id(user_id: int) -> User | None:
    """The account with this id, or None."""
    return db.session.get(User, user_id)


def emails_by_id(ids: set[int]) -> dict[int, str]:
    """E-mail address by user id for `ids` (staff have no display name: this is it)."""
    if not ids:
        return {}
    rows = db.session.execute(select(User.id, User.email).where(User.id.in_(ids)))
    return {user_id: email for user_id, email in rows}


def user_by_email(email: str) -> User | None:
    """The account whose address is `email`, ignoring case (`email` already lower case)."""
    return db.session.scalar(select(User).where(func.lower(User.email) == email))
