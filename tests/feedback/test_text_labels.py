"""Decisions teach the analyser: labels export, a local retrain, and when Heard uses it."""

from __future__ import annotations

import json
import stat

import pytest
from sqlalchemy import select

from analysis.text.model import LearnedModel, load_model, model_paths
from analysis.text.train import load_training_set, rules_view, train
from feedback.extensions import db
from feedback.models import AuditEvent, ConcernAlert, TextAnalysis, User
from feedback.services.text import model as text_model
from tests.analysis.test_text_model import write_corpus
from tests.feedback.helpers import hidden
from tests.feedback.reading_helpers import flashed, post_alert, post_read, reading_page, store_text
from tests.feedback.safeguarding_helpers import DISCLOSURE, SUICIDAL, lead_client

FIELDS = {
    "id",
    "audience",
    "age_band",
    "language",
    "text",
    "themes",
    "sentiment",
    "concern",
    "concern_categories",
}
READ = "i like the after school club a lot"
WORRY = "my cousin who is 19 is my best friend now"
#: More decisions, so that cross-validation has five of each kind in the labels' folds.
MORE_READ = [
    "the youth worker is funny",
    "we went bowling and it was great",
    "my teacher helps me with reading",
    "i want more trips to the park",
]
MORE_WORRY = [  # texts the analyser does not flag, as a lead's reading might
    "we move house a lot and i dont know why",
    "we go to a new house every few weeks",
    "we have lots of visitors at night",
    "i dont have a coat for winter",
]


def test_the_worrying_texts_here_are_ones_the_analyser_does_not_flag():
    """They must reach the reading list; when a retrained model flags one, pick another."""
    from analysis.text import analyse_text

    for text in [WORRY, *MORE_WORRY, READ, *MORE_READ]:
        assert not analyse_text(text).concern, text


def _close(client, alert_id: int, state: str, note: str) -> None:  # type: ignore[no-untyped-def]
    token = hidden(client.get("/staff").get_data(as_text=True), "csrf_token")
    reply = client.post(
        f"/safeguarding/alerts/{alert_id}/state",
        data={"csrf_token": token, "state": state, "state_note": note},
    )
    assert reply.status_code == 303


def _decide(app) -> None:  # type: ignore[no-untyped-def]
    """A lead reads two texts (one worrying) and closes two alerts; one stays open."""
    lead = lead_client(app)
    read = store_text(app, READ, hours_ago=5)
    worry = store_text(app, WORRY, hours_ago=4)
    store_text(app, DISCLOSURE, hours_ago=3)
    store_text(app, SUICIDAL, hours_ago=2)  # its alert stays open: no label yet
    more_read = [store_text(app, text, hours_ago=6) for text in MORE_READ]
    more_worry = [store_text(app, text, hours_ago=6) for text in MORE_WORRY]
    html = reading_page(lead)
    flashed(lead, post_read(lead, html, [read, *more_read], bulk=True))
    flashed(lead, post_alert(lead, html, worry, "Grooming signs.", ["sexual_abuse"]))
    for answer_id in more_worry:
        flashed(lead, post_alert(lead, html, answer_id, "Worrying.", ["neglect"]))
    with app.app_context():
        by_text = {a.answer_id: a.id for a in db.session.scalars(select(ConcernAlert))}
        analyser = db.session.scalars(
            select(ConcernAlert.id)
            .where(ConcernAlert.source == "analyser")
            .order_by(ConcernAlert.id)
        ).first()
    _close(lead, by_text[worry], "actioned", "Referred to MASH.")
    _close(lead, analyser, "no_further_action", "A story the child is writing.")


def _export(app, path, email="lead@example.org"):  # type: ignore[no-untyped-def]
    return app.test_cli_runner().invoke(
        args=["text", "labels", "export", "-o", str(path), "--as", email]
    )


def test_labels_export_writes_decisions_and_closed_alerts_in_the_corpus_format(make_app, tmp_path):
    from feedback.services.surveys.versions import load_library

    app = make_app()
    with app.app_context():
        load_library()
    _decide(app)
    path = tmp_path / "instance" / "labels.jsonl"
    result = _export(app, path)
    assert result.exit_code == 0, result.output
    assert "Wrote 11 labels" in result.output
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    rows = {r["text"]: r for r in map(json.loads, path.read_text().splitlines())}
    assert all(set(r) == FIELDS for r in rows.values())
    # Every decision and closed alert; the open analyser alert is not a label yet.
    assert set(rows) == {READ, WORRY, DISCLOSURE, *MORE_READ, *MORE_WORRY}
    assert {rows[t]["concern"] for t in MORE_WORRY} == {True}
    assert (rows[READ]["concern"], rows[READ]["concern_categories"]) == (False, [])
    assert (rows[WORRY]["concern"], rows[WORRY]["concern_categories"]) == (True, ["sexual_abuse"])
    assert (rows[DISCLOSURE]["concern"], rows[DISCLOSURE]["concern_categories"]) == (False, [])
    assert rows[READ]["audience"] == "child" and rows[READ]["age_band"] == "8-11"
    assert rows[READ]["language"] == "en" and rows[READ]["sentiment"] is None
    assert isinstance(rows[READ]["themes"], list) and rows[READ]["id"].startswith("heard-")
    # Loaded as the trainer loads an extra source.
    assert len(load_training_set_examples(path)) == 11
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "labels.export"))
        lead = db.session.scalar(select(User.id).where(User.email == "lead@example.org"))
        assert event.user_id == lead and event.detail["labels"] == 11
        assert WORRY not in json.dumps(event.detail)


