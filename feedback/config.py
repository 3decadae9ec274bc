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


def _env_list(name: str, default: str) -> list[str]:
    return [v.strip() for v in os.environ.get(name, default).split(",") if v.strip()]


def oidc_providers_from_env(env: dict[str, str] | None = None) -> dict[str, dict[str, str]]:
    """HEARD_OIDC_PROVIDERS=entra,... and, for each NAME, HEARD_OIDC_<NAME>_ISSUER,
    _CLIENT_ID, _CLIENT_SECRET and optionally _LABEL, _SCOPE, _GROUPS_CLAIM, _EMAIL_CLAIM."""
    env = dict(os.environ) if env is None else env
    found: dict[str, dict[str, str]] = {}
    for name in [n.strip().lower() for n in env.get("HEARD_OIDC_PROVIDERS", "").split(",")]:
        if not name:
            continue
        prefix = f"HEARD_OIDC_{name.upper()}_"
        found[name] = {
            key.lower(): env[prefix + key]
            for key in ("ISSUER", "CLIENT_ID", "CLIENT_SECRET", "LABEL", "SCOPE")
            + ("GROUPS_CLAIM", "EMAIL_CLAIM")
            if env.get(prefix + key)
        }
    return found


def role_map_from_env(value: str | None = None) -> dict[str, str]:
    """HEARD_OIDC_ROLE_MAP: "claim value=role" pairs separated by commas, or a JSON object."""
    value = os.environ.get("HEARD_OIDC_ROLE_MAP", "") if value is None else value
    value = value.strip()
    if value.startswith("{"):
        import json

        return {str(k): str(v) for k, v in json.loads(value).items()}
    pairs = (item.rsplit("=", 1) for item in value.split(",") if "=" in item)
    return {claim.strip(): role.strip() for claim, role in pairs}


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
    # The address people reach Heard at: every absolute link (posters, QR codes, course
    # pages, invitations, alert e-mails) starts with it. Required in production.
    HEARD_BASE_URL = os.environ.get("HEARD_BASE_URL", "")
    # The zone of every time staff see (an IANA name); the database keeps UTC.
    HEARD_TIMEZONE = os.environ.get("HEARD_TIMEZONE", "Europe/London")
    HEARD_ALERT_OVERDUE_HOURS = _env_int("HEARD_ALERT_OVERDUE_HOURS", 24)
    # A closed alert is a safeguarding record: `heard retention apply` deletes it this
    # many days after it was closed (six years by default; follow your records policy),
    # and only once its response has gone. Open alerts are never deleted.
    HEARD_ALERT_RETENTION_DAYS = _env_int("HEARD_ALERT_RETENTION_DAYS", 6 * 365)
    #: Section 11 and case audit rounds, deleted whole this many days after their deadline
    #: (their own setting: audit returns are not survey responses)
    HEARD_AUDIT_RETENTION_DAYS = _env_int("HEARD_AUDIT_RETENTION_DAYS", 6 * 365)
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
    # However active, a staff session ends this many hours after signing in.
    HEARD_SESSION_MAX_HOURS = _env_int("HEARD_SESSION_MAX_HOURS", 12)
    # How long an invitation link for a new member of staff works.
    HEARD_INVITE_DAYS = _env_int("HEARD_INVITE_DAYS", 7)
    # memory:// is per process: with several gunicorn workers, use redis://host:6379/0 so the
    # workers share one count (a warning at start-up says so when they do not).
    RATELIMIT_STORAGE_URI = os.environ.get("HEARD_RATELIMIT_STORAGE_URI", "memory://")
    # If Redis goes away, keep limiting in each worker's memory rather than fail every page.
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    RATELIMIT_ENABLED = os.environ.get("HEARD_RATELIMIT_ENABLED", "1") == "1"
    RATELIMIT_HEADERS_ENABLED = False
    # Survey POSTs (feedback/respond/throttle.py): a class behind one address must never
    # meet these; an abuser does. Counted in the limiter's storage only, keyed by hashes.
    #: stored responses per address (a class of 35 finishing together is 35)
    HEARD_SUBMIT_RATE = os.environ.get("HEARD_SUBMIT_RATE", "120 per minute")
    #: new drafts (Start) per address
    HEARD_START_RATE = os.environ.get("HEARD_START_RATE", "300 per minute")
    #: POSTs per draft (a child answers a screen every few seconds at most)
    HEARD_DRAFT_RATE = os.environ.get("HEARD_DRAFT_RATE", "30 per minute")
    #: forged, expired or mismatched drafts per address
    HEARD_JUNK_RATE = os.environ.get("HEARD_JUNK_RATE", "20 per minute")
    #: wrong access codes per address and campaign
    HEARD_ACCESS_CODE_RATE = os.environ.get("HEARD_ACCESS_CODE_RATE", "20 per minute;100 per hour")
    # Wrong passwords per account, whatever the address (an attacker may have many).
    HEARD_LOGIN_ACCOUNT_RATE = os.environ.get("HEARD_LOGIN_ACCOUNT_RATE", "10 per hour")
    # Sign-in. Roles that must set up a second factor before reaching their pages.
    HEARD_MFA_REQUIRED_ROLES = _env_list("HEARD_MFA_REQUIRED_ROLES", "admin,safeguarding")
    # 0: no passwords at all, only single sign-on (set up a provider first).
    HEARD_LOCAL_PASSWORDS = os.environ.get("HEARD_LOCAL_PASSWORDS", "1") == "1"
    # OpenID Connect providers (README, "Signing in with Microsoft Entra ID").
    HEARD_OIDC_PROVIDERS = oidc_providers_from_env()
    HEARD_OIDC_ROLE_MAP = role_map_from_env()
    # 1: a first sign-in through a provider makes an account; 0: an admin invites first.
    HEARD_OIDC_JIT = os.environ.get("HEARD_OIDC_JIT", "0") == "1"
    # WebAuthn: the site's name shown by the browser, and its relying-party id (default:
    # the host of HEARD_BASE_URL).
    HEARD_WEBAUTHN_RP_NAME = os.environ.get("HEARD_WEBAUTHN_RP_NAME", "Heard")
    HEARD_WEBAUTHN_RP_ID = os.environ.get("HEARD_WEBAUTHN_RP_ID", "")
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
    HEARD_BASE_URL = os.environ.get("HEARD_BASE_URL", "http://localhost")
    RATELIMIT_ENABLED = False


class ProductionConfig(Config):
    """Everything else: SECRET_KEY must be set."""


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}
