"""Carrying a submission over the redirect to the thank-you page, unreadable to the device.

The session cookie is signed, not encrypted: on a shared tablet the next person can read
it. So the thank-you page gets only a sealed note (Fernet, keyed from SECRET_KEY) with the
one-time submission token, the language and, for surveys that allow withdrawal, the
receipt code shown once. Whether an answer raised a concern is never written to the
browser: the page asks the database, by that token. The note is taken out of the session
when the page is drawn, so nothing about the response is left on the device afterwards.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass

from cryptography.fernet import Fernet, InvalidToken
from flask import current_app, session

from feedback.services.safeguarding.concerns import token_raised_concern

KEY = "thanks"
#: the redirect is immediate; a note older than this is a left-behind one, not a reload
MAX_AGE_SECONDS = 15 * 60


@dataclass(frozen=True)
class Thanks:
    """What the thank-you page needs: the language, whether to show help first, a receipt."""

    language: str | None = None
    concern: bool = False
    receipt: str | None = None


def _fernet() -> Fernet:
    secret = current_app.config["SECRET_KEY"].encode()
    key = hashlib.sha256(b"heard.thanks:" + secret).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def hand_over(token: str, language: str, receipt: str | None) -> None:
    """Seal what the thank-you page needs into the session, for the next request only."""
    note = json.dumps({"token": token, "lang": language, "receipt": receipt})
    session[KEY] = _fernet().encrypt(note.encode()).decode()


def forget() -> None:
    """Drop a note the thank-you page never collected (a new person starting a survey)."""
    session.pop(KEY, None)


def take_over() -> Thanks:
    """Open and remove the sealed note; whether to show help first comes from the database."""
    sealed = session.pop(KEY, None)
    if not isinstance(sealed, str):
        return Thanks()
    try:
        note = json.loads(_fernet().decrypt(sealed.encode(), ttl=MAX_AGE_SECONDS))
    except (InvalidToken, ValueError):
        return Thanks()
    return Thanks(
        language=note.get("lang"),
        concern=token_raised_concern(str(note.get("token") or "")),
        receipt=note.get("receipt"),
    )
