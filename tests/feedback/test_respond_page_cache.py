"""Respondent pages drawn once and reused (feedback.respond.page_cache): every respondent
still gets their own CSRF token and draft, and a changed campaign is seen at once."""

from __future__ import annotations

from sqlalchemy import select
from werkzeug.security import generate_password_hash

from feedback.extensions import db
from feedback.models import Campaign
from feedback.services.surveys.campaigns import normalise_code
from tests.feedback.helpers import hidden, load_test_survey, post_page, start


def test_each_respondent_gets_their_own_token_and_draft_from_a_reused_page(app):  # type: ignore[no-untyped-def]
    slug = load_test_survey(app)
    first, second = app.test_client(), app.test_client()
    consent = [c.get(f"/s/{slug}").get_data(as_text=True) for c in (first, second)]
    tokens = [hidden(html, "csrf_token") for html in consent]
    kept = app.extensions["heard.respond_pages"]
    assert [key[0][0] for key in kept] == ["consent"]  # drawn once, then reused
    assert tokens[0] != tokens[1]
    # Without the own session's token a respondent cannot start: the reused page must
    # carry each respondent's token, not the first one's.
    wrong = second.post(f"/s/{slug}", data={"csrf_token": tokens[0], "action": "start"})
    assert wrong.status_code == 400
    pages = [start(c, slug) for c in (first, second)]
    states = [hidden(html, "state") for html in pages]
    assert sorted(key[0][0] for key in kept) == ["consent", "page"]
    assert states[0] != states[1]
    assert pages[0].replace(states[0], "").replace(hidden(pages[0], "csrf_token"), "") == (
        pages[1].replace(states[1], "").replace(hidden(pages[1], "csrf_token"), "")
    )
    # Each draft goes on with its own session: answering the first screen works for both.
    for client, html in zip((first, second), pages, strict=True):
        reply = post_page(client, slug, html, {"had_worker": "no"})
        assert reply.status_code == 200 and "Did you have a worker?" not in reply.get_data(
            as_text=True
        )


def test_a_campaign_changed_after_its_page_was_drawn_is_shown_changed(app, client):  # type: ignore[no-untyped-def]
    slug = load_test_survey(app)
    assert 'name="access_code"' not in client.get(f"/s/{slug}").get_data(as_text=True)
    with app.app_context():
        campaign = db.session.scalar(select(Campaign).where(Campaign.slug == slug))
        campaign.access_code_hash = generate_password_hash(normalise_code("ABCD-EFGH"))
        db.session.commit()
    assert 'name="access_code"' in client.get(f"/s/{slug}").get_data(as_text=True)
    with app.app_context():
        campaign = db.session.scalar(select(Campaign).where(Campaign.slug == slug))
        campaign.survey.is_open = False
        db.session.commit()
    assert client.get(f"/s/{slug}").status_code == 410


def test_a_flash_message_is_not_swallowed_by_a_reused_page(app, client):  # type: ignore[no-untyped-def]
    slug = load_test_survey(app)
    client.get(f"/s/{slug}")  # drawn and kept
    with client.session_transaction() as session:
        session["_flashes"] = [("message", "A note for this respondent")]
    assert "A note for this respondent" in client.get(f"/s/{slug}").get_data(as_text=True)