def load_training_set_examples(path):  # type: ignore[no-untyped-def]
    from analysis.text.evaluate import load_jsonl

    return load_jsonl(path)


@pytest.mark.parametrize(
    ("email", "role", "message"),
    [
        ("analyst@example.org", "analyst", "may not export labels"),
        ("nobody@example.org", None, "There is no account nobody@example.org."),
    ],
)
def test_only_admins_and_leads_may_export_labels(app, tmp_path, email, role, message):
    if role:
        lead_client(app, email, role)
    result = _export(app, tmp_path / "labels.jsonl", email)
    assert result.exit_code == 1 and message in result.output
    assert not (tmp_path / "labels.jsonl").exists()


def test_a_local_retrain_is_used_only_when_its_recall_is_no_lower(make_app, tmp_path, monkeypatch):
    from feedback.services.surveys.versions import load_library

    corpus = write_corpus(tmp_path / "corpus")
    data = load_training_set(corpus)
    train(data, rules_view(data)).write(tmp_path / "shipped")
    monkeypatch.setattr(text_model, "SHIPPED_DIR", tmp_path / "shipped")
    local = tmp_path / "local"
    app = make_app(HEARD_TEXT_MODEL_DIR=str(local))
    with app.app_context():
        load_library()
    _decide(app)
    labels = tmp_path / "labels.jsonl"
    assert _export(app, labels).exit_code == 0

    result = app.test_cli_runner().invoke(
        args=["text", "train", "--corpus", str(corpus), "--with-labels", str(labels)]
    )
    assert result.exit_code == 0, result.output
    assert "== labels.jsonl (11 answers), 5-fold cross-validated ==" in result.stdout
    assert "local beside shipped" in result.stdout
    assert "Heard will" in result.stdout
    assert load_model(local) is not None
    meta = json.loads(model_paths(local)[1].read_text())
    assert meta["training"]["labels.jsonl"]["examples"] == 11

    def set_shipped_recall(value: float) -> None:
        path = model_paths(tmp_path / "shipped")[1]
        shipped = json.loads(path.read_text())
        shipped["cross_validated"]["corpus"]["concern"]["either"]["recall"] = value
        path.write_text(json.dumps(shipped))

    mine = meta["cross_validated"]["corpus"]["concern"]["either"]["recall"]
    set_shipped_recall(mine)  # no lower: used from the next start
    used = make_app(HEARD_TEXT_MODEL_DIR=str(local))
    assert isinstance(text_model.active_model(used), LearnedModel)
    # A child's answer stored now is scored by the local model.
    text = "my uncle comes in my room at night"
    answer_id = store_text(used, text, hours_ago=1, score="analysed")
    with used.app_context():
        stored = db.session.scalar(
            select(TextAnalysis.concern_score).where(TextAnalysis.answer_id == answer_id)
        )
    assert stored == round(load_model(local).score(text).concern, 4)

    set_shipped_recall(min(1.0, mine + 0.001) if mine < 1.0 else 1.0)
    if mine < 1.0:  # lower than the shipped model's: the shipped model stays
        kept = make_app(HEARD_TEXT_MODEL_DIR=str(local))
        assert text_model.active_model(kept) is None
        assert "lower than the shipped" in kept.extensions[text_model.CHOICE_KEY].reason
    set_shipped_recall(mine)
    off = make_app(HEARD_TEXT_MODEL_DIR=str(local), HEARD_LOCAL_TEXT_MODEL="off")
    assert text_model.active_model(off) is None


def test_with_labels_refuses_an_output_folder(app, tmp_path):
    labels = tmp_path / "labels.jsonl"
    labels.write_text("")
    result = app.test_cli_runner().invoke(
        args=["text", "train", "--with-labels", str(labels), "--output", str(tmp_path / "x")]
    )
    assert result.exit_code == 2 and "a model with labels is local" in result.output
