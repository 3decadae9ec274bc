"""The half-finished survey, carried in a signed hidden field of each page.

Why not the session cookie: free-text answers of up to 5,000 characters overflow a 4 KB
cookie, and why not a database row: nothing is stored before the respondent submits.
The field is signed (and compressed) with the app's secret, so it cannot be forged, and
it expires after HEARD_DRAFT_MAX_AGE seconds. Several workers or machines can serve the
same respondent because nothing lives in process memory.
"""

from __future__ import annotations

import secrets
from dataclasses import asdict, dataclass, field

from itsdangerous import BadSignature, URLSafeTimedSerializer


@dataclass
class Draft:
    version_id: int
    campaign_id: int
    language: str
    #: one-time token: a retry of the final POST stores nothing twice
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    screen: int = 0
    answers: dict[str, str | list[str]] = field(default_factory=dict)
    #: the check-your-answers page is showing
    checking: bool = False


class DraftError(Exception):
    """The draft was tampered with, or is too old."""


def _serializer(secret: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt="heard.draft")


def dump_draft(draft: Draft, secret: str) -> str:
    return _serializer(secret).dumps(asdict(draft))


def load_draft(blob: str, secret: str, max_age: int) -> Draft:
    try:
        data = _serializer(secret).loads(blob, max_age=max_age)
        return Draft(**data)
    except (BadSignature, TypeError, ValueError) as exc:
        raise DraftError(str(exc)) from exc
