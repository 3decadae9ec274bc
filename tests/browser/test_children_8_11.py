"""A child of 8 to 11 answers on a small phone by tapping, and axe finds nothing wrong.

Issue 2's browser test: a 360 x 740 touch screen, consent, every page, thank you; axe-core
on every page, an error state included (the bundled children's surveys have no required
question, so the error is shown by the branching test survey), and tap targets of 44 px.
"""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import Answer, Response, Survey
from tests.browser.axe_helpers import assert_accessible, small_targets
from tests.feedback.helpers import load_test_survey

pytestmark = pytest.mark.browser

SLUG = "children-8-11"
SAID = "My worker came every week and listened to me."


def _responses(app: Flask, slug: str) -> list[int]:
    with app.app_context():
        return list(
            db.session.scalars(
                select(Response.id)
                .join(Survey, Response.survey_id == Survey.id)
                .where(Survey.slug == slug)
            )
        )


def _answer_by_tapping(page: Any) -> None:
    """Tap the last choice of each question on screen (the happiest face, 'yes'); type words."""
    for question in page.locator("[data-question]").all():
        labels = question.locator(".choice label")
        if labels.count():
            choice = labels.nth(labels.count() - 1)
            if "prefer" in (choice.inner_text() or "").lower() and labels.count() > 1:
                choice = labels.nth(labels.count() - 2)  # a real answer, not "prefer not to say"
            choice.tap()
            continue
        box = question.locator("textarea, input[type=text]")
        if box.count():
            box.first.tap()
            page.keyboard.type(SAID)


def test_a_child_completes_the_survey_by_tapping(phone_page: Any, live_server: str, live_app):
    page = phone_page
    before = _responses(live_app, SLUG)
    page.goto(f"{live_server}/s/{SLUG}")
    assert_accessible(page, "the consent screen")
    assert small_targets(page) == []
    with page.expect_navigation():
        page.locator("button[name=action][value=start]").tap()
    screens = 0
    while "/thanks" not in page.url:
        page.wait_for_selector("[data-question]")
        screens += 1
        assert screens <= 20, "the survey did not end"
        title = page.title()
        assert_accessible(page, f"question screen {screens} ({title})")
        _answer_by_tapping(page)
        # Once chosen, the screen must still pass (checked state, focus styles).
        assert_accessible(page, f"question screen {screens} answered")
        assert small_targets(page) == [], title
        with page.expect_navigation():
            page.locator("button[name=action][value=next]").tap()
    assert screens >= 3
    assert "0800 1111" in page.inner_text("main")
    assert_accessible(page, "the thank-you page")
    assert small_targets(page) == []
    # Stored once, with what was tapped and typed.
    after = _responses(live_app, SLUG)
    assert len(after) == len(before) + 1
    with live_app.app_context():
        answers = dict(
            db.session.execute(
                select(Answer.question_id, Answer.value).where(Answer.response_id == max(after))
            ).all()
        )
    assert answers.get("listened") == "very_happy", answers
    assert any(SAID in str(v) for v in answers.values()), answers


def test_a_missed_required_question_is_explained_and_passes_axe(
    phone_page: Any, live_server: str, live_app
):
    page = phone_page
    slug = load_test_survey(live_app)  # one required question on its first page
    page.goto(f"{live_server}/s/{slug}")
    page.locator("button[name=action][value=start]").tap()
    page.wait_for_selector("[data-question]")
    page.locator("button[name=action][value=next]").tap()
    summary = page.locator(".error-summary")
    summary.wait_for()
    assert page.title().startswith("Error:")
    assert_accessible(page, "a page with an unanswered required question")
    assert small_targets(page) == []
    # The summary's link takes the child to the question; then answering clears the error.
    summary.locator("a").first.tap()
    page.locator(".choice label").first.tap()
    with page.expect_navigation():
        page.locator("button[name=action][value=next]").tap()
    assert page.locator(".error-summary").count() == 0
    assert_accessible(page, "the next page after putting it right")
