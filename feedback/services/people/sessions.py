"""Staff sessions the server can end, and that end after HEARD_SESSION_MAX_HOURS anyway.

The session cookie is signed, not stored, so on its own it works until it expires, and
each request renews the 30-minute idle window. Two things make it revocable:

- the cookie names the user *and* the user's current session nonce (User.get_id); sign-
  out, deactivation, a role change and a password change draw a new nonce, so every
  cookie issued before stops matching;
- the time of sign-in is kept in the cookie, and a session older than the maximum age is
  refused however active it has been.
"""

from __future__ import annotations

import hmac
import time

from flask import current_app, session

from feedback.extensions import login_manager
from feedback.models import User
from feedback.services.people.users import user_by_id

SIGNED_IN_AT = "signed_in_at"


def start_session(user: User) -> None:
    """Note when this session began (call it on sign-in, after session.clear())."""
    session[SIGNED_IN_AT] = int(time.time())


def _too_old() -> bool:
    started = session.get(SIGNED_IN_AT)
    if not isinstance(started, int):
        return True
    max_age = current_app.config["HEARD_SESSION_MAX_HOURS"] * 3600
    return time.time() - started > max_age


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """The signed-in user for `session_id` ("<id>:<nonce>"), or None when it was ended."""
    user_id, _, nonce = session_id.partition(":")
    if not user_id.isdigit() or not _:
        return None  # a cookie from before sessions could be ended
    if _too_old():
        return None
    user = user_by_id(int(user_id))
    if user is None or not hmac.compare_digest(user.session_nonce, nonce):
        return None
    return user
