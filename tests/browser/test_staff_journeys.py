"""The main staff journeys in a real browser, with axe-core on every page they pass.

Admin: users and an invitation; surveys and a preview; a new campaign and its poster.
Analyst: analysis, one survey's outcomes, the Board report. Safeguarding lead: the alert
list, one alert, a change of state. Trainer: a course. Facilitator: paper entry and a
focus-group session. A lead also reads the kept record of a withdrawn response. All on
a desktop; the lead's and the facilitator's also on a phone.
"""

from __future__ import annotations

import re
from typing import Any

import pyotp
import pytest
from flask import Flask
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import CourseRun, Survey, User
from feedback.services.surveys.lifecycle import new_receipt, receipt_hash, withdraw
from feedback.services.surveys.responses import record_response
from tests.browser.axe_helpers import assert_accessible, small_targets
from tests.browser.survey_walk import choose
from tests.feedback.helpers import load_test_survey
from tests.feedback.mfa_helpers import next_code
from tests.feedback.safeguarding_helpers import DISCLOSURE
from tests.feedback.staff_helpers import PASSWORD, ROLES

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def staffed(live_app: Flask) -> Flask:
    """The live app with demo answers (alerts, a course) and one account per role."""
    from feedback.services.people.users import create_user

    with live_app.app_context():
        if db.session.scalar(select(CourseRun.id)) is None:
            result = live_app.test_cli_runner().invoke(args=["demo", "--responses", "3"])
            assert result.exit_code == 0, result.output
        for role in ROLES:
            email = f"browser-{role}@example.org"
            if db.session.scalar(select(User.id).where(User.email == email)) is None:
                create_user(email, role, PASSWORD, _agency_id(role))
    _APP[:] = [live_app]
    return live_app


def _agency_id(role: str) -> int | None:
    """An agency lead belongs to an agency (tests/browser/test_audits.py walks theirs)."""
    from feedback.services.assurance.agencies import ensure_agency

    return ensure_agency("Browser agency", "health").id if role == "agency_lead" else None


def _sign_in(page: Any, base: str, role: str) -> None:
    page.goto(f"{base}/login")
    email = f"browser-{role}@example.org"
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    if page.url.endswith("/account/security"):  # admins and leads: a second factor first
        assert_accessible(page, "the second-factor page before enrolling")
        _follow(page, "Set up an authenticator app")
        page.fill("#code", pyotp.TOTP(page.inner_text("#totp-secret").replace(" ", "")).now())
        _submit(page, "Set up the app", "the recovery codes")
        _follow(page, "I have kept them: continue")
    elif page.url.endswith("/login/second-factor"):
        assert_accessible(page, "the second step of signing in")
        page.fill("#code", next_code(current_app(), _user_id(email)))
        with page.expect_navigation():
            page.click("main form button[type=submit]")
    assert page.url.endswith("/staff"), page.url
    assert_accessible(page, f"the staff home of a {role}")


_APP: list[Flask] = []


def current_app() -> Flask:
    return _APP[0]


def _user_id(email: str) -> int:
    with current_app().app_context():
        return db.session.scalar(select(User.id).where(User.email == email))


def _follow(page: Any, name: str, where: str | None = None) -> None:
    """Click the link called `name` (in `where`, or anywhere in main) and check the page."""
    scope = page.locator(where or "main")
    # A link in a closed group of the staff menu: open the group first, as a person does.
    # (By its text: a link in a closed group is hidden, so it has no role to find it by.)
    link = page.locator("a", has_text=re.compile(f"^{re.escape(name)}$"))
    group = scope.locator("details.nav-group:not([open])", has=link)
    if group.count():
        group.first.locator("summary").click()
    with page.expect_navigation():
        scope.get_by_role("link", name=name, exact=True).first.click()
    assert_accessible(page, f"{name!r} ({page.url})")


def _submit(page: Any, button: str, label: str) -> None:
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name=button, exact=True).first.click()
    assert_accessible(page, label)


def test_admin_invites_someone(page: Any, live_server: str, staffed):
    _sign_in(page, live_server, "admin")
    _follow(page, "Users and roles")
    page.fill("#email", "")
    _submit(page, "Create invitation", "an invitation with no address (error)")
    page.fill("#email", "new.colleague@example.org")
    choose(page, "role", "analyst")  # radios, none chosen until the admin picks one
    _submit(page, "Create invitation", "the invitation made")
    assert "new.colleague@example.org" in page.inner_text("main")


def test_admin_previews_a_survey(page: Any, live_server: str, staffed):
    _sign_in(page, live_server, "admin")
    _follow(page, "Surveys")
    _follow(page, "children-8-11")
    _follow(page, "Preview")  # the consent screen, under a preview banner
    with page.expect_navigation():
        page.click("button[name=action][value=start]")
    assert page.locator("[data-question]").count() >= 1
    assert_accessible(page, "a previewed question screen")


