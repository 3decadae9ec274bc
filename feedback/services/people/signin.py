"""Completing a sign-in, holding it for a second factor, and auditing every attempt.

Every attempt writes one audit row: "signin.ok" or "signin.refused", with the method
("password", "oidc:<provider>") and, for a refusal, the reason. The reason is for the
audit log only: the person is told the same thing whether or not the account exists.
"""

from __future__ import annotations

import time
from typing import Any

from flask import current_app, session
from flask_login import login_user
from werkzeug.security import check_password_hash, generate_password_hash

from feedback.extensions import db
from feedback.models import User
from feedback.models._time import utcnow
from feedback.services.audit import audit
from feedback.services.people.second_factor import note_passed
from feedback.services.people.sessions import start_session
from feedback.throttle import exhausted, spend

PENDING = "pending_second_factor"
PENDING_SECONDS = 300
_DUMMY_HASH: list[str] = []


def spend_dummy_check(password: str) -> None:
    """Take as long as a real password check, so timing does not show unknown accounts."""
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(generate_password_hash("not a real password"))
    check_password_hash(_DUMMY_HASH[0], password)


def refused(method: str, reason: str, user: User | None = None, **detail: Any) -> None:
    """Audit a refused sign-in (commits)."""
    audit(
        "signin.refused",
        "user" if user else None,
        user.id if user else None,
        user_id=user.id if user else None,
        method=method,
        reason=reason,
        **detail,
    )


def finish(user: User, method: str, second_factor: str | None, **detail: Any) -> None:
    """Sign `user` in: a fresh session, noted and audited (commits)."""
    session.clear()
    session.permanent = True
    login_user(user)
    start_session(user)
    if second_factor:
        note_passed(second_factor)
        detail["second_factor"] = second_factor
    user.last_login_at = utcnow()
    audit("signin.ok", "user", user.id, commit=False, user_id=user.id, method=method, **detail)
    db.session.commit()


def hold(user: User, next_url: str | None) -> None:
    """The password was right: wait (five minutes at most) for the second factor."""
    session.clear()
    session[PENDING] = {
        "user": user.id,
        "nonce": user.session_nonce,
        "until": int(time.time()) + PENDING_SECONDS,
        "next": next_url,
    }


def held() -> tuple[User, str | None] | None:
    """The person whose password was right and the page they wanted, or None."""
    data = session.get(PENDING)
    if not isinstance(data, dict) or int(data.get("until", 0)) < time.time():
        return None
    user = db.session.get(User, int(data.get("user", 0)))
    # Deactivated, signed out everywhere or password changed meanwhile: start again.
    if user is None or not user.active or user.session_nonce != data.get("nonce"):
        return None
    return user, data.get("next")


def account_throttled(email: str) -> bool:
    """Whether wrong attempts for this account used up HEARD_LOGIN_ACCOUNT_RATE."""
    return exhausted("login-account", email, current_app.config["HEARD_LOGIN_ACCOUNT_RATE"])


def count_failure(email: str) -> None:
    """Count one wrong password or code against the account, known or not."""
    spend("login-account", email, current_app.config["HEARD_LOGIN_ACCOUNT_RATE"])


def abandon() -> None:
    """Undo what a failed attempt changed but did not commit (a half-checked code or key),
    so the refusal recorded next is all that is written."""
    db.session.rollback()


def sign_out(user: User) -> None:
    """End this cookie, any copy of it, and `user`'s other sessions."""
    user.end_sessions()
    db.session.commit()
