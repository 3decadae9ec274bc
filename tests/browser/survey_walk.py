"""Answering a survey in the browser, screen by screen, as a person would."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import Campaign, Survey


def choose(page: Any, question: str, value: str) -> None:
    """Pick a choice by pressing its label (the input itself sits hidden behind it)."""
    field = page.locator(f"input[name='{question}'][value='{value}']")
    page.locator(f"label[for='{field.get_attribute('id')}']").click()


def walk(
    page: Any,
    answers: dict[str, str],
    each: Callable[[str], None] | None = None,
    limit: int = 25,
) -> None:
    """From the first question screen, answer what is asked and press on to the thank-you
    page. `answers`: question id -> choice value or text, used when its field is on the
    screen. `each(label)` is called on every screen, check-your-answers included."""
    for screen in range(1, limit + 1):
        sending = page.locator("button[name=action][value=submit]").count() > 0
        if each:
            each("check your answers" if sending else f"screen {screen}")
        for question, value in answers.items():
            field = page.locator(f"[name='{question}']")
            if not field.count():
                continue
            if field.first.get_attribute("type") in ("radio", "checkbox"):
                choose(page, question, value)
            else:
                field.first.fill(value)
        with page.expect_navigation():
            page.click(f"button[name=action][value={'submit' if sending else 'next'}]")
        if "/thanks" in page.url:
            return
        assert page.locator(".error-summary").count() == 0, page.inner_text(".error-summary")
    raise AssertionError("the survey did not end")


def start(page: Any, base: str, slug: str) -> None:
    """Open a survey and press Start on its consent screen."""
    page.goto(f"{base}/s/{slug}")
    with page.expect_navigation():
        page.click("button[name=action][value=start]")


def ensure_campaign(app: Flask, survey_slug: str, slug: str, **fields: Any) -> str:
    """A campaign of the live app (made once per session, however many tests ask)."""
    from feedback.services.surveys.campaigns import CampaignFields, create_campaign

    with app.app_context():
        if db.session.scalar(select(Campaign.id).where(Campaign.slug == slug)) is None:
            survey = db.session.scalar(select(Survey).where(Survey.slug == survey_slug))
            create_campaign(survey, CampaignFields(name=slug, slug=slug, **fields))
    return slug
