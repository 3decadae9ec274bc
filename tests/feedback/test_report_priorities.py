"""The Board report by priority, on `heard demo` data: a section per priority after the
summary, with its voices, dataset figures, audit results, actions and commentary."""

from __future__ import annotations

import re
from pathlib import Path

from flask import Flask
from sqlalchemy import func, select

from analysis.periods import parse_period
from feedback.extensions import db
from feedback.models import Action, IndicatorValue
from feedback.services.periods import default_period
from feedback.services.story import save_story
from tests.feedback.admin_helpers import make_user


def _demo_report(app: Flask, runner, tmp_path: Path, commentary: str | None = None) -> str:  # type: ignore[no-untyped-def]
    result = runner.invoke(args=["demo", "--responses", "15"])
    assert result.exit_code == 0, result.output
    period = default_period().label
    if commentary:
        analyst = make_user(app, "story@example.org", "analyst")
        with app.app_context():
            save_story(
                parse_period(period), {("priority-neglect", "challenges"): commentary}, analyst
            )
    out = tmp_path / "board.html"
    result = runner.invoke(args=["report", "--period", period, "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_the_demo_report_has_a_section_per_priority_after_the_summary(
    app: Flask, runner, tmp_path: Path
) -> None:
    html = _demo_report(app, runner, tmp_path, commentary="Plans for neglect are <still> too long.")
    order = [html.index(marker) for marker in (
        '<section id="summary"', 'id="priorities"', 'id="priority-early_help"',
        'id="priority-neglect"', 'id="priority-learning_and_improvement"', 'id="voice-child"',
        'id="methods"',
    )]  # fmt: skip
    assert order == sorted(order)
    neglect = html[
        html.index('id="priority-neglect"') : html.index('id="priority-voice_of_the_child"')
    ]
    assert "Priority: Neglect" in neglect
    assert "Children who feel safer" in neglect  # an outcome statement of the voices
    # The dataset's figure for the report's half-year: 21.6 against a target of 20, amber.
    assert re.search(
        r"21\.6 per 10,000</td><td class=\"num\">20 per 10,000</td>\s*<td>Amber</td>", neglect
    )
    assert "2.4, better" in neglect
    assert (
        "No audit results have been recorded yet for the standards this priority names "
        "(s11_neglect)" in neglect
    )
    assert "Neglect toolkit used in every CP plan for neglect" in neglect
    assert "(overdue)" in neglect  # due 45 days ago and still in progress
    assert "Ongoing challenges" in neglect
    assert "Plans for neglect are &lt;still&gt; too long." in neglect


def test_the_demo_has_figures_actions_in_every_state_and_published_ones(app: Flask, runner) -> None:
    assert runner.invoke(args=["demo", "--responses", "0"]).exit_code == 0
    with app.app_context():
        assert db.session.scalar(select(func.count(IndicatorValue.id))) == 36
        statuses = set(db.session.scalars(select(Action.status)))
        assert statuses == {"planned", "in_progress", "done", "dropped"}
        published = db.session.scalars(select(Action.public_audience).where(Action.published)).all()
        assert sorted(published) == ["child", "child", "parent_carer"]
    # Running the demo again adds nothing twice.
    assert runner.invoke(args=["demo", "--responses", "0"]).exit_code == 0
    with app.app_context():
        assert db.session.scalar(select(func.count(IndicatorValue.id))) == 36
        assert db.session.scalar(select(func.count(Action.id))) == 8
