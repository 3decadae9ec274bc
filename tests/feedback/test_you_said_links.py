"""Where people find "you said, we did", and where analysts write each priority's story."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import Campaign, StoryEntry
from tests.feedback.admin_helpers import csrf, sign_in_as
from tests.feedback.safeguarding_helpers import HARMLESS, submit


def test_the_thank_you_page_links_to_you_said(library_loaded: Flask, client: FlaskClient) -> None:
    thanks = submit(client, "children-8-11", {"anything_else": HARMLESS})
    assert 'href="/s/children-8-11/you-said"' in thanks
    assert "See what has changed because of what people told us" in thanks


def test_the_poster_prints_the_you_said_address(library_loaded: Flask, client: FlaskClient) -> None:
    sign_in_as(library_loaded, client, "admin")
    with library_loaded.app_context():
        campaign_id = db.session.scalar(select(Campaign.id).where(Campaign.slug == "children-5-7"))
    poster = client.get(f"/admin/campaigns/{campaign_id}/poster").get_data(as_text=True)
    assert "/s/children-5-7/you-said</span>" in poster


def test_analysts_write_the_story_of_each_priority(
    library_loaded: Flask, client: FlaskClient
) -> None:
    sign_in_as(library_loaded, client, "analyst")
    page = client.get("/analyse/report/story?period=2026-H1").get_data(as_text=True)
    assert "Priority: Neglect" in page and 'name="priority-neglect-working"' in page
    reply = client.post(
        "/analyse/report/story?period=2026-H1",
        data={"csrf_token": csrf(client), "priority-neglect-working": "Plans are shorter."},
    )
    assert reply.status_code == 302
    with library_loaded.app_context():
        entry = db.session.scalar(select(StoryEntry))
        assert (entry.period, entry.scope, entry.heading, entry.text) == (
            "2026-H1", "priority-neglect", "working", "Plans are shorter.",
        )  # fmt: skip


def test_actions_on_an_outcome_show_on_the_surveys_analyst_page(
    library_loaded: Flask, client: FlaskClient
) -> None:
    from tests.feedback.evidence_helpers import make_action, make_agency

    analyst = sign_in_as(library_loaded, client, "analyst")
    agency = make_agency(library_loaded, "Early Help Service")
    make_action(
        library_loaded, agency, analyst, title="Letters in plain language",
        source_kind="outcome", source_ref="parents_help_about_right", priority="early_help",
    )  # fmt: skip
    page = client.get("/analyse/surveys/parents-carers").get_data(as_text=True)
    assert "Actions on these outcome statements" in page
    assert "Letters in plain language" in page
    assert "Letters in plain language" not in client.get("/analyse/surveys/community").get_data(
        as_text=True
    )


def test_actions_on_a_theme_show_beside_the_themes_on_the_analyst_page(
    library_loaded: Flask, client: FlaskClient
) -> None:
    from tests.feedback.evidence_helpers import make_action, make_agency

    analyst = sign_in_as(library_loaded, client, "analyst")
    agency = make_agency(library_loaded, "Children's Social Care")
    page = client.get("/analyse/surveys/parents-carers").get_data(as_text=True)
    assert "Actions on these themes" not in page
    make_action(
        library_loaded, agency, analyst, title="Return calls within a day",
        source_kind="theme", source_ref="communication", priority="early_help",
    )  # fmt: skip
    page = client.get("/analyse/surveys/parents-carers").get_data(as_text=True)
    assert "Actions on these themes" in page and "Return calls within a day" in page
