"""The evidence pages in a real browser, with axe-core on each: priorities, an indicator,
actions, an update with an error first, a bad dataset upload, and a new action."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import User
from tests.browser.axe_helpers import assert_accessible

pytestmark = pytest.mark.browser

EMAIL = "browser-evidence-analyst@example.org"
PASSWORD = "a long enough passphrase for the evidence pages"


@pytest.fixture(scope="module")
def with_evidence(live_app: Flask) -> Flask:
    """The live app with the demo's figures and actions, and an analyst."""
    from feedback.demo.evidence import add_demo_evidence
    from feedback.services.people.users import create_user

    with live_app.app_context():
        from feedback.models._time import utcnow

        add_demo_evidence(utcnow().date())  # adds nothing the second time
        if db.session.scalar(select(User.id).where(User.email == EMAIL)) is None:
            create_user(EMAIL, "analyst", PASSWORD)
    return live_app


def _sign_in(page: Any, base: str) -> None:
    page.goto(f"{base}/login")
    page.fill("#email", EMAIL)
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert page.url.endswith("/staff"), page.url


def _go(page: Any, url: str, where: str) -> None:
    page.goto(url)
    assert_accessible(page, where)


def test_an_analyst_walks_the_evidence_pages(page: Any, live_server: str, with_evidence) -> None:
    _sign_in(page, live_server)
    _go(page, f"{live_server}/evidence/", "priorities and evidence")
    assert page.locator("section.priority").count() == 5
    with page.expect_navigation():
        page.get_by_role(
            "link",
            name="Children subject to a child protection plan for neglect, per 10,000 children",
        ).click()
    assert_accessible(page, "an indicator's history")
    assert "Overdue" in page.inner_text("main")  # the demo's overdue neglect action
    _go(page, f"{live_server}/evidence/actions", "the actions")
    with page.expect_navigation():
        page.get_by_role("link", name="Neglect toolkit used in every CP plan for neglect").click()
    assert_accessible(page, "an action")
    with page.expect_navigation():
        page.get_by_role("button", name="Add the update").click()
    assert_accessible(page, "an update with nothing said (error)")
    page.fill("#text", "Toolkit in use in two of three teams.")
    page.fill("#evidence", "Audit sample, November")
    with page.expect_navigation():
        page.get_by_role("button", name="Add the update").click()
    assert "Toolkit in use in two of three teams." in page.inner_text("main")
    _go(page, f"{live_server}/evidence/actions/new", "a new action form")
    _go(page, f"{live_server}/evidence/dataset", "the dataset upload")
    page.set_input_files(
        "#dataset",
        files=[
            {
                "name": "bad.csv",
                "mimeType": "text/csv",
                "buffer": b"indicator,period,value\nnope,2026-H1,x\n",
            }
        ],
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Check and import").click()
    assert "bad.csv: line 2, column indicator" in page.inner_text("main")
    assert_accessible(page, "a dataset upload with bad rows (error)")
