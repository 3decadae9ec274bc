"""The public "you said, we did" page on a small phone: content, weight and axe."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from flask import Flask

from tests.browser.axe_helpers import assert_accessible
from tests.browser.weight_helpers import assert_within_budget, page_weight

pytestmark = pytest.mark.browser

WORDS = "You told us you met too many workers. Now one worker stays with you from start to end."


@pytest.fixture(scope="module")
def published(live_app: Flask) -> str:
    from feedback.extensions import db
    from feedback.models import Agency, User
    from feedback.services.evidence.actions import ActionFields, create_action, set_publication

    with live_app.app_context():
        agency = Agency(name="Children's social care (you said)", sector="childrens_social_care")
        analyst = User(email="you-said-analyst@example.org", role="analyst")
        analyst.set_password("a long enough passphrase")
        db.session.add_all([agency, analyst])
        db.session.commit()
        fields = ActionFields(
            "One worker from start to end", agency.id, "Head of Service", date(2027, 3, 31),
            "theme", "relationship_with_worker", "voice_of_the_child",
        )  # fmt: skip
        action = create_action(fields, analyst)
        set_publication(action, analyst, True, WORDS, "child")
    return WORDS


@pytest.mark.parametrize("language", ["en", "ar"])
def test_you_said_page_on_a_phone_is_light_accessible_and_says_what_changed(
    phone_page: Any, live_server: str, published: str, language: str
) -> None:
    url = f"{live_server}/s/children-8-11/you-said?lang={language}"
    seen, assets = page_weight(phone_page, live_server, lambda: phone_page.goto(url))
    assert_within_budget(seen, assets)
    assert phone_page.locator("html").get_attribute("lang") == language
    assert published in phone_page.inner_text("main")
    headings = phone_page.locator("h2").all_inner_texts()
    assert len(headings) == 2
    if language == "en":
        assert headings == ["What you told us", "What we are doing about it"]
    assert_accessible(phone_page, f"you said, we did ({language})")
