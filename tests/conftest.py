"""Fixtures in the flaskr shape: every test gets an app on a fresh database.

The schema is built once per test session by Alembic (the real migrations), copied as a
template file, then copied again for each test: fast and faithful. With DATABASE_URL set
to PostgreSQL, each test runs in its own schema instead.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy import create_engine

from feedback import create_app
from feedback.database import upgrade

LIBRARY = Path(__file__).resolve().parent.parent / "forms" / "library"


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "heard.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture
def app(template_db: Path, tmp_path: Path) -> Iterator[Flask]:
    db_path = tmp_path / "heard.sqlite"
    shutil.copy(template_db, db_path)
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{db_path}",
            "HEARD_OUTBOX": str(tmp_path / "outbox"),
        }
    )
    yield app
    with app.app_context():
        from feedback.extensions import db

        db.engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


@pytest.fixture
def library_loaded(app: Flask) -> Flask:
    """The app with every bundled survey loaded."""
    from feedback.services.demo import load_library

    with app.app_context():
        load_library()
    return app


if os.environ.get("HEARD_TEST_VERBOSE_SQL"):
    import logging

    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)
