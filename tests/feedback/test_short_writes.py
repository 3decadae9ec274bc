"""A submission holds the database's writer only for its inserts (issue 13, item 11).

Text analysis is the slow part of storing a response. It ran between the first INSERT
and the COMMIT, so on SQLite every other respondent waited for it (and for `heard
analyse`, for a whole batch of 500 answers).
"""

from __future__ import annotations

from sqlalchemy import event, select

import analysis.text as analyser
from feedback.extensions import db
from feedback.models import Answer, ConcernAlert, TextAnalysis
from tests.feedback.safeguarding_helpers import DISCLOSURE, submit


def _watch_writes(app, monkeypatch) -> list[bool]:  # type: ignore[no-untyped-def]
    """Record, for each text analysed, whether a write transaction was open at the time."""
    state = {"writing": False}
    seen: list[bool] = []
    with app.app_context():
        engine = db.engine

    @event.listens_for(engine, "before_cursor_execute")
    def _statement(conn, cursor, statement, params, context, many):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            state["writing"] = True

    @event.listens_for(engine, "commit")
    def _commit(conn):  # type: ignore[no-untyped-def]
        state["writing"] = False

    @event.listens_for(engine, "rollback")
    def _rollback(conn):  # type: ignore[no-untyped-def]
        state["writing"] = False

    real = analyser.analyse_text

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(state["writing"])
        return real(*args, **kwargs)

    monkeypatch.setattr(analyser, "analyse_text", watched)
    return seen


def test_text_is_analysed_before_the_write_transaction_opens(library_loaded, monkeypatch):
    app = library_loaded
    seen = _watch_writes(app, monkeypatch)
    submit(app.test_client(), "children-8-11", {"anything_else": DISCLOSURE})
    assert seen == [False]
    with app.app_context():
        assert db.session.scalar(select(TextAnalysis.id)) is not None
        assert db.session.scalar(select(ConcernAlert.id)) is not None


def test_the_backfill_analyses_a_batch_before_writing_it(library_loaded, monkeypatch):
    app = library_loaded
    client = app.test_client()
    for text in (DISCLOSURE, "The worker was kind.", "I like the youth club."):
        submit(client, "children-8-11", {"anything_else": text})
    with app.app_context():
        db.session.query(ConcernAlert).delete()
        db.session.query(TextAnalysis).delete()
        db.session.commit()
    seen = _watch_writes(app, monkeypatch)
    result = app.test_cli_runner().invoke(args=["analyse"])
    assert result.exit_code == 0, result.output
    assert seen == [False, False, False]
    with app.app_context():
        answers = db.session.scalar(select(db.func.count(Answer.id)).join(TextAnalysis))
        assert answers == 3
        assert db.session.scalar(select(ConcernAlert.id)) is not None


def test_uploading_a_huge_xlsform_is_refused_with_the_reason(app, client):
    import io

    from tests.feedback.admin_helpers import csrf, sign_in_as
    from tests.forms.xlsform_book import SETTINGS, workbook

    rows = [["type", "name", "label"]] + [["integer", f"q{n}", f"Q{n}"] for n in range(1000)]
    sign_in_as(app, client, "admin")
    data = {
        "csrf_token": csrf(client),
        "definition": (io.BytesIO(workbook(rows, settings=SETTINGS)), "huge.xlsx"),
    }
    reply = client.post("/admin/upload", data=data, content_type="multipart/form-data")
    assert reply.status_code == 400
    assert "at most 200 questions, and this one has 1000" in reply.get_data(as_text=True)
