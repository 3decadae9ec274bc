"""Shared fixtures for tests in a real browser: Playwright driving Debian's Chromium.

- ``live_app``: the app on a database of its own (a copied SQLite file, or a PostgreSQL
  database made from the migrated template when DATABASE_URL names PostgreSQL), with
  every bundled survey loaded.
- ``live_server``: that app served on 127.0.0.1 at a free port, in a thread; the value
  is the base URL, e.g. ``http://127.0.0.1:40321``.
- ``browser`` (from tests/conftest.py, so tests elsewhere share it): headless Chromium;
  every test here is skipped, saying what to install, when /usr/bin/chromium is missing.
- ``page``: a fresh desktop tab; ``phone_page``: a fresh 360 x 740 touch-screen tab.

Mark browser tests ``@pytest.mark.browser`` (or ``pytestmark = pytest.mark.browser``).
"""

from __future__ import annotations

import shutil
import threading
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from sqlalchemy.engine import make_url
from werkzeug.serving import make_server

from feedback import create_app
from tests.conftest import ON_POSTGRES, POSTGRES_URL, _pg, _pg_admin
from tests.feedback.catalog_helpers import ensure_compiled

PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="session")
def live_app(template_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """The app on a fresh database of its own, with every bundled survey loaded.

    template_db is a file on SQLite and a database name on PostgreSQL (tests/conftest.py):
    copy the file, or make a database from the template, and drop it when the session ends.
    """
    from feedback.extensions import db
    from feedback.services.surveys.versions import load_library

    ensure_compiled()
    folder = tmp_path_factory.mktemp("live")
    name = ""
    if ON_POSTGRES:
        name = f"heard_live_{uuid.uuid4().hex[:12]}"
        _pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{template_db}"')
        url = make_url(_pg(POSTGRES_URL)).set(database=name).render_as_string(hide_password=False)
    else:
        shutil.copy(template_db, folder / "heard.sqlite")
        url = f"sqlite:///{folder / 'heard.sqlite'}"
    app = create_app(
        {"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "HEARD_OUTBOX": str(folder / "outbox")}
    )
    with app.app_context():
        load_library()
    try:
        yield app
    finally:
        with app.app_context():
            db.engine.dispose()  # a pooled connection left open would block the DROP
        if name:
            _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def live_server(live_app: Flask) -> Iterator[str]:
    """Serve live_app on 127.0.0.1 (a free port) in a thread; yields the base URL."""
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A desktop-sized tab in a fresh context (no cookies from other tests)."""
    context = browser.new_context()
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def phone_page(browser: Any) -> Iterator[Any]:
    """A 360 x 740 touch-screen tab, the size of a small phone, in a fresh context."""
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture(params=["phone", "desktop"])
def any_page(request: pytest.FixtureRequest) -> Any:
    """The test runs twice: on a small phone and on a desktop."""
    return request.getfixturevalue("phone_page" if request.param == "phone" else "page")
