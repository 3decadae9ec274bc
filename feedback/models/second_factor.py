"""A person's second factors: an authenticator app (TOTP), security keys, recovery codes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from feedback.extensions import Model
from feedback.models._time import utcnow


class TotpSecret(Model):
    """The shared secret of one authenticator app (RFC 6238, 30-second steps, 6 digits)."""

    __tablename__ = "totp_secret"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), unique=True, index=True
    )
    #: base32 secret; it must be readable to check a code, so it is not hashed
    secret: Mapped[str] = mapped_column(String(64))
    #: the time step of the last code accepted: a code is good once, never again
    last_step: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SecurityKey(Model):
    """A WebAuthn credential: a security key or a passkey."""

    __tablename__ = "security_key"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    #: the credential id the authenticator chose (raw bytes)
    credential_id: Mapped[bytes] = mapped_column(LargeBinary(1024), unique=True)
    #: COSE public key
    public_key: Mapped[bytes] = mapped_column(LargeBinary(2048))
    #: the authenticator's signature counter, to notice a cloned key
    sign_count: Mapped[int] = mapped_column(default=0)
    #: a name the person gave it ("blue YubiKey")
    name: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]


class RecoveryCode(Model):
    """One single-use recovery code, kept only as a hash."""

    __tablename__ = "recovery_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    #: sha256 of the normalised code (codes are random, 60 bits: no slow hash needed)
    code_hash: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime | None]
