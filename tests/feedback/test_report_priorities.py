"""The Board report by priority, on `heard demo` data: a section per priority after the
summary, with its voices, dataset figures, audit results, actions and commentary."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import func, select

from analysis.periods import parse_period
from feedback.extensions import db
from feedback.models import Action, IndicatorValue
from feedback.services.outcomes.periods import default_period
from feedback.services.outcomes.story import save_story
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
    # The demo's completed case audit (four cases) grades the neglect plans, in words.
    planning = re.search(r"\(case_planning\).*?</tr>", neglect, re.S).group(0)
    assert "Neglect" in planning and "4 panel grades across 4 cases" in planning
    assert re.search(r"Outstanding: \d+, Good: \d+, Requires improvement: \d+", planning)
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


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (pdftotext)")
def test_the_pdf_has_the_same_priority_sections(app: Flask, runner, tmp_path: Path) -> None:
    assert runner.invoke(args=["demo", "--responses", "3"]).exit_code == 0
    out = tmp_path / "board.pdf"
    period = default_period().label
    result = runner.invoke(
        args=["report", "children-8-11", "--period", period, "--format", "pdf", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    text = " ".join(text.split())
    assert "Priority: Neglect" in text and "Priority: Learning and improvement" in text
    assert "21.6 per 10,000" in text and "Amber" in text
    assert "Neglect toolkit used in every CP" in text  # the cell wraps beside its owner


def test_a_new_figure_or_action_update_prints_the_pdf_afresh(app: Flask, runner) -> None:
    from feedback.services.outcomes.report_cache import data_version

    analyst = make_user(app, "cache@example.org", "analyst")
    with app.app_context():
        before = data_version()
        db.session.add(IndicatorValue(indicator="training_days", period="2026-H1", value=3))
        db.session.commit()
        after_figure = data_version()
        from feedback.models import Agency, User
        from feedback.services.evidence.actions import ActionFields, add_update, create_action

        agency = Agency(name="Police", sector="police")
        db.session.add(agency)
        db.session.commit()
        user = db.session.get(User, analyst)
        action = create_action(
            ActionFields("A", agency.id, "B", default_period().end.date(), "theme", "safety"), user
        )
        after_action = data_version()
        add_update(action, user, "Started", "in_progress")
        after_update = data_version()
    assert len({before, after_figure, after_action, after_update}) == 4
