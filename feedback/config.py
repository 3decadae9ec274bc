"""Settings from the environment, one class per environment.

Every setting can be overridden by an environment variable: DATABASE_URL, SECRET_KEY and
HEARD_<NAME> for the rest (for example HEARD_MAX_TEXT_LENGTH=3000).
"""

from __future__ import annotations

import os
from typing import Any


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


class Config:
    """Defaults shared by every environment."""

    SECRET_KEY: str | None = os.environ.get("SECRET_KEY")
    SQLALCHEMY_DATABASE_URI: str | None = os.environ.get("DATABASE_URL")
    SQLALCHEMY_ENGINE_OPTIONS: dict[str, Any] = {"pool_pre_ping": True}
    # Children's answers are bounded; a body beyond this is refused with a 413.
    MAX_CONTENT_LENGTH = _env_int("HEARD_MAX_CONTENT_LENGTH", 1024 * 1024)
    MAX_FORM_MEMORY_SIZE = _env_int("HEARD_MAX_CONTENT_LENGTH", 1024 * 1024)
    HEARD_MAX_TEXT_LENGTH = _env_int("HEARD_MAX_TEXT_LENGTH", 5000)
    # How long a half-finished survey stays valid in the respondent's browser.
    HEARD_DRAFT_MAX_AGE = _env_int("HEARD_DRAFT_MAX_AGE", 24 * 3600)
    HEARD_HELP_LINES = {
        "childline": os.environ.get("HEARD_CHILDLINE", "0800 1111"),
        "nspcc": os.environ.get("HEARD_NSPCC", "0808 800 5000"),
    }
    HEARD_SERVICE_CONTACT = os.environ.get("HEARD_SERVICE_CONTACT", "")
    HEARD_QUICK_EXIT_URL = os.environ.get("HEARD_QUICK_EXIT_URL", "https://www.bbc.co.uk/weather")
    HEARD_REDACT_NAMES = [
        n.strip() for n in os.environ.get("HEARD_REDACT_NAMES", "").split(",") if n.strip()
    ]
    # Safeguarding alerts (docs/safeguarding.md). Without an SMTP host, notifications are
    # written as .eml files to HEARD_OUTBOX (default: <instance>/outbox).
    HEARD_SMTP_HOST = os.environ.get("HEARD_SMTP_HOST", "")
    HEARD_SMTP_PORT = _env_int("HEARD_SMTP_PORT", 587)
    HEARD_SMTP_USER = os.environ.get("HEARD_SMTP_USER", "")
    HEARD_SMTP_PASSWORD = os.environ.get("HEARD_SMTP_PASSWORD", "")
    HEARD_SMTP_FROM = os.environ.get("HEARD_SMTP_FROM", "heard@localhost")
    HEARD_SMTP_STARTTLS = os.environ.get("HEARD_SMTP_STARTTLS", "1") == "1"
    HEARD_OUTBOX = os.environ.get("HEARD_OUTBOX", "")
    # The address staff reach Heard at: the only host an alert e-mail ever links to.
    HEARD_BASE_URL = os.environ.get("HEARD_BASE_URL", "http://127.0.0.1:5000")
    HEARD_ALERT_OVERDUE_HOURS = _env_int("HEARD_ALERT_OVERDUE_HOURS", 24)
    # A text on the leads' reading list unread after this many hours is overdue.
    HEARD_READ_WITHIN_HOURS = _env_int("HEARD_READ_WITHIN_HOURS", 72)
    # This instance's own text model (heard text train --with-labels): used when its recall
    # on the shipped corpus is no lower ("auto"), or never ("off"). Empty dir: instance/.
    HEARD_LOCAL_TEXT_MODEL = os.environ.get("HEARD_LOCAL_TEXT_MODEL", "auto")
    HEARD_TEXT_MODEL_DIR = os.environ.get("HEARD_TEXT_MODEL_DIR", "")
    # Fernet key(s), comma-separated, newest first, for contact details respondents give.
    HEARD_CONTACT_KEY = os.environ.get("HEARD_CONTACT_KEY", "")
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_TRANSLATION_DIRECTORIES = "translations"
    BABEL_DOMAIN = "messages;surveys"
    WTF_CSRF_TIME_LIMIT = None  # a child may take an hour; the draft has its own age limit
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = True
    PERMANENT_SESSION_LIFETIME = _env_int("HEARD_SESSION_MINUTES", 30) * 60
    # How long an invitation link for a new member of staff works.
    HEARD_INVITE_DAYS = _env_int("HEARD_INVITE_DAYS", 7)
    RATELIMIT_STORAGE_URI = os.environ.get("HEARD_RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_ENABLED = os.environ.get("HEARD_RATELIMIT_ENABLED", "1") == "1"
    RATELIMIT_HEADERS_ENABLED = False
    # Per client address, counted in the limiter's storage only, never stored with answers.
    HEARD_SUBMIT_RATE = os.environ.get("HEARD_SUBMIT_RATE", "120 per minute")
    # Behind N reverse proxies, trust N X-Forwarded-For hops for the client address.
    HEARD_PROXY_COUNT = _env_int("HEARD_PROXY_COUNT", 0)


class DevelopmentConfig(Config):
    """`make run` on a laptop: plain HTTP, a generated key is acceptable."""

    SESSION_COOKIE_SECURE = False


class TestingConfig(Config):
    """pytest: a fresh database per test, no throttling unless a test asks for it."""

    TESTING = True
    SESSION_COOKIE_SECURE = False
    SECRET_KEY = "test-secret-key-not-for-production"
    RATELIMIT_ENABLED = False


class ProductionConfig(Config):
    """Everything else: SECRET_KEY must be set."""


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}