def test_admin_makes_a_campaign_and_opens_its_poster(page: Any, live_server: str, staffed):
    _sign_in(page, live_server, "admin")
    _follow(page, "Campaigns and posters")
    _follow(page, "New campaign")
    _submit(page, "Save", "a campaign form with no name (error)")
    page.select_option(
        "#survey", label="Your experience as a parent or carer"
    )  # by what the admin reads
    page.fill("#name", "Browser family hub")
    _submit(page, "Save", "the new campaign's poster")  # saving opens the poster
    assert "/poster" in page.url and page.locator("main svg, main img").count() >= 1
    _follow(page, "Campaigns and posters", ".staff-nav")
    assert page.locator("tr", has_text="Browser family hub").count() == 1


def test_analyst_reads_outcomes_and_the_report(page: Any, live_server: str, staffed):
    _sign_in(page, live_server, "analyst")
    _follow(page, "Analysis")
    _follow(page, "Your views about the help you got (ages 8\u201311)")
    _follow(page, "Board report", ".staff-nav")
    with page.expect_navigation():
        page.locator("main").get_by_role("button").first.click()
    assert_accessible(page, "the Board report itself")


def test_lead_opens_an_alert_and_moves_it_on(any_page: Any, live_server: str, staffed):
    page = any_page
    _sign_in(page, live_server, "safeguarding")
    _follow(page, "Safeguarding alerts")
    with page.expect_navigation():
        page.locator("main table a").first.click()
    assert_accessible(page, "an alert")
    assert small_targets(page) == []
    page.locator("fieldset .choice label").first.click()
    page.fill("#state_note", "Rang the school's designated lead.")
    _submit(page, "Save", "the alert after a change of state")


def test_trainer_opens_a_course(page: Any, live_server: str, staffed):
    _sign_in(page, live_server, "trainer")
    _follow(page, "Training courses")
    with page.expect_navigation():
        page.locator("main table a").first.click()
    assert_accessible(page, "a course")
    _follow(page, "Campaigns and posters", ".staff-nav")


def test_facilitator_types_in_paper_and_records_a_session(any_page: Any, live_server: str, staffed):
    page = any_page
    _sign_in(page, live_server, "facilitator")
    _follow(page, "Paper entry", ".staff-nav")
    _follow(page, "Your experience as a parent or carer")
    # "Filled in with help" without saying who helped is refused with an error summary.
    choose(page, "entry_mode", "facilitated")
    _submit(page, "Save and start the next one", "paper entry with an error")
    assert page.locator(".error-summary").count() == 1
    helper = page.locator("input[name=entry_helper]").last.get_attribute("value")
    choose(page, "entry_helper", helper)
    _submit(page, "Save and start the next one", "a blank form after saving one")
    assert page.locator(".error-summary").count() == 0
    _follow(page, "Focus groups", ".staff-nav")
    _follow(page, "Record a session")
    _submit(page, "Save the session", "a session form with errors")
    assert page.locator(".error-summary").count() == 1
    page.fill("#facilitator", "Jo from the youth service")
    page.fill("#session_date", "2026-02-10")
    choose(page, "who_took_part", "young_people")
    page.select_option("#setting", "youth_club")
    page.fill("#participants", "7")
    page.fill("#prompt_listened", "Most felt their youth worker listened to them.")
    choose(page, "consent_to_quote", "no")
    _submit(page, "Save the session", "the session page, with themes to review")
    assert "/facilitate/sessions/" in page.url, page.url
    _follow(page, "Focus groups", ".staff-nav")  # the list, now with this session


def test_lead_reads_the_record_of_a_withdrawn_response(page: Any, live_server: str, staffed):
    """The marker and the kept text of an alert whose respondent withdrew (issue 12)."""
    slug = load_test_survey(staffed, "withdrawable.yaml")
    code = new_receipt()
    with staffed.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.slug == slug))
        response = record_response(
            version=survey.current_version,
            campaign=None,
            answers={"responsive": "agree", "say_more": DISCLOSURE},
            token=f"browser-{code}",
            secret="browser",
            receipt_hash=receipt_hash(code),
        )
        assert response is not None and withdraw(code)
    _sign_in(page, live_server, "safeguarding")
    _follow(page, "Safeguarding alerts")
    with page.expect_navigation():
        page.locator("main table tr", has_text="Withdrawn").locator("a").first.click()
    assert "The respondent withdrew their answers on" in page.inner_text("main")
    assert_accessible(page, "the alert of a withdrawn response")
