"""The analyst page's outcome table is counted once per data version: the page counts it,
and the outcome chart and trend that the browser asks for next reuse it, until a new
response (or anything else the report cache's data version covers) arrives."""

from __future__ import annotations

import re

from feedback.extensions import db
from feedback.services.outcomes import charts
from tests.feedback.report_helpers import H1, known_data, respond
from tests.feedback.textdata import make_user, sign_in

PAGE = "/analyse/surveys/children-8-11?period=2026-H1"
BARS = "/analyse/surveys/children-8-11/charts/outcomes.svg?period=2026-H1"


def _counting(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """The periods the charts count outcome rows for, in order (the real count runs)."""
    counted: list[str] = []
    real = charts.outcome_rows

    def counting(slugs, period, **kwargs):  # type: ignore[no-untyped-def]
        counted.append(period.label)
        return real(slugs, period, **kwargs)

    monkeypatch.setattr(charts, "outcome_rows", counting)
    return counted


def _listened(svg: str) -> str:
    return re.search(r"(\d+)% \(n=(\d+)\)", svg).group(0)  # the first bar: listened


def test_chart_requests_reuse_the_rows_the_page_counted_until_the_data_changes(
    app, client, monkeypatch
):
    known_data(app)
    make_user(app, "analyst@example.org", "analyst")
    sign_in(client, "analyst@example.org")
    counted = _counting(monkeypatch)
    assert client.get(PAGE).status_code == 200
    bars = client.get(BARS).get_data(as_text=True)
    trend = client.get(BARS.replace("outcomes.svg", "trend.svg"))
    assert trend.status_code == 200
    # The page counted 2026-H1 itself (not through the charts' count); the two chart
    # requests counted only what the page had not: the trend's period two before.
    assert counted == ["2025-H1"]
    assert _listened(bars) == "80% (n=30)"  # 24 of 30, as known_data made them

    with app.app_context():
        for _ in range(10):
            respond("children-8-11", {"listened": "sad", "respected": "happy"}, H1)
        db.session.commit()
    counted.clear()
    bars = client.get(BARS).get_data(as_text=True)
    # A new response is a new data version: counted afresh, and the chart says so.
    assert counted == ["2026-H1"]
    assert _listened(bars) == "60% (n=40)"  # 24 of 40
