"""Control characters, logs and the last-resort error page (issue 13, item 2).

A NUL byte in free text gave PostgreSQL's "cannot contain NUL" error: Werkzeug's bare
500 (no quick exit, no help lines), nothing stored, and the server log held the SQL
parameters, the child's words among them.
"""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select, text

from feedback.extensions import db
from feedback.models import Answer, ConcernAlert
from tests.feedback.safeguarding_helpers import submit

SLUG = "children-8-11"
WORDS = "My uncle touches me and I am scared"


SLUG_Q = "anything_else"


def _stored_text(app) -> list[str]:  # type: ignore[no-untyped-def]
    with app.app_context():
        return list(db.session.scalars(select(Answer.value).where(Answer.question_id == SLUG_Q)))


def test_a_nul_byte_in_free_text_is_stripped_and_the_answer_kept(library_loaded, caplog):
    app = library_loaded
    caplog.set_level(logging.DEBUG)
    thanks = submit(app.test_client(), SLUG, {SLUG_Q: f"{WORDS}\x00 \x07\x1b[31m\x7f\u0085 ok"})
    assert "Your answers have been sent" in thanks
    assert _stored_text(app) == [f"{WORDS} [31m ok"]
    with app.app_context():
        assert db.session.scalar(select(ConcernAlert.id)) is not None  # still read by a lead
    assert WORDS not in caplog.text


def test_line_breaks_and_tabs_survive(library_loaded):
    app = library_loaded
    submit(app.test_client(), SLUG, {SLUG_Q: "first line\r\nsecond\tline"})
    assert _stored_text(app) == ["first line\r\nsecond\tline"]


def test_a_staff_form_refuses_nothing_and_stores_no_nul(library_loaded):
    """The same cleaning applies to every form, not only the survey pages."""
    from tests.feedback.staff_helpers import csrf, signed_in

    app = library_loaded
    admin = signed_in(app, "admin")
    reply = admin.post(
        "/admin/campaigns/new",
        data={
            "csrf_token": csrf(admin, "/admin/campaigns/new"),
            "survey": "1",
            "name": "Hub\x00 North",
            "slug": "hub-north",
        },
    )
    assert reply.status_code == 303
    with app.app_context():
        assert db.session.scalar(text("SELECT name FROM campaign WHERE slug = 'hub-north'")) == (
            "Hub North"
        )


def test_the_engine_never_puts_statement_parameters_in_errors(app):
    with app.app_context():
        assert db.engine.hide_parameters
        with pytest.raises(Exception) as caught:
            db.session.execute(text("INSERT INTO no_such_table VALUES (:said)"), {"said": WORDS})
        db.session.rollback()
    assert WORDS not in str(caught.value)


def test_an_unexpected_failure_shows_heards_own_page_and_logs_no_answer(
    make_app, monkeypatch, caplog
):
    app = make_app(PROPAGATE_EXCEPTIONS=False)
    from feedback.services.surveys.versions import load_library

    with app.app_context():
        load_library()

    def broken_hook(response, definition, contact=None, **_):  # type: ignore[no-untyped-def]
        # A bug after the answers reached the database: the statement carries the words.
        said = [a.value for a in response.answers]
        db.session.execute(
            text("INSERT INTO answer (response_id, question_id, value) VALUES (:r, 'x', :said)"),
            {"r": response.id, "said": {"said": said}},  # no database binds a dict to a column
        )

    monkeypatch.setattr("feedback.services.surveys.hooks.after_response_stored", broken_hook)
    caplog.set_level(logging.DEBUG)
    client = app.test_client()
    from tests.feedback.helpers import post_page, start

    html = start(client, SLUG)
    for _ in range(20):
        fields = {SLUG_Q: WORDS} if f'name="{SLUG_Q}"' in html else {}
        action = "submit" if "Check your answers" in html else "next"
        reply = post_page(client, SLUG, html, fields, action=action)
        if reply.status_code != 200:
            break
        html = reply.get_data(as_text=True)
    page = reply.get_data(as_text=True)
    assert reply.status_code == 500
    assert "data-quick-exit" in page and "0800 1111" in page
    assert "Traceback" not in page
    assert WORDS not in caplog.text
