"""The analyst page's charts as Chromium shows them, on a phone and a desktop: every
chart's smallest label is at least 11 px at 100% zoom (its font size in SVG units times
the width the <img> is drawn at over the SVG's width in units), and axe finds nothing."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from analysis.chart_base import MIN_TEXT_PX
from feedback.extensions import db
from feedback.models import CourseRun, User
from tests.browser.axe_helpers import assert_accessible
from tests.feedback.staff_helpers import PASSWORD

pytestmark = pytest.mark.browser
EMAIL = "browser-charts-analyst@example.org"

#: Each chart as drawn: its URL, the width it is shown at and the SVG it shows.
SHOWN = """async imgs => Promise.all(imgs.map(async img => {
  await img.decode();
  const svg = await (await fetch(img.src)).text();
  return [img.src, img.getBoundingClientRect().width, svg];
}))"""


@pytest.fixture(scope="module")
def analyst(live_app: Flask) -> Flask:
    """The live app with demo answers and an analyst."""
    from feedback.services.people.users import create_user

    with live_app.app_context():
        if db.session.scalar(select(CourseRun.id)) is None:
            result = live_app.test_cli_runner().invoke(args=["demo", "--responses", "3"])
            assert result.exit_code == 0, result.output
        if db.session.scalar(select(User.id).where(User.email == EMAIL)) is None:
            create_user(EMAIL, "analyst", PASSWORD)
    return live_app


@pytest.fixture(params=["phone", "desktop"])
def any_page(request: pytest.FixtureRequest) -> Any:
    return request.getfixturevalue("phone_page" if request.param == "phone" else "page")


def test_chart_labels_are_at_least_11px_where_they_are_shown(
    any_page: Any, live_server: str, analyst
):
    page = any_page
    page.goto(f"{live_server}/login")
    page.fill("#email", EMAIL)
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    page.goto(f"{live_server}/analyse/surveys/children-8-11?period=all")
    charts = page.eval_on_selector_all(".analyse-charts img", SHOWN)
    assert [re.search(r"/charts/(\w+)\.svg", src).group(1) for src, _, _ in charts] == [
        "outcomes",
        "trend",
        "themes",
    ]
    for src, width, svg in charts:
        units = float(re.search(r'viewBox="0 0 ([\d.]+)', svg).group(1))
        smallest = min(float(s) for s in re.findall(r"font-size: ([\d.]+)px", svg))
        assert smallest * width / units >= MIN_TEXT_PX, (src, width, smallest)
    assert_accessible(page, "the survey page's charts")
