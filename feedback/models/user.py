"""Staff accounts and invitations."""

from __future__ import annotations

import secrets
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from feedback.extensions import Model
from feedback.models._time import utcnow

#: The partnership's own staff roles, then the roles of Section 11 and case audits (issue
#: 16): a `moderator` reviews and challenges agencies' returns; an `agency_lead` belongs to
#: one partner agency (User.agency_id) and reaches only that agency's audit returns.
ROLES = (
    "admin",
    "analyst",
    "facilitator",
    "trainer",
    "safeguarding",
    "moderator",
    "agency_lead",
)
#: Roles held by people of a partner agency rather than of the partnership itself.
AGENCY_ROLES = ("agency_lead",)


def _new_session_nonce() -> str:
    return secrets.token_hex(16)


class User(UserMixin, Model):
    __tablename__ = "user"
    # An index, not a constraint: SQLite adds it without rebuilding the user table.
    __table_args__ = (Index("ix_user_oidc", "oidc_issuer", "oidc_subject", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: lower-cased e-mail address, the sign-in name
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    #: one of ROLES
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]
    #: part of every session's identity; a new value ends all of this person's sessions
    session_nonce: Mapped[str] = mapped_column(
        String(32), default=_new_session_nonce, server_default=""
    )
    #: the OpenID provider's issuer and subject this account is linked to (single sign-on)
    oidc_issuer: Mapped[str | None] = mapped_column(String(255))
    oidc_subject: Mapped[str | None] = mapped_column(String(255))
    #: the partner agency this person works for (agency leads see only its returns)
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id"))

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)
        # Whoever knew the old password may hold a session: end them all.
        self.end_sessions()

    def end_sessions(self) -> None:
        """Make every session cookie issued to this person stop working (commit to apply)."""
        self.session_nonce = _new_session_nonce()

    def get_id(self) -> str:
        # What Flask-Login keeps in the signed cookie: a cookie copied before the nonce
        # changed (sign-out, deactivation, role or password change) no longer matches.
        return f"{self.id}:{self.session_nonce}"

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    def has_role(self, *roles: str) -> bool:
        return self.role in roles


class Invitation(Model):
    """A one-time link that lets a new member of staff choose a password."""

    __tablename__ = "invitation"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    role: Mapped[str] = mapped_column(String(20))
    #: sha256 of the token in the link; the token itself is never stored
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    #: the agency the invited person will belong to (agency leads)
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
