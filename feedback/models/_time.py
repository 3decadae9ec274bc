"""One clock for every model, so tests and queries agree on naive UTC."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Now in UTC, without tzinfo: SQLite and PostgreSQL then store and compare alike."""
    return datetime.now(UTC).replace(tzinfo=None)
