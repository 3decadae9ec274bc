"""Charts: SVG and PNG, alt text, the data table, and SVG that is safe to inline."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from analysis import charts
from analysis.svg import clean_svg

ROWS = [
    {
        "statement": "Young people who felt listened to",
        "percent": 70.0,
        "ci_low": 39.7,
        "ci_high": 89.2,
        "denominator": 10,
        "suppressed": False,
    },
    {
        "statement": "Young people who had a say <script>alert('x')</script>",
        "percent": None,
        "ci_low": None,
        "ci_high": None,
        "denominator": 6,
        "suppressed": True,
    },
]


def test_outcome_bars_svg_has_alt_text_and_table():
    chart = charts.outcome_bars(ROWS, "Young people, 2026-H1")
    assert chart.format == "svg" and str(chart.image).lstrip().startswith("<?xml")
    # Whole percent for the figure, one decimal for its interval.
    assert "70% (95% CI 39.7% to 89.2%)" in chart.alt
    assert "1 outcome(s) suppressed" in chart.alt
    # The suppressed row is in the table, with its value withheld.
    assert chart.rows[1][1:4] == (None, None, None) and chart.rows[1][5] is True
    assert chart.columns[0] == "Outcome"


def test_png_charts_are_png():
    chart = charts.outcome_bars(ROWS, "Young people", fmt="png")
    assert isinstance(chart.image, bytes) and chart.image.startswith(b"\x89PNG")
    with pytest.raises(ValueError):
        charts.outcome_bars(ROWS, "Young people", fmt="gif")


def test_trend_leaves_gaps_for_suppressed_periods():
    chart = charts.trend(
        {
            "Felt safe": [
                {"period": "2025-H1", "percent": 61.0, "ci_low": 50.0, "ci_high": 70.0},
                {"period": "2025-H2", "suppressed": True},
                {"period": "2026-H1", "percent": 68.5, "ci_low": 60.0, "ci_high": 76.0},
            ]
        },
        ["2025-H1", "2025-H2", "2026-H1"],
        "Felt safe over time",
    )
    assert "2025-H1 61% (95% CI 50.0% to 70.0%)" in chart.alt and "2026-H1 69%" in chart.alt
    assert "2025-H2" not in chart.alt.split("Felt safe:")[1]
    assert [r[5] for r in chart.rows] == [False, True, False]


def test_themes_by_sentiment_table_totals():
    chart = charts.themes_by_sentiment(
        [
            {"theme": "timeliness", "positive": 1, "neutral": 2, "negative": 7},
            {"theme": "respected", "positive": 5, "neutral": 0, "negative": 1},
        ],
        "Themes",
        labels={"timeliness": "Waiting and delays"},
    )
    assert chart.rows[0] == ("Waiting and delays", 1, 2, 7, 10)
    assert chart.rows[1][0] == "respected"
    assert "Waiting and delays: 10 mentions (1 positive, 7 negative)" in chart.alt


def test_inline_svg_has_no_script_no_text_and_prefixed_ids():
    chart = charts.outcome_bars(ROWS, "Young people <b>bold</b>")
    markup = chart.inline_svg("c7")
    assert "<script" not in markup and "<?xml" not in markup and "<!--" not in markup
    root = ET.fromstring(markup)
    assert root.get("role") == "img" and root.get("aria-label") == chart.alt
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert ids and all(i.startswith("c7-") for i in ids)
    refs = [v for el in root.iter() for k, v in el.attrib.items() if k.endswith("href")]
    assert refs and all(r.startswith("#c7-") for r in refs)
    # The hostile statement is only ever character data, never an element.
    assert all(el.tag.rsplit("}", 1)[-1] != "script" for el in root.iter())
    assert "&lt;script&gt;" in markup or "script" not in markup


def test_clean_svg_strips_scripts_handlers_and_outside_links():
    hostile = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<script>alert(1)</script><g onclick="alert(2)" id="a">'
        '<use xlink:href="https://evil.example/x.svg#y"/>'
        '<path d="M0 0" style="fill:url(https://evil.example/p)"/>'
        '<rect clip-path="url(#a)"/><foreignObject><p>hi</p></foreignObject></g></svg>'
    )
    out = clean_svg(hostile, prefix="p")
    assert "script" not in out and "onclick" not in out and "evil" not in out
    assert "foreignObject" not in out and 'clip-path="url(#p-a)"' in out
    with pytest.raises(ValueError):
        clean_svg("<html/>", prefix="p")
