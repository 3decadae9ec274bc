"""Paper and assisted entry: the survey's own form, a date from the paper, a batch count."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import Campaign, Response, Survey
from feedback.services.surveys.campaigns import CampaignFields, create_campaign
from tests.feedback.staff_helpers import (
    assert_locked,
    assert_post_locked,
    every_role,
    signed_in,
    user_id,
)

FOLLOWUP = "/facilitate/paper/training-followup"


def _blank(client, path: str = FOLLOWUP) -> tuple[str, dict]:  # type: ignore[no-untyped-def]
    html = client.get(path).get_data(as_text=True)
    fields = {
        name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
        for name in ("csrf_token", "entry_token")
    }
    campaign = re.search(r'<option value="(\d+)" selected', html).group(1)
    return html, fields | {"entry_campaign": campaign, "entry_language": "en"}


def _count(app) -> int:  # type: ignore[no-untyped-def]
    with app.app_context():
        return db.session.scalar(select(func.count(Response.id)))


def test_paper_entry_routes_are_for_facilitators_and_admins(library_loaded):
    app = library_loaded
    clients = every_role(app)
    for path in ("/facilitate/paper", FOLLOWUP):
        assert_locked(clients, path, ("facilitator", "admin"))
    assert clients["admin"].get("/facilitate/paper/no-such-survey").status_code == 404
    assert_post_locked(clients, FOLLOWUP, ("facilitator", "admin"))
    assert_post_locked(clients, f"{FOLLOWUP}/new-batch", ("facilitator", "admin"))


def test_paper_entry_stores_mode_paper_with_the_date_and_counts_the_batch(library_loaded):
    app = library_loaded
    client = signed_in(app, "facilitator")
    html, fields = _blank(client)
    assert "0 entered in this batch" in html
    # Every question is on one page, none required, including the branch ones.
    assert 'name="how_used"' in html and 'name="barriers"' in html
    reply = client.post(
        FOLLOWUP,
        data=fields
        | {
            "entry_date": "2026-01-20",
            "entry_mode": "paper",
            "pairing_code": "LE07AM",
            "used_in_practice": "yes",
            "how_used": "I used the checklist when a child told me about home.",
            "conf_respond": "8",
        },
    )
    assert reply.status_code == 303
    page = client.get(reply.headers["Location"]).get_data(as_text=True)
    assert "1 entered in this batch" in page and "I used the checklist" not in page
    with app.app_context():
        response = db.session.scalar(select(Response))
        assert response.mode == "paper" and response.completed_on == date(2026, 1, 20)
        assert response.entered_by_id == user_id(app, "facilitator")
        assert response.pairing_hash is not None and response.completed_with_help is None
        assert {a.question_id for a in response.answers} == {
            "pairing_code",
            "used_in_practice",
            "how_used",
            "conf_respond",
        }
    _html, fields = _blank(client)
    client.post(FOLLOWUP, data=fields | {"entry_mode": "paper", "used_in_practice": "no"})
    assert "2 entered in this batch" in client.get(FOLLOWUP).get_data(as_text=True)
    assert _count(app) == 2


def test_answers_to_skipped_questions_are_dropped_after_saving(library_loaded):
    app = library_loaded
    client = signed_in(app, "admin")
    _html, fields = _blank(client)
    client.post(
        FOLLOWUP,
        data=fields
        | {
            "entry_mode": "paper",
            "used_in_practice": "no",
            "how_used": "Written in the wrong box on the paper",
            "barriers": ["time", "support"],
        },
    )
    with app.app_context():
        response = db.session.scalar(select(Response))
        kept = sorted((a.question_id, a.value) for a in response.answers)
    assert kept == [("barriers", "support"), ("barriers", "time"), ("used_in_practice", "no")]


def test_assisted_entry_records_who_helped(library_loaded):
    app = library_loaded
    client = signed_in(app, "facilitator")
    _html, fields = _blank(client)
    missing = client.post(FOLLOWUP, data=fields | {"entry_mode": "facilitated"})
    assert "Say who helped" in missing.get_data(as_text=True) and _count(app) == 0
    reply = client.post(
        FOLLOWUP, data=fields | {"entry_mode": "facilitated", "entry_helper": "worker"}
    )
    assert reply.status_code == 303
    with app.app_context():
        response = db.session.scalar(select(Response))
        assert (response.mode, response.completed_with_help) == ("facilitated", "worker")
    # The mode and helper stay chosen for the next questionnaire of the stack.
    html = client.get(FOLLOWUP).get_data(as_text=True)
    assert re.search(r'value="facilitated" checked', html)
    assert re.search(r'value="worker" checked', html)


def test_a_form_sent_twice_is_stored_once_and_counted_once(library_loaded):
    app = library_loaded
    client = signed_in(app, "facilitator")
    _html, fields = _blank(client)
    data = fields | {"entry_mode": "paper", "used_in_practice": "yes"}
    client.post(FOLLOWUP, data=data)
    again = client.post(FOLLOWUP, data=data)
    assert "already saved" in client.get(again.headers["Location"]).get_data(as_text=True)
    assert _count(app) == 1
    assert "1 entered in this batch" in client.get(FOLLOWUP).get_data(as_text=True)


def test_a_future_date_is_refused(library_loaded):
    app = library_loaded
    client = signed_in(app, "facilitator")
    _html, fields = _blank(client)
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    reply = client.post(FOLLOWUP, data=fields | {"entry_mode": "paper", "entry_date": tomorrow})
    assert "cannot be in the future" in reply.get_data(as_text=True) and _count(app) == 0


def test_entry_can_be_counted_against_a_chosen_campaign_and_a_new_batch_starts_at_zero(
    library_loaded,
):
    app = library_loaded
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.slug == "training-followup"))
        campaign_id = create_campaign(survey, CampaignFields(name="Paper from the March course")).id
    client = signed_in(app, "facilitator")
    _html, fields = _blank(client)
    client.post(
        FOLLOWUP,
        data=fields | {"entry_mode": "paper", "entry_campaign": str(campaign_id)},
    )
    with app.app_context():
        assert db.session.scalar(select(Response.campaign_id)) == campaign_id
        assert db.session.get(Campaign, campaign_id).name == "Paper from the March course"
    html, fields = _blank(client)
    assert f'<option value="{campaign_id}" selected' in html
    reply = client.post(f"{FOLLOWUP}/new-batch", data={"csrf_token": fields["csrf_token"]})
    assert reply.status_code == 303
    assert "0 entered in this batch" in client.get(FOLLOWUP).get_data(as_text=True)


def test_the_survey_list_offers_every_open_survey_but_focus_groups(library_loaded):
    app = library_loaded
    html = signed_in(app, "facilitator").get("/facilitate/paper").get_data(as_text=True)
    assert "/facilitate/paper/children-8-11" in html
    assert "/facilitate/paper/focus-group" not in html
