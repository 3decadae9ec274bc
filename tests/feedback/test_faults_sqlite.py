"""A read-only or full SQLite file gives the respondent a clear page, never a traceback."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import event, func, select

from feedback.extensions import db
from feedback.models import Response
from tests.conftest import ON_POSTGRES
from tests.feedback.helpers import hidden, load_test_survey, post_page, start

pytestmark = pytest.mark.skipif(ON_POSTGRES, reason="SQLite file faults; PostgreSQL has its own")


def _to_check_page(client, slug, text="keep me"):  # type: ignore[no-untyped-def]
    html = start(client, slug)
    html = post_page(client, slug, html, {"had_worker": "no"}).get_data(as_text=True)
    return post_page(client, slug, html, {"anything_else": text}).get_data(as_text=True)


def test_read_only_database_gives_503_with_answers_kept(app, database_url, make_app):
    slug = load_test_survey(app)
    path = database_url.removeprefix("sqlite:///")
    read_only = make_app(
        SECRET_KEY=app.config["SECRET_KEY"],
        SQLALCHEMY_DATABASE_URI=f"sqlite:///file:{path}?mode=ro&uri=true",
    )
    client = read_only.test_client()
    html = _to_check_page(client, slug)
    reply = post_page(client, slug, html, {}, action="submit")
    page = reply.get_data(as_text=True)
    assert reply.status_code == 503
    assert "Traceback" not in page and "Send again" in page
    # The draft (with the typed answer inside it) and the token are still in the form.
    assert hidden(page, "state") == hidden(html, "state")
    # Once the database is writable again, the same form stores exactly one response.
    writable = app.test_client()
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
    with writable.session_transaction() as session:
        with client.session_transaction() as old:
            session.update(old)
    assert writable.post(f"/s/{slug}", data=data).status_code == 303
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Response)) == 1


def test_full_database_gives_503_not_a_traceback(app, client):
    slug = load_test_survey(app)
    html = _to_check_page(client, slug, "a long answer " * 350)
    with app.app_context():
        engine = db.engine
        # A migration that rebuilds a table leaves its old pages free in the file, and a
        # write would fit in them: squeeze them out so the file is truly full.
        with engine.connect() as conn:
            conn.exec_driver_sql("VACUUM")

        @event.listens_for(engine, "connect")
        def _tiny(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            used = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
            dbapi_conn.execute(f"PRAGMA max_page_count={used}")

        engine.dispose()
    reply = post_page(client, slug, html, {}, action="submit")
    assert reply.status_code == 503
    assert "Send again" in reply.get_data(as_text=True)
