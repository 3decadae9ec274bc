"""Themed stories from the database: counts in SQL, excerpts honour consent and flags."""

from __future__ import annotations

from datetime import datetime

from feedback.services.outcomes.stories import (
    candidates,
    theme_counts,
    theme_stories,
    triangulation,
)
from feedback.services.surveys.lookup import surveys_by_slug
from tests.feedback.helpers import load_test_survey
from tests.feedback.textdata import add_text, survey

KIND = "The family worker was kind and patient with my little sister."
WAIT = "We had to wait four months before anyone came to see us."
QUIET = "I wrote this one but said no to being quoted about waiting."
SILENT = "I never answered the quote question, so please do not use this."
FLAGGED = "This text was flagged and must never be shown to an analyst."
ALERTED_OTHER = "A calm second answer from a response that has an alert on it."


def _fill(app):  # type: ignore[no-untyped-def]
    load_test_survey(app)  # test-branching: a parent survey that never asks about quoting
    with app.app_context():
        from feedback.services.surveys.versions import load_library

        load_library()
        add_text("children-8-11", KIND, [("respected", "positive")])
        add_text("children-8-11", WAIT, [("timeliness", "negative")])
        add_text("children-8-11", QUIET, [("timeliness", "negative")], consent=False)
        add_text("children-8-11", SILENT, [("timeliness", "negative")], consent=None)
        add_text("children-8-11", FLAGGED, [("timeliness", "negative")], concern=True)
        add_text("children-8-11", ALERTED_OTHER, [("timeliness", "positive")], alert=True)
        add_text(
            "test-branching",
            "Nobody from the team rang us back after the assessment.",
            [("communication", "negative"), ("timeliness", "negative")],
            question="anything_else",
            consent=None,
        )
        add_text(
            "test-branching",
            "The waiting list was short for once, which we were glad of.",
            [("timeliness", "positive")],
            consent=None,
            when=datetime(2025, 9, 1),
        )


def test_counts_leave_flagged_and_alerted_texts_out(app):
    _fill(app)
    with app.app_context():
        ids = [s.id for s in surveys_by_slug()]
        counts = {(r["theme"], r["sentiment"]): r["n"] for r in theme_counts(ids)}
        # Two quotable + one refused + one silent (children) + two (parents); the flagged
        # text and the alerted response are not counted at all.
        assert counts[("timeliness", "negative")] == 4
        assert counts[("timeliness", "positive")] == 1
        assert counts[("respected", "positive")] == 1


def test_counts_follow_the_period(app):
    _fill(app)
    with app.app_context():
        ids = [survey("test-branching").id]
        h1 = {(r["theme"], r["sentiment"]): r["n"] for r in theme_counts(ids, "2026-H1")}
        assert ("timeliness", "positive") not in h1
        h2 = {(r["theme"], r["sentiment"]): r["n"] for r in theme_counts(ids, "2025-H2")}
        assert h2 == {("timeliness", "positive"): 1}


def test_candidates_honour_consent_and_flags(app):
    _fill(app)
    with app.app_context():
        texts = {c["text"] for c in candidates([s.id for s in surveys_by_slug()])}
    assert KIND in texts and WAIT in texts
    assert QUIET not in texts and SILENT not in texts
    assert FLAGGED not in texts and ALERTED_OTHER not in texts
    # A survey that never asks about quoting may be quoted.
    assert "Nobody from the team rang us back after the assessment." in texts


def test_candidates_are_bounded_per_theme_and_sentiment(app):
    load_test_survey(app)
    with app.app_context():
        for i in range(12):
            text = f"Answer number {i} about a slow reply."
            add_text("test-branching", text, [("timeliness", "negative")], consent=None)
        rows = candidates([survey("test-branching").id], per_group=5)
    assert len(rows) == 5


def test_theme_stories_and_triangulation(app):
    _fill(app)
    with app.app_context():
        ids = [s.id for s in surveys_by_slug()]
        stories = {s.theme: s for s in theme_stories(ids)}
        timeliness = stories["timeliness"]
        assert timeliness.mentions == 5 and timeliness.share_negative == 80.0
        quoted = {e.text for e in timeliness.excerpts}
        assert WAIT in quoted and FLAGGED not in quoted and QUIET not in quoted
        assert len({e.respondent for e in timeliness.excerpts}) == len(timeliness.excerpts)
        table = triangulation(ids)
        assert set(table.voices) == {"child", "parent_carer"}
        cell = table.cell("timeliness", "parent_carer")
        assert cell is not None and cell.mentions == 2 and len(cell.excerpts) == 1
        child = table.cell("timeliness", "child")
        assert child is not None and [e.text for e in child.excerpts] == [WAIT]
