"""The `heard` command line, through Flask's CLI runner on a real database."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from flask.testing import FlaskCliRunner
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import Survey, User
from tests.forms.definition_helpers import assert_every_kind_reported, every_kind

LIBRARY = Path(__file__).resolve().parents[2] / "forms" / "library"


def test_surveys_load_then_list_json(runner):
    result = runner.invoke(args=["surveys", "load", str(LIBRARY)])
    assert result.exit_code == 0, result.output
    assert "children-8-11: version 1 (new version)" in result.output
    again = runner.invoke(args=["surveys", "load", str(LIBRARY / "children-8-11.yaml")])
    assert "children-8-11: version 1 (unchanged)" in again.output
    listed = json.loads(runner.invoke(args=["surveys", "list", "--format", "json"]).output)
    row = next(r for r in listed if r["slug"] == "children-8-11")
    assert row == {
        "slug": "children-8-11",
        "title": row["title"],
        "audience": "child",
        "version": 1,
        "responses": 0,
    }


def test_changed_definition_makes_a_new_version(runner, tmp_path):
    text = (LIBRARY / "community.yaml").read_text()
    changed = tmp_path / "community.yaml"
    changed.write_text(text.replace("title:", "title: Changed -", 1))
    runner.invoke(args=["surveys", "load", str(LIBRARY / "community.yaml")])
    result = runner.invoke(args=["surveys", "load", str(changed)])
    assert "community: version 2 (new version)" in result.output


def test_validate_exits_1_with_clear_messages(runner, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "slug: bad\ntitle: Bad\naudience: child\nconsent: ok\n"
        "pages:\n  - questions:\n      - {id: q1, type: smily5, text: Hi}\n"
    )
    result = runner.invoke(args=["surveys", "validate", str(bad)])
    assert result.exit_code == 1
    assert "bad.yaml" in result.output
    assert "pages[0].questions[0].type" in result.output
    assert "smiley5" in result.output  # the allowed values are named


def test_validate_and_load_report_every_problem_in_one_run(
    runner: FlaskCliRunner, tmp_path: Path
) -> None:
    # Issue 19: an unknown type used to hide the question's show_if problem.
    bad = tmp_path / "every.yaml"
    bad.write_text(yaml.safe_dump(every_kind(), sort_keys=False))
    for command in ("validate", "load"):
        result = runner.invoke(args=["surveys", command, str(bad)])
        assert result.exit_code == 1, command
        assert_every_kind_reported(result.output.splitlines(), str(bad))


def test_validate_accepts_the_library(runner):
    result = runner.invoke(args=["surveys", "validate", str(LIBRARY)])
    assert result.exit_code == 0, result.output


def test_users_create_reads_password_from_stdin(app, runner):
    result = runner.invoke(
        args=["users", "create", "Lead@Example.org", "--role", "safeguarding", "--password-stdin"],
        input="a-long-enough-password\n",
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(select(User))
        assert user.email == "lead@example.org" and user.role == "safeguarding"
        assert user.password_hash != "a-long-enough-password"
        assert user.check_password("a-long-enough-password")


def test_users_create_refuses_short_password_and_bad_role(runner):
    short = runner.invoke(
        args=["users", "create", "a@b.org", "--role", "admin", "--password-stdin"], input="short\n"
    )
    assert short.exit_code != 0 and "12 characters" in short.output
    role = runner.invoke(
        args=["users", "create", "a@b.org", "--role", "king", "--password-stdin"], input="x" * 20
    )
    assert role.exit_code != 0 and "admin" in role.output


def test_demo_fills_every_bundled_survey(runner):
    result = runner.invoke(args=["demo", "--responses", "5"])
    assert result.exit_code == 0, result.output
    listed = json.loads(runner.invoke(args=["surveys", "list", "--format", "json"]).output)
    assert len(listed) >= 10
    assert all(row["responses"] >= 5 for row in listed)
    again = runner.invoke(args=["demo", "--if-empty"])
    assert "already present" in again.output


def test_surveys_list_shows_a_survey_with_no_version_yet(app, runner):
    # current_version_id may be empty (the schema allows it): the list must still print.
    with app.app_context():
        db.session.add(Survey(slug="draft-only", title="Not loaded yet", audience="staff"))
        db.session.commit()
    result = runner.invoke(args=["surveys", "list"])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if x.startswith("draft-only"))
    assert line.split()[:4] == ["draft-only", "staff", "-", "0"]
    listed = json.loads(runner.invoke(args=["surveys", "list", "--format", "json"]).output)
    assert {"slug": "draft-only", "version": None} == {
        k: v
        for k, v in next(r for r in listed if r["slug"] == "draft-only").items()
        if k in ("slug", "version")
    }
