"""Authenticator apps (TOTP, RFC 6238): enrolment with a QR code, and checking a code once.

A code is accepted in its own 30-second step and one step either side (a phone clock a
little off, a code typed as it changed). Each accepted step is remembered, so a code
that was seen (over a shoulder, in a proxy log) cannot be used a second time, and
neither can any older one.
"""

from __future__ import annotations

import io
import time

import pyotp
import segno
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import TotpSecret, User

STEP = 30
WINDOW = 1  # steps either side of now


def new_secret() -> str:
    """A fresh random base32 secret (160 bits)."""
    return pyotp.random_base32(32)


def provisioning_uri(secret: str, email: str, issuer: str = "Heard") -> str:
    """The otpauth:// link an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=issuer)


def qr_svg(uri: str) -> str:
    """The QR code of `uri` as an inline SVG (no scripts, no external resources)."""
    out = io.BytesIO()
    segno.make(uri, error="m").save(out, kind="svg", scale=5, border=2, xmldecl=False, svgns=True)
    return out.getvalue().decode()


def secret_for(user: User) -> TotpSecret | None:
    return db.session.scalar(select(TotpSecret).where(TotpSecret.user_id == user.id))


def _matching_step(secret: str, code: str, now: float) -> int | None:
    code = "".join(code.split())
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret, interval=STEP)
    current = int(now // STEP)
    for step in range(current - WINDOW, current + WINDOW + 1):
        if pyotp.utils.strings_equal(totp.at(step * STEP), code):
            return step
    return None


def enrol(user: User, secret: str, code: str) -> bool:
    """Store `secret` for `user` if `code` proves the app has it; the caller commits."""
    step = _matching_step(secret, code, time.time())
    if step is None:
        return False
    stored = secret_for(user)
    if stored is None:
        stored = TotpSecret(user_id=user.id, secret=secret, last_step=step)
        db.session.add(stored)
    else:
        stored.secret, stored.last_step = secret, step
    return True


def check(user: User, code: str, now: float | None = None) -> bool:
    """Accept `code` for `user` once: True moves the last used step on (caller commits)."""
    stored = secret_for(user)
    if stored is None:
        return False
    step = _matching_step(stored.secret, code, time.time() if now is None else now)
    if step is None or step <= stored.last_step:
        return False
    stored.last_step = step
    return True
