"""GET /healthz: 200 only when the database answers and would keep what is written.

A bare `SELECT 1` said 200 with the database gone, read-only or full, so the check reads
a real table, asks whether a write would be accepted and (SQLite) whether the file is
still the one the connection opened. Answers are for load balancers, not people.

The probes stay here rather than in feedback/services/ (which the blueprint folders must
use): they are not queries about Heard's data but checks of the connection itself
(dialect PRAGMAs, a read-only flag, rollback and removal on failure), and this one
module is the only caller. The blueprint-folder checks leave feedback/health.py out.
"""

from flask import Blueprint, jsonify
from flask.typing import ResponseReturnValue
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from feedback.database_file import file_problem
from feedback.extensions import db

bp = Blueprint("health", __name__)


def _sqlite_problem() -> str | None:
    connection = db.session.connection()
    problem = file_problem(connection.connection.info)
    if problem:
        return problem
    # Rewriting the header's user_version with its own value is a real write: a
    # read-only file or directory refuses it.
    version = db.session.execute(text("PRAGMA user_version")).scalar_one()
    db.session.execute(text(f"PRAGMA user_version = {int(version)}"))
    pages = db.session.execute(text("PRAGMA page_count")).scalar_one()
    if pages >= db.session.execute(text("PRAGMA max_page_count")).scalar_one():
        return "the database is full"
    return None


def _postgresql_problem() -> str | None:
    if db.session.execute(text("SHOW transaction_read_only")).scalar_one() == "on":
        return "the database is read-only"
    return None


def database_problem() -> str | None:
    """What stops the database from storing answers now, or None when it can."""
    db.session.execute(text("SELECT count(*) FROM alembic_version")).scalar_one()
    name = db.engine.dialect.name
    if name == "sqlite":
        return _sqlite_problem()
    if name == "postgresql":
        return _postgresql_problem()
    return None


@bp.get("/healthz")
def healthz() -> ResponseReturnValue:
    try:
        problem = database_problem()
    except SQLAlchemyError:
        problem = "database unavailable"
    finally:
        try:
            db.session.rollback()
        except SQLAlchemyError:
            db.session.remove()
    if problem:
        return jsonify(status="database unavailable", problem=problem), 503
    return jsonify(status="ok")
