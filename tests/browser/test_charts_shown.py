"""The analyst page's charts as Chromium shows them, on a phone and a desktop: every
chart's smallest label is at least 11 px at 100% zoom (its font size in SVG units times
the width the <img> is drawn at over the SVG's width in units), and axe finds nothing."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask

from analysis.chart_base import MIN_TEXT_PX
from tests.browser.analyst_helpers import sign_in, with_demo_analyst
from tests.browser.axe_helpers import assert_accessible

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
    return with_demo_analyst(live_app, EMAIL)


def test_chart_labels_are_at_least_11px_where_they_are_shown(
    any_page: Any, live_server: str, analyst
):
    page = any_page
    sign_in(page, live_server, EMAIL)
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
