"""Engine tuning and schema upgrades (Alembic)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import ConnectionPoolEntry

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Alembic is imported inside the functions that migrate: only `heard init-db` and the
# tests need it, and importing it was a tenth of a second of every command's start-up.


def configure_engine(engine: Engine) -> None:
    """SQLite: write-ahead log so readers never block the writer; foreign keys on."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=10000")
        if ":memory:" not in str(engine.url):
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    if ":memory:" not in str(engine.url):
        from feedback.database_file import guard_sqlite_file

        guard_sqlite_file(engine)


def close_sessions_quietly(app: Flask) -> None:
    """End each request's session without letting a dead connection turn the page into a 500.

    Flask-SQLAlchemy's own teardown rolls back on the connection; if the database went away
    during the request, that rollback raises after the response was chosen. Registered after
    db.init_app, this runs first (teardowns run in reverse) and leaves it nothing to do.
    """

    @app.teardown_appcontext
    def _close(_exc: BaseException | None) -> None:
        from feedback.extensions import db

        try:
            db.session.remove()
        except SQLAlchemyError as error:
            app.logger.warning("database session closed uncleanly: %s", error)
            db.session.registry.clear()


def alembic_config(url: str) -> AlembicConfig:
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(engine: Engine, revision: str = "heads") -> None:
    """Create or upgrade the schema on `engine` to `revision`."""
    with engine.begin() as conn:
        cfg = alembic_config(str(engine.url))
        cfg.attributes["connection"] = conn
        from alembic import command

        command.upgrade(cfg, revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    with engine.begin() as conn:
        cfg = alembic_config(str(engine.url))
        cfg.attributes["connection"] = conn
        from alembic import command

        command.downgrade(cfg, revision)
