"""Who must have a second factor, who has one, and an admin's reset (audited).

The session records how its sign-in was completed (SESSION_KEY): "totp", "webauthn" or
"recovery" after a second factor, "oidc" when the organisation's provider signed the
person in (its own multi-factor policy applies there), or nothing after a password alone.
"""

from __future__ import annotations

from flask import current_app, session
from sqlalchemy import delete, select

from feedback.extensions import db
from feedback.models import RecoveryCode, SecurityKey, TotpSecret, User
from feedback.services.audit import audit

SESSION_KEY = "second_factor"


def required_for(user: User) -> bool:
    """Whether `user`'s role must enrol a second factor (HEARD_MFA_REQUIRED_ROLES)."""
    return user.role in current_app.config["HEARD_MFA_REQUIRED_ROLES"]


def factors(user: User) -> dict[str, int]:
    """How many of each factor `user` has: {"totp": 0|1, "keys": n}."""
    totp = db.session.scalar(select(TotpSecret.id).where(TotpSecret.user_id == user.id))
    keys = db.session.scalars(select(SecurityKey.id).where(SecurityKey.user_id == user.id))
    return {"totp": int(totp is not None), "keys": len(keys.all())}


def enrolled(user: User) -> bool:
    """Whether `user` has an authenticator app or a security key."""
    found = factors(user)
    return bool(found["totp"] or found["keys"])


def session_passed() -> bool:
    """Whether this session's sign-in included a second factor (or single sign-on)."""
    return bool(session.get(SESSION_KEY))


def blocked(user: User) -> bool:
    """Whether this session must enrol before it may reach `user`'s pages."""
    return required_for(user) and not session_passed()


def note_passed(how: str) -> None:
    """Record in the session that the sign-in was completed with `how`."""
    session[SESSION_KEY] = how


def reset(user: User, by: User | None) -> bool:
    """Remove every second factor and recovery code of `user` (an admin's reset).

    The person's sessions end; at their next sign-in they enrol again. Audited; False
    when there was nothing to remove.
    """
    had = enrolled(user)
    for model in (TotpSecret, SecurityKey, RecoveryCode):
        db.session.execute(delete(model).where(model.user_id == user.id))
    if not had:
        db.session.rollback()
        return False
    user.end_sessions()
    audit("mfa.reset", "user", user.id, commit=False, user_id=by.id if by else None)
    db.session.commit()
    return True


def record_enrolment(user: User, how: str, codes: bool = True) -> list[str] | None:
    """A first factor of `how` is set up: end `user`'s other sessions, audit it, commit.

    Returns new recovery codes the first time (None when `codes` is False or they had some).
    Sessions signed in with the password alone end here; the caller signs this one in again.
    """
    # Imported here: recovery_codes is a sibling the rest of this module does not need.
    from feedback.services.people import recovery_codes

    first = codes and recovery_codes.remaining(user) == 0
    made = recovery_codes.replace_codes(user) if first else None
    user.end_sessions()
    audit("mfa.enrol", "user", user.id, commit=False, factor=how)
    db.session.commit()
    return made


def renew_recovery_codes(user: User) -> list[str]:
    """New recovery codes for `user` (the old ones stop working), audited in the same commit."""
    from feedback.services.people import recovery_codes

    codes = recovery_codes.replace_codes(user)
    audit("mfa.recovery_codes", "user", user.id, commit=False)
    db.session.commit()
    return codes
