"""Fixtures in the flaskr shape: every test gets an app on a fresh database.

The schema is built once per test session by Alembic (the real migrations), copied as a
template file, then copied again for each test: fast and faithful. With DATABASE_URL set
to PostgreSQL, each test runs in its own schema instead.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

# A test run reads no deployment's settings: a HEARD_BASE_URL or SECRET_KEY exported in a
# shell or by a CI runner would change the links and keys the tests check (CI once built
# every link on http://127.0.0.1:5000). Settings are read when feedback.config is
# imported, so they go before that; a test that needs one passes it to make_app.
for _name in [n for n in os.environ if n.startswith("HEARD_") and not n.startswith("HEARD_TEST_")]:
    del os.environ[_name]
for _name in ("SECRET_KEY", "HEARD_ENV", "FLASK_DEBUG"):
    os.environ.pop(_name, None)

from feedback import create_app  # noqa: E402
from feedback.database import upgrade  # noqa: E402

LIBRARY = Path(__file__).resolve().parent.parent / "forms" / "library"
CHROMIUM = Path("/usr/bin/chromium")
# Quiet, offline Chromium: no GPU in CI, no update checks or sync calling out.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
POSTGRES_URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = POSTGRES_URL.startswith("postgres")


def _pg(url: str) -> str:
    return "postgresql+psycopg://" + url.split("://", 1)[1]


def _pg_admin(statement: str) -> None:
    engine = create_engine(_pg(POSTGRES_URL), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(statement))
    engine.dispose()


@pytest.fixture(scope="session")
def template_db(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[str]:
    """A migrated database that each test copies: a file on SQLite, a template on PostgreSQL."""
    if not ON_POSTGRES:
        path = tmp_path_factory.mktemp("template") / "heard.sqlite"
        engine = create_engine(f"sqlite:///{path}")
        upgrade(engine)
        engine.dispose()
        yield str(path)
        return
    worker = getattr(request.config, "workerinput", {}).get("workerid", "main")
    name = f"heard_tmpl_{worker}"
    _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _pg_admin(f'CREATE DATABASE "{name}"')
    engine = create_engine(make_url(_pg(POSTGRES_URL)).set(database=name))
    upgrade(engine)
    engine.dispose()
    yield name
    _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def database_url(template_db: str, tmp_path: Path) -> Iterator[str]:
    """A fresh database for one test, copied from the migrated template."""
    if not ON_POSTGRES:
        db_path = tmp_path / "heard.sqlite"
        shutil.copy(template_db, db_path)
        yield f"sqlite:///{db_path}"
        return
    name = f"heard_t_{uuid.uuid4().hex[:12]}"
    _pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{template_db}"')
    yield make_url(_pg(POSTGRES_URL)).set(database=name).render_as_string(hide_password=False)
    _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def app(database_url: str, tmp_path: Path) -> Iterator[Flask]:
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": database_url,
            "HEARD_OUTBOX": str(tmp_path / "outbox"),
            # Never a local model someone trained in this checkout's instance folder.
            "HEARD_TEXT_MODEL_DIR": str(tmp_path / "text-model"),
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
    from feedback.services.surveys.versions import load_library

    with app.app_context():
        load_library()
    return app


# One Playwright per test process: a second sync_playwright() started while this one
# runs fails ("Sync API inside the asyncio loop"), so every browser test shares it.
@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium, or a skip that says how to get it."""
    if not CHROMIUM.exists():
        pytest.skip(
            "browser tests need Debian's Chromium at /usr/bin/chromium: "
            "apt-get install chromium fonts-noto-core (or `make system-packages` as root)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


if os.environ.get("HEARD_TEST_VERBOSE_SQL"):
    import logging

    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)


@pytest.fixture
def make_app(database_url: str, tmp_path: Path) -> Iterator:
    """Build an app on this test's database with extra settings; engines are closed after."""
    made: list[Flask] = []

    def build(**settings: object) -> Flask:
        config = {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": database_url,
            "HEARD_OUTBOX": str(tmp_path / "outbox"),
            "HEARD_TEXT_MODEL_DIR": str(tmp_path / "text-model"),
        }
        config.update(settings)
        made.append(create_app(config))
        return made[-1]

    yield build
    from feedback.extensions import db, limiter

    for built in made:
        with built.app_context():
            db.engine.dispose()
            # The limiter is one object per process: forget this test's counts (it has
            # no storage until some app enabled it).
            if limiter._storage is not None:
                limiter.reset()


@pytest.fixture(scope="session")
def redis_server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One real redis-server per test worker (see tests/redis_server.py)."""
    from tests.redis_server import redis_server

    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url


@pytest.fixture
def redis_url(redis_server_url: str) -> str:
    """The Redis server, emptied for this test."""
    import redis

    client = redis.Redis.from_url(redis_server_url)
    client.flushdb()
    client.close()
    return redis_server_url
