"""Ten single-use recovery codes per person, shown once and kept only as hashes."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy import delete, select

from feedback.extensions import db
from feedback.models import RecoveryCode, User
from feedback.models._time import utcnow

COUNT = 10
# No 0/O, 1/I/L: a code read from paper is typed right.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def _normalise(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def _hash(code: str) -> str:
    return hashlib.sha256(_normalise(code).encode()).hexdigest()


def _one() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(12))  # about 59 bits
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def replace_codes(user: User) -> list[str]:
    """Make ten new codes for `user` (the old ones stop working); the caller commits."""
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = [_one() for _ in range(COUNT)]
    db.session.add_all(RecoveryCode(user_id=user.id, code_hash=_hash(c)) for c in codes)
    return codes


def remaining(user: User) -> int:
    """How many unused codes `user` has left."""
    rows = db.session.scalars(
        select(RecoveryCode.id).where(
            RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None)
        )
    ).all()
    return len(rows)


def use_code(user: User, code: str) -> bool:
    """Spend one unused code of `user`; False when it is wrong or was used. Caller commits."""
    wanted = _hash(code)
    if len(_normalise(code)) != 12:
        return False
    for row in db.session.scalars(
        select(RecoveryCode).where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))
    ):
        if hmac.compare_digest(row.code_hash, wanted):
            row.used_at = utcnow()
            return True
    return False
