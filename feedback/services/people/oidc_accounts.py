"""Who a provider's ID token is in Heard: the role its groups map to, and the account.

- The role comes from the token's group or role claims through HEARD_OIDC_ROLE_MAP (for
  example an Entra group id -> "safeguarding"); when several map, the most trusted role
  wins (ROLE_ORDER). A person whose claims map to no role is refused.
- An agency lead belongs to one partner agency, which no provider's group says: it comes
  from the person's invitation (or their existing account). A sign-in that maps to
  agency_lead without one is refused ("no_agency") rather than made an account that
  would reach no agency's returns, or the wrong one.
- The account is the one linked to the provider's issuer and subject. The first sign-in
  links an account by e-mail address: an existing account, or a pending invitation
  (which is then used). Without either, a new account is made only with HEARD_OIDC_JIT.
- A deactivated account is refused whatever the provider says.
"""

from __future__ import annotations

from typing import Any

from flask import current_app
from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import AGENCY_ROLES, ROLES, Invitation, User
from feedback.models._time import utcnow
from feedback.services.audit import audit
from feedback.services.people.oidc import OidcRefused, Provider

#: most trusted first: a person in both the analysts' and the admins' group is an admin.
#: A moderator reads every agency's returns, so ranks above the analysts; agency_lead,
#: the one role held by people outside the partnership, ranks last: a partnership role
#: in any of a person's groups wins over it.
ROLE_ORDER = (
    "admin",
    "safeguarding",
    "moderator",
    "analyst",
    "trainer",
    "facilitator",
    "agency_lead",
)
NO_PASSWORD = "!oidc"  # never a valid werkzeug hash: this account has no password


def _values(claim: Any) -> list[str]:
    if claim is None:
        return []
    if isinstance(claim, str):
        return [claim]
    if isinstance(claim, list | tuple):
        return [str(v) for v in claim]
    return [str(claim)]


def mapped_role(claims: dict[str, Any], found: Provider) -> str | None:
    """The role the token's groups (or roles) map to, or None."""
    role_map: dict[str, str] = current_app.config.get("HEARD_OIDC_ROLE_MAP") or {}
    held = set(_values(claims.get(found.groups_claim)))
    if found.groups_claim != "roles":
        held |= set(_values(claims.get("roles")))  # Entra app roles, when used instead
    roles = {role_map[v] for v in held if v in role_map and role_map[v] in ROLES}
    return next((r for r in ROLE_ORDER if r in roles), None)


def _email(claims: dict[str, Any], found: Provider) -> str:
    if claims.get("email_verified") is False:
        return ""  # an address the provider itself has not checked cannot link an account
    return str(claims.get(found.email_claim) or "").strip().lower()


def _pending_invitation(email: str) -> Invitation | None:
    return db.session.scalar(
        select(Invitation)
        .where(
            func.lower(Invitation.email) == email,
            Invitation.used_at.is_(None),
            Invitation.expires_at > utcnow(),
        )
        .order_by(Invitation.id.desc())
    )


def account_for(claims: dict[str, Any], found: Provider) -> User:
    """The account these verified claims sign in to (linked, made or updated; not committed).

    Raises OidcRefused with the reason for the audit log.
    """
    role = mapped_role(claims, found)
    if role is None:
        raise OidcRefused("unmapped")
    subject = str(claims["sub"])
    user = db.session.scalar(
        select(User).where(User.oidc_issuer == found.issuer, User.oidc_subject == subject)
    )
    if user is None:
        user = _link_or_make(claims, found, role, subject)
    if not user.active:
        raise OidcRefused("deactivated", user)
    if role in AGENCY_ROLES and user.agency_id is None:
        raise OidcRefused("no_agency", user)
    if user.role != role:
        before, user.role = user.role, role
        user.end_sessions()
        audit("user.role", "user", user.id, commit=False, before=before, after=role, by="oidc")
    return user


def _link_or_make(claims: dict[str, Any], found: Provider, role: str, subject: str) -> User:
    email = _email(claims, found)
    if not email or "@" not in email:
        raise OidcRefused("no_verified_email")
    user = db.session.scalar(select(User).where(func.lower(User.email) == email))
    if user is not None:
        if user.oidc_subject is not None:
            raise OidcRefused("linked_to_another_subject")
        action = "user.link_sso"
    else:
        invitation = _pending_invitation(email)
        if invitation is None and not current_app.config.get("HEARD_OIDC_JIT"):
            raise OidcRefused("not_invited")
        agency_id = invitation.agency_id if invitation is not None else None
        if role in AGENCY_ROLES and agency_id is None:
            raise OidcRefused("no_agency")  # before anything is made or an invitation used
        if invitation is not None:
            invitation.used_at = utcnow()
        user = User(email=email, role=role, password_hash=NO_PASSWORD, agency_id=agency_id)
        db.session.add(user)
        db.session.flush()
        action = "user.invite.accept" if invitation else "user.create_sso"
    user.oidc_issuer, user.oidc_subject = found.issuer, subject
    audit(action, "user", user.id, commit=False, user_id=user.id, provider=found.name)
    return user
