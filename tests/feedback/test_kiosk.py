"""Kiosk mode: a shared tablet goes back to the start and never replays a finished survey."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import Response, Survey
from feedback.services.surveys.campaigns import CampaignFields, create_campaign
from tests.feedback.helpers import post_page, start
from tests.feedback.safeguarding_helpers import DISCLOSURE, submit


def _kiosk(app, slug: str = "fun-day", kiosk: bool = True) -> str:  # type: ignore[no-untyped-def]
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.slug == "community"))
        create_campaign(survey, CampaignFields(name="Fun day", slug=slug, kiosk=kiosk))
    return slug


def _responses(app) -> int:  # type: ignore[no-untyped-def]
    with app.app_context():
        return db.session.scalar(select(func.count(Response.id)))


def _to_the_end(client, slug: str) -> tuple[str, object]:  # type: ignore[no-untyped-def]
    """Answer nothing optional, press on to the last form; return its HTML and the reply."""
    html = start(client, slug)
    for _ in range(20):
        action = "submit" if "Check your answers" in html else "next"
        reply = post_page(client, slug, html, {}, action=action)
        if reply.status_code == 303:
            return html, reply
        html = reply.get_data(as_text=True)
        assert "There is a problem" not in html
    raise AssertionError("the survey did not end")


def test_kiosk_pages_load_the_kiosk_script_and_others_do_not(library_loaded):
    app = library_loaded
    _kiosk(app)
    _kiosk(app, "no-kiosk", kiosk=False)
    client = app.test_client()
    consent = client.get("/s/fun-day").get_data(as_text=True)
    assert "kiosk.js" in consent and 'data-kiosk-start="/s/fun-day"' in consent
    assert 'data-kiosk-idle="60"' in consent
    assert "kiosk.js" in start(client, "fun-day")
    assert "kiosk.js" not in client.get("/s/no-kiosk").get_data(as_text=True)
    with client.get("/static/kiosk.js") as script:
        assert script.status_code == 200 and b"location.replace" in script.data


def test_thank_you_page_returns_to_the_start_with_or_without_javascript(library_loaded):
    app = library_loaded
    _kiosk(app)
    client = app.test_client()
    _html, reply = _to_the_end(client, "fun-day")
    thanks = client.get(reply.headers["Location"]).get_data(as_text=True)
    assert '<meta http-equiv="refresh" content="10;url=/s/fun-day">' in thanks
    assert re.search(r'<a class="button kiosk-next" href="/s/fun-day">Next person</a>', thanks)
    assert "<script>" not in thanks  # the content security policy forbids inline script


def test_after_a_worry_the_help_lines_stay_longer(library_loaded):
    app = library_loaded
    _kiosk(app)
    client = app.test_client()
    thanks = submit(client, "fun-day", {"anything_else": DISCLOSURE})
    assert 'content="60;url=/s/fun-day"' in thanks and "Childline" in thanks


def test_non_kiosk_thank_you_page_stays_put(library_loaded):
    app = library_loaded
    _kiosk(app, "no-kiosk", kiosk=False)
    client = app.test_client()
    _html, reply = _to_the_end(client, "no-kiosk")
    thanks = client.get(reply.headers["Location"]).get_data(as_text=True)
    assert "http-equiv" not in thanks and "Next person" not in thanks


def test_a_finished_kiosk_survey_cannot_be_replayed(library_loaded):
    app = library_loaded
    _kiosk(app)
    client = app.test_client()
    last_form, reply = _to_the_end(client, "fun-day")
    assert reply.status_code == 303 and _responses(app) == 1
    # Back to the last page and send it again, as the next person might on a shared tablet.
    again = post_page(client, "fun-day", last_form, {}, action="submit")
    assert again.status_code == 303
    assert _responses(app) == 1
    resent = post_page(client, "fun-day", last_form, {}, action="back")
    assert resent.status_code == 200
    html = resent.get_data(as_text=True)
    for _ in range(20):  # walk forward again from the old draft and submit it
        action = "submit" if "Check your answers" in html else "next"
        step = post_page(client, "fun-day", html, {}, action=action)
        if step.status_code == 303:
            break
        html = step.get_data(as_text=True)
    assert _responses(app) == 1  # the draft's one-time token was already used


def test_next_start_on_a_kiosk_clears_the_last_person_from_the_session(library_loaded):
    app = library_loaded
    _kiosk(app)
    client = app.test_client()
    client.get("/s/fun-day?lang=en")
    _html, _reply = _to_the_end(client, "fun-day")
    with client.session_transaction() as session:
        assert "thanks" in session  # not yet shown
    client.get("/s/fun-day")
    with client.session_transaction() as session:
        assert "thanks" not in session and "lang" not in session


# --- In a real browser: the inactivity reset is JavaScript --------------------------------


@pytest.fixture
def live_kiosk(library_loaded) -> Iterator[str]:  # type: ignore[no-untyped-def]
    from werkzeug.serving import make_server

    app = library_loaded
    app.config["HEARD_KIOSK_IDLE_SECONDS"] = 1
    _kiosk(app)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()


@pytest.mark.browser
def test_idle_kiosk_goes_back_to_the_start_and_forgets_answers(live_kiosk, browser):
    # The shared browser (tests/conftest.py): a second Playwright in this process fails.
    page = browser.new_page()
    try:
        page.goto(f"{live_kiosk}/s/fun-day")
        page.click("button[value=start]")
        page.wait_for_selector("input[name=state]", state="attached")
        first = page.locator("textarea, input[type=text]").first
        if first.count():
            first.fill("something the next person must not see")
        # Nobody touches it for a second (the test's idle time): back to the consent page.
        page.wait_for_function("() => !document.querySelector('input[name=state]')", timeout=10_000)
        assert page.url.endswith("/s/fun-day")
        assert "something the next person" not in page.content()
    finally:
        page.close()
