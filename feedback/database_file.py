"""SQLite: never write to a database file that is no longer the one on disk.

When the file is deleted or replaced under a running server, every open connection keeps
the old, unlinked file: reads still work and commits still "succeed", and those answers
vanish at the next restart. So each connection records which file (device and inode) it
opened; a commit on a connection whose file is gone or replaced is refused (the
respondent gets the 503 page that keeps their answers), and such a connection is
dropped at its next checkout. Once the engine has opened the file, later connections
open it without creating it, so a deleted database never comes back as an empty one.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, Dialect, Engine
from sqlalchemy.exc import DisconnectionError, OperationalError
from sqlalchemy.pool import ConnectionPoolEntry, PoolProxiedConnection

KEY = "heard_database_file"


class DatabaseFileChanged(Exception):
    """The SQLite file this connection writes to was deleted or replaced."""


def _identity(path: str) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def file_problem(info: dict[str, Any]) -> str | None:
    """Why the file behind a connection (its pool `info`) is not the one on disk, or None."""
    opened = info.get(KEY)
    if opened is None:  # in memory, or not SQLite
        return None
    path, identity = opened
    now = _identity(path)
    if now is None:
        return "the database file was deleted"
    if now != identity:
        return "the database file was replaced"
    return None


def guard_sqlite_file(engine: Engine) -> None:
    """Attach the checks above to a SQLite `engine` (call once, before it connects)."""
    opened_once: list[bool] = []

    @event.listens_for(engine, "do_connect")
    def _open_without_creating(
        dialect: Dialect, record: ConnectionPoolEntry, cargs: list[Any], cparams: dict[str, Any]
    ) -> None:
        path = cargs[0] if cargs else None
        if not opened_once or cparams.get("uri") or not isinstance(path, str):
            return
        if path in ("", ":memory:"):
            return
        cargs[0] = Path(path).resolve().as_uri() + "?mode=rw"
        cparams["uri"] = True

    @event.listens_for(engine, "connect")
    def _remember_file(dbapi_conn: sqlite3.Connection, record: ConnectionPoolEntry) -> None:
        rows = dbapi_conn.execute("PRAGMA database_list").fetchall()
        path = next((row[2] for row in rows if row[1] == "main"), "")
        if path:
            opened_once.append(True)
            record.info[KEY] = (path, _identity(path))

    @event.listens_for(engine, "checkout")
    def _drop_stale(
        dbapi_conn: sqlite3.Connection, record: ConnectionPoolEntry, proxy: PoolProxiedConnection
    ) -> None:
        if file_problem(record.info):
            raise DisconnectionError("SQLite database file changed; reconnecting")

    @event.listens_for(engine, "commit")
    def _refuse_commit(conn: Connection) -> None:
        problem = file_problem(conn.connection.info)
        if problem:
            raise OperationalError("COMMIT", None, DatabaseFileChanged(problem))
