"""Audits in a real browser, with axe-core on every page (issue 16): an agency lead
completes a Section 11 return on a laptop; a moderator challenges a rating."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import AuditReturn, User
from tests.browser.axe_helpers import assert_accessible
from tests.browser.survey_walk import choose
from tests.feedback.staff_helpers import PASSWORD

pytestmark = pytest.mark.browser
LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture(scope="module")
def audit_world(live_app: Flask) -> dict[str, int]:
    """Two agencies asked in one round: Laptop Trust's lead has a draft; Police West's
    return is submitted, for the moderator to challenge."""
    from feedback.services.assurance.agencies import ensure_agency
    from feedback.services.assurance.returns import rated_questions, save_return, submit_return
    from feedback.services.assurance.rounds import bundled_audits, open_round
    from feedback.services.people.users import create_user

    with live_app.app_context():
        trust = ensure_agency("Laptop Trust", "health")
        police = ensure_agency("Police West", "police")
        found = open_round(
            "Section 11 browser round",
            date(2099, 3, 31),
            [trust.id, police.id],
            bundled_audits()["section11"],
        )
        returns = {r.agency_id: r for r in found.returns}
        create_user("audit-lead@example.org", "agency_lead", PASSWORD, trust.id)
        create_user("audit-moderator@example.org", "moderator", PASSWORD)
        other = create_user("police-lead@example.org", "agency_lead", PASSWORD, police.id)
        ret = returns[police.id]
        answers = {
            q.id: {"rating": "green", "evidence": "Annual report", "actions": None}
            for q in rated_questions(ret)
        }
        save_return(ret, answers, ret.version, other)
        submit_return(ret, ret.version, other)
        return {"draft": returns[trust.id].id, "submitted": ret.id, "round": found.id}


@pytest.fixture
def laptop(browser: Any) -> Any:
    context = browser.new_context(viewport=LAPTOP)
    try:
        yield context.new_page()
    finally:
        context.close()


def _sign_in(page: Any, base: str, email: str) -> None:
    page.goto(f"{base}/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert page.url.endswith("/staff"), page.url


def _press(page: Any, name: str, where: str) -> None:
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name=name, exact=True).first.click()
    assert_accessible(page, where)


def test_an_agency_lead_completes_a_return_on_a_laptop(
    laptop: Any, live_server: str, live_app: Flask, audit_world: dict[str, int]
):
    page = laptop
    _sign_in(page, live_server, "audit-lead@example.org")
    with page.expect_navigation():
        page.locator("nav").get_by_role("link", name="Audits", exact=True).click()
    assert_accessible(page, "an agency lead's list of returns")
    with page.expect_navigation():
        page.get_by_role("link", name="Section 11 browser round").click()
    assert_accessible(page, "a draft return")
    ids = page.eval_on_selector_all("input[type=radio][value=green]", "els => els.map(e => e.name)")
    assert len(ids) >= 16
    choose(page, ids[0], "amber")
    page.fill(f"textarea[name='{ids[0].replace('-rating', '-evidence')}']", "Board minutes")
    page.fill(f"textarea[name='{ids[0].replace('-rating', '-actions')}']", "Review the policy")
    _press(page, "Save draft", "a saved draft")
    assert "Your draft is saved." in page.inner_text("main")
    for name in ids[1:]:
        choose(page, name, "green")
    _press(page, "Save and submit the return", "a submitted return")
    assert "Your return is submitted." in page.inner_text("main")
    assert "State: Submitted." in page.inner_text("main")
    with live_app.app_context():
        ret = db.session.get(AuditReturn, audit_world["draft"])
        assert ret.state == "submitted"
        first = next(r for r in ret.ratings if r.question_id == ids[0].split("-")[0])
        assert (first.rating, first.evidence, first.actions) == (
            "amber",
            "Board minutes",
            "Review the policy",
        )


def test_a_moderator_challenges_a_rating(
    laptop: Any, live_server: str, live_app: Flask, audit_world: dict[str, int]
):
    page = laptop
    _sign_in(page, live_server, "audit-moderator@example.org")
    page.goto(f"{live_server}/assurance/rounds/{audit_world['round']}")
    assert_accessible(page, "a round's overview and heat map")
    assert "Police West" in page.inner_text("table.heat")
    with page.expect_navigation():
        page.get_by_role("link", name="Police West").click()
    assert_accessible(page, "a submitted return, as a moderator reads it")
    box = page.locator("textarea[id^=body-]").first
    box.fill("Which board meeting received the annual report?")
    with page.expect_navigation():
        page.locator("form:has(textarea[id^=body-])").first.get_by_role(
            "button", name="Send challenge"
        ).click()
    assert_accessible(page, "a return after a challenge")
    text = page.inner_text("main")
    assert "Your challenge is sent." in text and "State: Challenged." in text
    assert "Which board meeting received the annual report?" in text
    with live_app.app_context():
        assert db.session.get(AuditReturn, audit_world["submitted"]).state == "challenged"
        assert db.session.scalar(select(User.id).where(User.email == "audit-moderator@example.org"))
