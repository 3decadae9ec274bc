"""Small signed tokens that prove Heard itself put something on a staff member's screen.

The reading list signs the ids it showed, and a "Raise a safeguarding concern" link signs
the text it is about, so a forged or edited form can act only on what was really shown.
"""

from __future__ import annotations

from typing import Any

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"heard.{purpose}")


def sign(purpose: str, payload: Any) -> str:
    """`payload` (JSON-safe) signed for `purpose` with the app's secret key."""
    return _serializer(purpose).dumps(payload)


def unsign(purpose: str, token: str, max_age: int) -> Any | None:
    """The payload of `token`, or None when it is forged, for another purpose, or too old."""
    try:
        return _serializer(purpose).loads(token or "", max_age=max_age)
    except BadSignature:  # SignatureExpired is a BadSignature too
        return None
