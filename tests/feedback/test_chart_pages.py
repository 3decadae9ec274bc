"""The charts on the analyst page and in the Board report, from known responses
(tests/feedback/report_helpers.py): the trend is small multiples over the periods that
have figures, and every chart keeps its alt text and data table."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from tests.feedback.report_helpers import known_data
from tests.feedback.textdata import make_user, sign_in

SVG = "{http://www.w3.org/2000/svg}"


def _panels(svg: str) -> int:
    return len(re.findall(r'<g id="[\w-]*axes_\d+"', svg))


def test_survey_trend_is_a_panel_per_outcome_over_the_periods_with_figures(app, client):
    known_data(app)
    make_user(app, "analyst@example.org", "analyst")
    sign_in(client, "analyst@example.org")
    page = client.get("/analyse/surveys/children-8-11?period=2026-H1").get_data(as_text=True)
    alt = re.search(r'<img src="[^"]*/charts/trend\.svg[^"]*" alt="([^"]*)"', page).group(1)
    # Figures exist for 2025-H2 and 2026-H1 only: the two years before leave the axis.
    assert alt.startswith("Line charts, Your views about the help you got (ages 8\u201311)")
    assert "one panel per outcome over 2025-H2, 2026-H1" in alt
    assert "No figures for 2024-H2, 2025-H1, so left off the axis." in alt
    assert "Children who felt listened to: 2025-H2 40% (95% CI 24.6% to 57.7%), 2026-H1 80%" in alt
    svg = client.get("/analyse/surveys/children-8-11/charts/trend.svg?period=2026-H1")
    root = ET.fromstring(svg.data)
    words = [t.text for t in root.iter(f"{SVG}text")]
    assert "2025-H2" in words and "2024-H2" not in words and "2025-H1" not in words
    # A panel for each outcome answered (listened, respected); the other six, which
    # nobody answered, get no empty panel but are named, not dropped.
    assert _panels(svg.get_data(as_text=True)) == 2
    statements = set(re.findall(r"<td>(Children who [^<]+)</td>", page))
    unanswered = alt[alt.index("No answers in these periods for: ") :]
    named = [s for s in statements if s in unanswered]
    assert len(statements) == 8 and len(named) == 6
    assert "Children who felt listened to" not in unanswered


def test_report_trends_are_small_multiples_with_their_tables(app, runner, tmp_path):
    known_data(app)
    out = tmp_path / "board.html"
    args = ["report", "--period", "2026-H1", "--format", "html", "-o", str(out)]
    assert runner.invoke(args=args).exit_code == 0
    html = out.read_text(encoding="utf-8")
    children = html[html.index('id="voice-child"') : html.index('id="voice-parent_carer"')]
    trends = re.findall(r"<figure>\s*(<svg.*?</svg>).*?</figure>", children, re.S)
    trends = [t for t in trends if "change over time" in t]
    assert trends, "no trend chart for children"
    for svg in trends:
        label = ET.fromstring(svg).get("aria-label")
        assert label.startswith("Line charts, Children and young people: change over time")
        assert "shaded band" in label
    # Every drawn outcome has its rows in the data table beside the chart.
    tables = re.findall(r'<caption>The data in this chart: Children[^<]*change over time[^<]*'
                        r"</caption>.*?</table>", children, re.S)  # fmt: skip
    assert len(tables) == len(trends)
    assert "<td>Children who felt listened to</td><td>2026-H1</td><td>80.0</td>" in tables[0]
