"""Migrations on an empty database, and the health check."""

from __future__ import annotations

from sqlalchemy import create_engine, inspect

from feedback.database import downgrade, upgrade


def test_migrations_build_and_remove_the_schema(database_url):
    """Down to nothing and back up, on whichever database the suite runs (SQLite or PostgreSQL)."""
    engine = create_engine(database_url)
    downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade(engine)
    tables = set(inspect(engine).get_table_names())
    assert {"survey", "survey_version", "response", "answer", "user", "concern_alert"} <= tables
    downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade(engine)  # and back up again, cleanly
    assert "response" in inspect(engine).get_table_names()
    engine.dispose()


def test_healthz_answers_when_the_database_does(client):
    reply = client.get("/healthz")
    assert reply.status_code == 200 and reply.get_json() == {"status": "ok"}


def test_security_headers_on_every_page(client):
    reply = client.get("/login")
    assert "script-src 'self'" in reply.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in reply.headers["Content-Security-Policy"]
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
