"""/healthz does a real round trip, and a write that cannot last is refused with a 503.

After the SQLite file is deleted or replaced, the open connections keep reading and
writing the old (unlinked) file: the answers would vanish at the next restart. Both the
health check and every commit compare the file with the one the connection opened.
"""

from __future__ import annotations

import glob
import os
import shutil

import pytest
from sqlalchemy import func, select, text

from feedback.extensions import db
from feedback.models import Response
from tests.conftest import ON_POSTGRES
from tests.feedback.helpers import hidden, load_test_survey, post_page, start

sqlite_only = pytest.mark.skipif(ON_POSTGRES, reason="the SQLite file itself")


def _to_check_page(client, slug):  # type: ignore[no-untyped-def]
    html = start(client, slug)
    html = post_page(client, slug, html, {"had_worker": "no"}).get_data(as_text=True)
    return post_page(client, slug, html, {"anything_else": "please keep this"}).get_data(
        as_text=True
    )


def _remove(path: str) -> None:
    for name in glob.glob(path + "*"):  # the database, its -wal and -shm
        os.remove(name)


def test_healthz_is_ok_on_a_working_database(client):
    reply = client.get("/healthz")
    assert reply.status_code == 200
    assert reply.get_json()["status"] == "ok"


@sqlite_only
def test_healthz_fails_once_the_database_file_is_deleted(app, client, database_url):
    assert client.get("/healthz").status_code == 200  # a pooled connection is open now
    _remove(database_url.removeprefix("sqlite:///"))
    reply = client.get("/healthz")
    assert reply.status_code == 503
    assert reply.get_json()["status"] != "ok"


@sqlite_only
def test_healthz_fails_once_the_database_file_is_replaced(app, client, database_url, tmp_path):
    path = database_url.removeprefix("sqlite:///")
    assert client.get("/healthz").status_code == 200
    copy = tmp_path / "copy.sqlite"
    shutil.copy(path, copy)
    os.replace(copy, path)  # a restore over the live file: new inode, same name
    # The old connections are dropped and new ones open the file that is there now.
    assert client.get("/healthz").status_code == 200
    with app.app_context():
        assert db.session.scalar(text("SELECT count(*) FROM alembic_version")) >= 1


@sqlite_only
def test_an_answer_sent_after_the_file_was_deleted_is_kept_in_the_page(app, client, database_url):
    slug = load_test_survey(app)
    html = _to_check_page(client, slug)
    _remove(database_url.removeprefix("sqlite:///"))
    reply = post_page(client, slug, html, {}, action="submit")
    page = reply.get_data(as_text=True)
    assert reply.status_code == 503, page[:300]
    assert "Send again" in page and "Traceback" not in page
    # The draft, with the typed answer inside it, is still in the form to send again.
    assert hidden(page, "state") == hidden(html, "state")


@sqlite_only
def test_healthz_fails_on_a_read_only_database(app, database_url, make_app):
    path = database_url.removeprefix("sqlite:///")
    read_only = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///file:{path}?mode=ro&uri=true")
    reply = read_only.test_client().get("/healthz")
    assert reply.status_code == 503


@pytest.mark.skipif(not ON_POSTGRES, reason="a PostgreSQL session that cannot write")
def test_healthz_fails_when_postgresql_will_not_write(make_app):
    options = {
        "pool_pre_ping": True,
        "connect_args": {"options": "-c default_transaction_read_only=on"},
    }
    app = make_app(SQLALCHEMY_ENGINE_OPTIONS=options)
    assert app.test_client().get("/healthz").status_code == 503


def test_healthz_fails_on_a_database_without_heard_tables(make_app, tmp_path):
    empty = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'empty.sqlite'}")
    assert empty.test_client().get("/healthz").status_code == 503


@sqlite_only
def test_nothing_is_stored_in_a_deleted_file_and_the_resend_stores_once(
    app, client, database_url, tmp_path
):
    slug = load_test_survey(app)
    path = database_url.removeprefix("sqlite:///")
    html = _to_check_page(client, slug)
    backup = tmp_path / "backup.sqlite"
    with app.app_context():
        db.session.execute(text(f"VACUUM INTO '{backup}'"))
        db.session.commit()
    _remove(path)
    assert post_page(client, slug, html, {}, action="submit").status_code == 503
    shutil.copy(backup, path)  # the operator restores the file
    assert post_page(client, slug, html, {}, action="submit").status_code == 303
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Response)) == 1


@sqlite_only
def test_a_file_deleted_during_the_submission_refuses_the_commit(app, client, database_url):
    from sqlalchemy import event

    slug = load_test_survey(app)
    html = _to_check_page(client, slug)
    path = database_url.removeprefix("sqlite:///")

    def _delete_now(session) -> None:  # type: ignore[no-untyped-def]
        _remove(path)  # after the checkout check, before the commit reaches the disk

    event.listen(db.session, "before_commit", _delete_now)
    try:
        reply = post_page(client, slug, html, {}, action="submit")
    finally:
        event.remove(db.session, "before_commit", _delete_now)
    assert reply.status_code == 503
    assert hidden(reply.get_data(as_text=True), "state") == hidden(html, "state")
