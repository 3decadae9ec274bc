"""Every page a respondent can meet, on a phone and on a desktop, with axe-core on each.

Consent and first screen of every bundled survey; check your answers and thank you (an
adult survey, with its withdrawal receipt); the help-first thank-you after a disclosure;
the kiosk thank-you; an access code and its error; /withdraw, its error and its success;
404, 410 and 503; the sign-in page and its error.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from werkzeug.serving import make_server

from feedback import create_app
from forms.loader import library_paths, load_definition
from tests.browser.axe_helpers import assert_accessible, small_targets
from tests.browser.survey_walk import ensure_campaign, start, walk
from tests.feedback.safeguarding_helpers import DISCLOSURE

pytestmark = pytest.mark.browser

BUNDLED = sorted(load_definition(p).slug for p in library_paths())


def test_consent_and_first_screen_of_every_bundled_survey(any_page: Any, live_server: str):
    for slug in BUNDLED:
        any_page.goto(f"{live_server}/s/{slug}")
        assert_accessible(any_page, f"{slug} consent")
        start(any_page, live_server, slug)
        any_page.wait_for_selector("[data-question]")
        assert_accessible(any_page, f"{slug} first screen")
        assert small_targets(any_page) == [], slug


def test_adult_survey_check_answers_thanks_and_withdrawal(any_page: Any, live_server: str):
    page = any_page
    start(page, live_server, "parents-carers")
    seen: list[str] = []

    def check(label: str) -> None:
        seen.append(label)
        if label == "check your answers":
            assert_accessible(page, "check your answers")

    walk(page, {"service": "early_help"}, each=check)
    assert "check your answers" in seen
    assert_accessible(page, "thank you, with a receipt")
    receipt = page.locator(".receipt").inner_text()
    page.goto(f"{live_server}/withdraw")
    assert_accessible(page, "withdraw")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert page.locator(".error-message").count() == 1
    assert_accessible(page, "withdraw with an error")
    page.fill("#receipt", receipt)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert page.locator(".panel h1").count() == 1
    assert_accessible(page, "answers withdrawn")


def test_help_first_thank_you_after_a_disclosure(any_page: Any, live_server: str):
    start(any_page, live_server, "children-8-11")
    walk(any_page, {"anything_else": DISCLOSURE})
    main = any_page.inner_text("main")
    assert "0800 1111" in main
    assert_accessible(any_page, "the help-first thank-you page")
    assert small_targets(any_page) == []


def test_kiosk_thank_you(any_page: Any, live_server: str, live_app, monkeypatch):
    slug = ensure_campaign(live_app, "community", "browser-fun-day", kiosk=True)
    monkeypatch.setitem(live_app.config, "HEARD_KIOSK_THANKS_SECONDS", 3)
    start(any_page, live_server, slug)
    walk(any_page, {})
    assert any_page.locator(".kiosk-next").count() == 1
    assert_accessible(any_page, "the kiosk thank-you page")
    # With JavaScript (no meta refresh then), kiosk.js goes back for the next person.
    any_page.wait_for_url(f"{live_server}/s/{slug}", timeout=15_000)


def test_access_code_and_error_pages(any_page: Any, live_server: str, live_app):
    page = any_page
    coded = ensure_campaign(live_app, "community", "browser-coded", access_code="BLUE-KITE")
    page.goto(f"{live_server}/s/{coded}")
    assert_accessible(page, "consent with an access code")
    with page.expect_navigation():
        page.click("button[name=action][value=start]")
    assert page.locator("#access_code-error").count() == 1
    assert_accessible(page, "a wrong access code")
    assert page.goto(f"{live_server}/s/no-such-survey").status == 404
    assert_accessible(page, "404")
    closed = ensure_campaign(live_app, "community", "browser-closed", closes_on=date(2020, 1, 31))
    assert page.goto(f"{live_server}/s/{closed}").status == 410
    assert_accessible(page, "410")


def test_sign_in_page_and_its_error(any_page: Any, live_server: str):
    page = any_page
    page.goto(f"{live_server}/login")
    assert_accessible(page, "sign in")
    page.fill("input[name=email]", "nobody@example.org")
    page.fill("input[name=password]", "not the password")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert re.search("not right", page.inner_text("main"))
    assert_accessible(page, "sign in with an error")
    assert small_targets(page) == []


@pytest.fixture(scope="module")
def broken_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Heard with a database it cannot open: every page that needs it answers 503."""
    missing = tmp_path_factory.mktemp("broken") / "no-such-folder" / "heard.sqlite"
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{missing}"})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="broken-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


def test_the_unavailable_page(any_page: Any, broken_server: str):
    assert any_page.goto(f"{broken_server}/s/children-8-11").status == 503
    assert_accessible(any_page, "503")
