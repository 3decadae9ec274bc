"""A busy classroom behind one address is never throttled; an abuser is.

The limiter's clock is frozen for each test, so "within a minute" holds however slowly a
loaded machine runs the requests: every request lands in the same window, the worst case
for the classroom and the best case for the abuser. Nothing here asserts a duration.
"""

from __future__ import annotations

import types
from pathlib import Path

import limits.storage.memory
import pytest
from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import Response, Survey
from tests.feedback.helpers import hidden, load_test_survey, post_page

LIBRARY = Path(__file__).resolve().parents[2] / "forms" / "library"
SCHOOL = {"REMOTE_ADDR": "203.0.113.7"}


@pytest.fixture
def frozen_limiter_clock(monkeypatch):  # type: ignore[no-untyped-def]
    now = limits.storage.memory.time.time()
    monkeypatch.setattr(limits.storage.memory, "time", types.SimpleNamespace(time=lambda: now))


def _load(app, name: str) -> str:  # type: ignore[no-untyped-def]
    from feedback.services.surveys.versions import load_survey
    from forms.loader import load_definition

    with app.app_context():
        return load_survey(load_definition(LIBRARY / name)).survey.slug


def _stored(app) -> int:  # type: ignore[no-untyped-def]
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Response))


def _start(client, slug: str, code: str | None = None, address=SCHOOL):  # type: ignore[no-untyped-def]
    page = client.get(f"/s/{slug}", environ_base=address).get_data(as_text=True)
    data = {"csrf_token": hidden(page, "csrf_token"), "action": "start"}
    if code is not None:
        data["access_code"] = code
    return client.post(f"/s/{slug}", data=data, environ_base=address)


def _complete(client, slug: str, answers: dict) -> list[int]:  # type: ignore[no-untyped-def]
    """Answer every screen to the end; the status of every POST on the way."""
    reply = _start(client, slug)
    statuses = [reply.status_code]
    for _screen in range(25):
        if reply.status_code != 200:
            break
        html = reply.get_data(as_text=True)
        action = "submit" if 'value="submit"' in html else "next"
        data = {
            "csrf_token": hidden(html, "csrf_token"),
            "state": hidden(html, "state"),
            "action": action,
        } | answers
        reply = client.post(f"/s/{slug}", data=data, environ_base=SCHOOL)
        statuses.append(reply.status_code)
    return statuses


@pytest.mark.usefixtures("frozen_limiter_clock")
def test_a_class_of_35_behind_one_address_is_never_throttled(make_app):
    app = make_app(RATELIMIT_ENABLED=True)
    slug = _load(app, "children-5-7.yaml")
    for child in range(35):
        statuses = _complete(app.test_client(), slug, {"had_worker": "yes"})
        assert 429 not in statuses, (child, statuses)
        assert statuses[-1] == 303, (child, statuses)
        assert len(statuses) >= 11  # start and one screen per question: 11 POSTs or more
    assert _stored(app) == 35


@pytest.mark.usefixtures("frozen_limiter_clock")
def test_one_client_sending_submissions_as_fast_as_it_can_is_slowed(make_app):
    app = make_app(RATELIMIT_ENABLED=True)
    slug = load_test_survey(app)
    client = app.test_client()
    refused_at = None
    for n in range(130):  # at this pace, thousands a minute
        statuses = _complete(client, slug, {"had_worker": "no"})
        if 429 in statuses:
            refused_at = n
            break
    assert refused_at is not None
    assert _stored(app) <= 120
    # Another address (the school down the road) is not affected.
    assert (
        _start(app.test_client(), slug, address={"REMOTE_ADDR": "198.51.100.1"}).status_code == 200
    )


@pytest.mark.usefixtures("frozen_limiter_clock")
def test_replaying_one_draft_is_slowed(make_app):
    app = make_app(RATELIMIT_ENABLED=True)
    slug = load_test_survey(app)
    client = app.test_client()
    html = _start(client, slug).get_data(as_text=True)
    statuses = [post_page(client, slug, html, {"had_worker": "no"}).status_code for _ in range(40)]
    assert statuses[:30] == [200] * 30
    assert statuses[-1] == 429


@pytest.mark.usefixtures("frozen_limiter_clock")
def test_a_burst_of_junk_posts_is_refused(make_app):
    app = make_app(RATELIMIT_ENABLED=True)
    slug = load_test_survey(app)
    client = app.test_client()
    page = client.get(f"/s/{slug}").get_data(as_text=True)
    junk = {"csrf_token": hidden(page, "csrf_token"), "action": "next", "state": "forged"}
    statuses = [client.post(f"/s/{slug}", data=junk).status_code for _ in range(25)]
    assert statuses[:20] == [400] * 20
    assert statuses[-1] == 429
    # A respondent at that address with a real draft still gets through.
    assert _start(app.test_client(), slug, address={}).status_code == 200


@pytest.mark.usefixtures("frozen_limiter_clock")
def test_wrong_access_codes_are_limited_but_a_class_with_the_code_is_not(make_app):
    from feedback.services.surveys.campaigns import CampaignFields, create_campaign

    app = make_app(RATELIMIT_ENABLED=True)
    _load(app, "children-8-11.yaml")
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.slug == "children-8-11"))
        fields = CampaignFields(name="Year 5", slug="year-5", access_code="oak-2026")
        create_campaign(survey, fields)
    for _child in range(35):
        assert _start(app.test_client(), "year-5", "OAK 2026").status_code == 200
    guesser = app.test_client()
    statuses = [_start(guesser, "year-5", f"guess-{n:04d}").status_code for n in range(25)]
    assert statuses[:20] == [200] * 20  # the consent page again, with "not right"
    assert statuses[-1] == 429
    # Once throttled, even the right code waits: otherwise guessing would go on.
    assert _start(guesser, "year-5", "oak-2026").status_code == 429
