"""Creating staff accounts."""

from __future__ import annotations

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import ROLES, User

MIN_PASSWORD = 12


class UserError(ValueError):
    """A user could not be created; the message says why in plain words."""


def password_problem(email: str, password: str) -> str | None:
    """Why `password` is not acceptable for `email`, or None when it is."""
    if len(password) < MIN_PASSWORD:
        return f"The password must be at least {MIN_PASSWORD} characters long."
    if password.strip().lower() == email.strip().lower():
        return "The password must not be the email address."
    return None


def create_user(email: str, role: str, password: str) -> User:
    email = email.strip().lower()
    if "@" not in email or len(email) > 254:
        raise UserError(f"'{email}' is not an email address.")
    if role not in ROLES:
        raise UserError(f"Unknown role '{role}' (allowed: {', '.join(ROLES)}).")
    problem = password_problem(email, password)
    if problem:
        raise UserError(problem)
    if db.session.scalar(select(User).where(func.lower(User.email) == email)):
        raise UserError(f"A user with the email address {email} already exists.")
    user = User(email=email, role=role)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    return user
