"""Outcome statements counted through a real SQLite database."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import inspect

from feedback.extensions import db
from feedback.services.outcomes.rows import (
    BadBreakdown,
    BadPeriod,
    UnknownSurvey,
    outcome_rows,
    pool_partners,
)
from tests.feedback.outcome_helpers import OLDER, YOUNG, answer, load
from tests.feedback.staff_helpers import signed_in


def _rows(app, *args, **kwargs):  # type: ignore[no-untyped-def]
    with app.app_context():
        return outcome_rows(*args, **kwargs)


def _pick(rows, outcome, survey, group=None):  # type: ignore[no-untyped-def]
    found = [r for r in rows if r.id == outcome and r.survey == survey and r.group == group]
    assert len(found) == 1, (outcome, survey, group, [r.to_json() for r in rows])
    return found[0]


@pytest.fixture
def two_surveys(app):  # type: ignore[no-untyped-def]
    young, older = load(app, YOUNG), load(app, OLDER)
    answer(app, young, {"listened": "happy"}, times=4)
    answer(app, young, {"listened": "sad"}, times=2)
    answer(app, young, {"listened": "prefer_not_to_say"})
    answer(app, older, {"heard_me": "agree"}, times=3)
    answer(app, older, {"heard_me": "strongly_agree"}, times=2)
    answer(app, older, {"heard_me": "disagree"}, times=3)
    answer(app, older, {"heard_me": "prefer_not_to_say"})
    return young, older


def test_pooling_adds_up_surveys_that_share_an_outcome_id(app, two_surveys):
    rows = _rows(app, list(two_surveys))
    young = _pick(rows, "felt_listened_to", "little-voices")
    older = _pick(rows, "felt_listened_to", "older-voices")
    pooled = _pick(rows, "felt_listened_to", "pooled")
    # "Prefer not to say" leaves the denominator.
    assert (young.numerator, young.denominator) == (4, 6)
    assert (older.numerator, older.denominator) == (5, 8)
    assert (pooled.numerator, pooled.denominator) == (9, 14)
    assert pooled.percent == 64.3 and pooled.min_n == 5
    assert pooled.statement == "Children who felt listened to"
    # The pooled row comes first, the per-survey rows beside it.
    listened = [r.survey for r in rows if r.id == "felt_listened_to"]
    assert listened == ["pooled", "little-voices", "older-voices"]


def test_without_pooling_there_are_only_per_survey_rows(app, two_surveys):
    rows = _rows(app, list(two_surveys), pooled=False)
    assert "pooled" not in {r.survey for r in rows}


def test_pool_partners_finds_surveys_sharing_an_outcome(app, two_surveys):
    with app.app_context():
        assert pool_partners("older-voices") == ["older-voices", "little-voices"]


def test_small_groups_are_suppressed_at_the_boundary(app):
    slug = load(app, OLDER)  # min_n 5
    answer(app, slug, {"heard_me": "agree"}, times=4)
    (row,) = _rows(app, [slug])
    assert row.suppressed and row.numerator is None and row.denominator == 4
    answer(app, slug, {"heard_me": "disagree"})
    (row,) = _rows(app, [slug])
    assert not row.suppressed and (row.numerator, row.percent) == (4, 80.0)


def test_multi_choice_outcome_counts_each_response_once(app):
    slug = load(app, YOUNG)
    answer(app, slug, {"helpers": ["teacher", "nurse"]}, times=2)
    answer(app, slug, {"helpers": ["nobody"]})
    row = _pick(_rows(app, [slug]), "someone_helped", slug)
    assert (row.numerator, row.denominator) == (2, 3)


def test_breakdown_by_language(app):
    slug = load(app, YOUNG)
    answer(app, slug, {"listened": "happy"}, times=4)
    answer(app, slug, {"listened": "sad"})
    answer(app, slug, {"listened": "happy"}, times=2, language="pl")
    answer(app, slug, {"listened": "sad"}, language="pl")
    rows = [r for r in _rows(app, [slug], by="language") if r.id == "felt_listened_to"]
    assert [r.group for r in rows] == [None, {"language": "en"}, {"language": "pl"}]
    assert [(r.numerator, r.denominator) for r in rows] == [(6, 8), (4, 5), (2, 3)]


def test_breakdown_by_a_closed_question_names_the_unanswered(app):
    slug = load(app, YOUNG)
    answer(app, slug, {"listened": "happy", "had_worker": "yes"}, times=3)
    answer(app, slug, {"listened": "sad", "had_worker": "no"}, times=3)
    answer(app, slug, {"listened": "happy"}, times=2)
    rows = [r for r in _rows(app, [slug], by="had_worker") if r.id == "felt_listened_to"]
    groups = {json.dumps(r.group): (r.numerator, r.denominator, r.suppressed_reason) for r in rows}
    # Two unanswered are below min_n 3; "no" is hidden too, or everyone minus "yes"
    # minus "no" would give the unanswered away.
    assert groups == {
        "null": (5, 8, None),
        '{"had_worker": "yes"}': (3, 3, None),
        '{"had_worker": "no"}': (None, 3, "protects_another_row"),
        '{"had_worker": "not answered"}': (None, 2, "below_min_n"),
    }
    # Groups follow the question's choices, with the unanswered last.
    assert [r.group for r in rows][1:] == [
        {"had_worker": "yes"},
        {"had_worker": "no"},
        {"had_worker": "not answered"},
    ]


def test_breakdown_by_a_multi_choice_question_still_counts_everyone_once(app):
    slug = load(app, YOUNG)
    answer(app, slug, {"listened": "happy", "helpers": ["teacher", "nurse"]}, times=3)
    answer(app, slug, {"listened": "sad", "helpers": ["nurse"]}, times=3)
    rows = [r for r in _rows(app, [slug], by="helpers") if r.id == "felt_listened_to"]
    counts = {json.dumps(r.group): (r.numerator, r.denominator) for r in rows}
    assert counts["null"] == (3, 6)
    assert counts['{"helpers": "teacher"}'] == (3, 3)
    assert counts['{"helpers": "nurse"}'] == (3, 6)


def test_answers_of_every_version_that_asks_the_question_count(app):
    slug = load(app, YOUNG)
    answer(app, slug, {"listened": "happy"}, times=3)
    second = YOUNG.replace("title: Little voices", "title: Little voices (2)").replace(
        "outcomes:\n",
        "      - id: safe\n        type: yes_no\n        text: Do you feel safe?\n"
        "outcomes:\n  - id: feel_safe\n    statement: Children who feel safe\n"
        "    question: safe\n    positive: ['yes']\n",
    )
    load(app, second)
    answer(app, slug, {"listened": "happy", "safe": "yes"}, times=2)
    answer(app, slug, {"listened": "sad", "safe": "no"}, times=2)
    rows = _rows(app, [slug])
    listened = _pick(rows, "felt_listened_to", slug)
    safe = _pick(rows, "feel_safe", slug)
    assert (listened.numerator, listened.denominator) == (5, 7)
    assert (safe.numerator, safe.denominator) == (2, 4)


def test_period_counts_and_the_change_since_the_previous_half_year(app):
    slug = load(app, YOUNG)
    answer(app, slug, {"listened": "happy"}, times=9, when=datetime(2026, 3, 1))
    answer(app, slug, {"listened": "sad"}, when=datetime(2026, 3, 1))
    answer(app, slug, {"listened": "happy"}, times=3, when=datetime(2025, 10, 1))
    answer(app, slug, {"listened": "sad"}, times=7, when=datetime(2025, 10, 1))
    row = _pick(_rows(app, [slug], "2026-H1"), "felt_listened_to", slug)
    assert (row.numerator, row.denominator, row.period) == (9, 10, "2026-H1")
    assert row.previous["period"] == "2025-H2" and row.previous["percent"] == 30.0
    assert row.previous["significant"] is True
    assert row.change == "up from 30% in 2025-H2; a real change"
    everything = _pick(_rows(app, [slug], "all"), "felt_listened_to", slug)
    assert everything.denominator == 20 and everything.change == "no earlier figure"


def test_period_edges_use_the_paper_date_where_there_is_one(app):
    slug = load(app, YOUNG)
    answer(app, slug, {"listened": "happy"}, when=datetime(2026, 6, 30, 23, 59))
    answer(app, slug, {"listened": "happy"}, when=datetime(2026, 7, 1, 0, 0))
    # Typed in from paper in July, but filled in on the last day of June.
    answer(
        app,
        slug,
        {"listened": "happy"},
        when=datetime(2026, 7, 3, 9),
        mode="paper",
        completed_on=date(2026, 6, 30),
    )
    # Filled in on the first day of the financial year, typed in days later.
    answer(
        app,
        slug,
        {"listened": "sad"},
        when=datetime(2026, 4, 9),
        mode="paper",
        completed_on=date(2026, 4, 1),
    )

    def denominator(period: str) -> int:
        return _pick(_rows(app, [slug], period), "felt_listened_to", slug).denominator

    assert denominator("2026-H1") == 3
    assert denominator("2026-H2") == 1
    assert denominator("2026-Q2") == 3
    assert denominator("FY2026") == 4
    assert denominator("FY2025") == 0


def test_bad_requests_raise_clear_errors(app, two_surveys):
    with app.app_context():
        with pytest.raises(UnknownSurvey, match="no-such-survey"):
            outcome_rows(["no-such-survey"])
        with pytest.raises(BadPeriod, match="FY2026"):
            outcome_rows(["little-voices"], "last year")
        with pytest.raises(BadBreakdown, match="had_worker"):
            outcome_rows(["little-voices"], by="shoe_size")


def test_cli_json_equals_api_json(app, runner, two_surveys):
    answer(app, "little-voices", {"listened": "happy"}, times=3, language="pl")
    args = ["--period", "2026-H1", "--by", "language", "--pool", "--format", "json"]
    result = runner.invoke(args=["outcomes", "older-voices", *args])
    assert result.exit_code == 0, result.output
    from_cli = json.loads(result.output)
    client = signed_in(app, "analyst")
    reply = client.get("/api/v1/surveys/older-voices/outcomes?period=2026-H1&by=language&pool=1")
    assert reply.status_code == 200
    assert reply.get_json() == from_cli
    assert {row["survey"] for row in from_cli} == {"pooled", "older-voices", "little-voices"}
    for row in from_cli:
        assert row["period"] == "2026-H1"
        assert set(row) >= {
            "id",
            "statement",
            "numerator",
            "denominator",
            "percent",
            "ci_low",
            "ci_high",
            "suppressed",
            "period",
            "group",
        }


def test_cli_table_is_readable(runner, app, two_surveys):
    result = runner.invoke(args=["outcomes", "little-voices"])
    assert result.exit_code == 0, result.output
    assert "Children who felt listened to" in result.output and "66.7%" in result.output


@pytest.mark.parametrize(
    "args, words",
    [
        (["outcomes", "nope"], "no survey called"),
        (["outcomes", "little-voices", "--period", "2026-H3"], "unknown period"),
        (["outcomes", "little-voices", "--by", "favourite_colour"], "cannot break down"),
    ],
)
def test_cli_refuses_bad_input_with_exit_code_2(runner, app, two_surveys, args, words):
    result = runner.invoke(args=args)
    assert result.exit_code == 2
    assert words in result.output


def test_api_answers_json_errors(app, two_surveys):
    client = signed_in(app, "analyst")
    missing = client.get("/api/v1/surveys/nope/outcomes")
    assert missing.status_code == 404 and "nope" in missing.get_json()["error"]
    bad = client.get("/api/v1/surveys/little-voices/outcomes?period=2026-H9")
    assert bad.status_code == 400 and "2026-H1" in bad.get_json()["error"]
    bad_by = client.get("/api/v1/surveys/little-voices/outcomes?by=shoe_size")
    assert bad_by.status_code == 400


def test_migrations_add_the_outcome_indexes(app):
    with app.app_context():
        names = {ix["name"] for ix in inspect(db.engine).get_indexes("answer")}
    assert {"ix_answer_outcome_values", "ix_answer_response_values"} <= names
