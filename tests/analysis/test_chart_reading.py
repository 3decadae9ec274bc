"""Charts a reader can read: small multiples with a band, big enough labels, nothing cut
off or silently dropped, and no empty periods on an axis. Asserted on the structure of
the figure and of its SVG, never on pixels."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.text import Text

from analysis import chart_trend, charts
from analysis.chart_base import MIN_TEXT_PX, SHOWN_WIDTH_PX, style, text_px

PERIODS = ["2025-H1", "2025-H2", "2026-H1", "2026-H2"]
LONG = (
    "Children and young people who said that the worker who helped them listened to "
    "what they had to say and did something about it, every single time they met"
)


def _series(names: list[str], skip: str | None = None) -> dict[str, list[dict]]:
    """Each outcome: 60%, 65%, ... over PERIODS (none in `skip`), intervals 10 either side."""
    return {
        name: [
            {"period": p, "percent": 60.0 + 5 * i, "ci_low": 50.0 + 5 * i,
             "ci_high": 70.0 + 5 * i, "suppressed": False}
            for i, p in enumerate(PERIODS)
            if p != skip
        ]
        for name in names
    }  # fmt: skip


def _trend_figure(series: dict, periods: list[str], title: str = "Children: change over time"):  # type: ignore[no-untyped-def]
    with style():
        fig = chart_trend.trend_figure(chart_trend.points_of(series, periods), periods, title)
    FigureCanvasAgg(fig).draw()
    return fig


def test_trend_is_one_panel_per_outcome_sharing_a_0_to_100_axis_with_a_band() -> None:
    fig = _trend_figure(_series(["Felt listened to", "Felt safe", "Had a say"]), PERIODS)
    panels = fig.axes
    assert len(panels) == 3  # two columns; the fourth place is removed, not left blank
    assert [ax.get_title(loc="left") for ax in panels] == ["Felt listened to", "Felt safe",
                                                          "Had a say"]  # fmt: skip
    for ax in panels:
        assert ax.get_ylim() == (0.0, 100.0)
        assert ax.get_shared_y_axes().joined(ax, panels[0])
        assert [t.get_text() for t in ax.get_xticklabels()] == PERIODS
        bands = [c for c in ax.collections if isinstance(c, PolyCollection)]
        assert len(bands) == 1
        # The band runs from the lowest lower bound to the highest upper bound.
        ys = bands[0].get_paths()[0].vertices[:, 1]
        assert ys.min() == pytest.approx(50.0) and ys.max() == pytest.approx(85.0)
        assert [t.get_text() for t in ax.texts] == ["60%", "65%", "70%", "75%"]


def test_a_suppressed_figure_is_a_gap_with_a_note_not_a_zero() -> None:
    series = _series(["Felt safe"])
    series["Felt safe"][1] = {"period": "2025-H2", "suppressed": True}
    chart = charts.trend(series, PERIODS, "Felt safe over time")
    assert [r[5] for r in chart.rows] == [False, True, False, False]
    assert "2025-H2 65%" not in chart.alt and "2025-H1 60% (95% CI 50.0% to 70.0%)" in chart.alt
    fig = _trend_figure(series, PERIODS)
    line = fig.axes[0].lines[0]
    assert str(line.get_ydata()[1]) == "nan"
    assert "too few\nanswers" in [t.get_text() for t in fig.axes[0].texts]


def test_periods_without_any_figure_are_left_off_the_axis() -> None:
    periods = ["2024-H2", *PERIODS]  # nothing at all in 2024-H2 and in 2025-H2
    chart = charts.trend(_series(["Felt safe", "Had a say"], skip="2025-H2"), periods, "T")
    assert {r[1] for r in chart.rows} == {"2025-H1", "2026-H1", "2026-H2"}
    assert "over 2025-H1, 2026-H1, 2026-H2" in chart.alt
    assert "No figures for 2024-H2, 2025-H2, so left off the axis." in chart.alt
    root = ET.fromstring(str(chart.image))
    words = {t.text for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert "2026-H1" in words and "2025-H2" not in words and "2024-H2" not in words


def test_outcomes_beyond_the_panels_are_named_and_kept_in_the_table() -> None:
    names = [f"Outcome {n}" for n in range(1, 15)]
    chart = charts.trend(_series(names), PERIODS, "Staff: change over time")
    assert len(re.findall(r'<g id="axes_\d+"', str(chart.image))) == chart_trend.MAX_PANELS
    assert chart.columns[-1] == "In the chart" and len(chart.rows) == 14 * len(PERIODS)
    assert {r[0] for r in chart.rows if r[-1] is False} == {"Outcome 13", "Outcome 14"}
    assert (
        chart.note
        == "12 of 14 outcomes drawn; the other 2 (Outcome 13; Outcome 14) are in the table."
    )
    assert chart.note in chart.alt


def test_themes_beyond_the_drawing_stay_in_the_table() -> None:
    rows = [
        {"theme": f"t{n}", "positive": n, "neutral": 0, "negative": 1} for n in range(15, 0, -1)
    ]
    chart = charts.themes_by_sentiment(rows, "Themes", max_rows=12)
    assert len(chart.rows) == 15 and [r[-1] for r in chart.rows].count(False) == 3
    assert "The 12 most mentioned of 15 themes are drawn" in chart.alt
    fig = charts.themes_figure(chart.rows[:12], ["positive", "neutral", "negative"],
                               chart.columns, "Themes")  # fmt: skip
    assert len(fig.axes[0].get_yticklabels()) == 12


def _figures():  # type: ignore[no-untyped-def]
    bars = [{"statement": LONG, "percent": 70.0, "ci_low": 60.2, "ci_high": 78.9,
             "denominator": 120, "suppressed": False}]  # fmt: skip
    themes = [{"theme": "timeliness", "positive": 3, "neutral": 1, "negative": 7}]
    title = f"{LONG}: {LONG}"
    with style():
        yield charts.bars_figure(charts.outcome_bars(bars, title, fmt=None).rows, title, "n/a")
        table = charts.themes_by_sentiment(themes, title, fmt=None)
        yield charts.themes_figure(table.rows, ["positive", "neutral", "negative"],
                                   table.columns, title)  # fmt: skip
    yield _trend_figure(_series([LONG, "Felt safe"]), PERIODS, title)


def _drawn_texts(fig):  # type: ignore[no-untyped-def]
    """Every Text the figure draws (a locator's ticks beyond the axis limits are not)."""
    texts = [t for t in fig.findobj(Text) if not _tick_label(t)]
    for ax in fig.axes:
        for axis, (low, high) in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim())):
            texts += [
                t.label1
                for t in axis.get_major_ticks()
                if min(low, high) <= t.get_loc() <= max(low, high)
            ]
    return texts


def _tick_label(text: Text) -> bool:
    return any(text is t.label1 or text is t.label2 for ax in text.figure.axes
               for axis in (ax.xaxis, ax.yaxis) for t in axis.get_major_ticks())  # fmt: skip


@pytest.mark.parametrize("index", [0, 1, 2], ids=["bars", "themes", "trend"])
def test_every_word_is_at_least_11px_and_inside_the_figure(index: int) -> None:
    fig = list(_figures())[index]
    FigureCanvasAgg(fig).draw()
    renderer = fig.canvas.get_renderer()
    texts = [t for t in _drawn_texts(fig) if t.get_visible() and t.get_text().strip()]
    assert len(texts) > 5
    for text in texts:
        assert text_px(text.get_fontsize()) >= MIN_TEXT_PX, text.get_text()
        box = text.get_window_extent(renderer)
        # Titles and labels wrap: nothing runs off the figure's edge.
        assert box.x0 >= -0.5 and box.x1 <= fig.bbox.x1 + 0.5, text.get_text()
        assert box.y0 >= -0.5 and box.y1 <= fig.bbox.y1 + 0.5, text.get_text()


def test_the_svg_sets_no_text_smaller_than_11px_where_it_is_shown() -> None:
    rows = [{"statement": "Felt safe", "percent": 70.0, "ci_low": 60.2, "ci_high": 78.9,
             "denominator": 120, "suppressed": False}]  # fmt: skip
    made = [
        charts.outcome_bars(rows, "Outcomes"),
        charts.trend(_series(["Felt safe", "Had a say"]), PERIODS, "Trend"),
        charts.themes_by_sentiment(
            [{"theme": "t", "positive": 1, "neutral": 1, "negative": 1}], "T"
        ),
    ]
    for chart in made:
        svg = str(chart.image)
        units = float(re.search(r'viewBox="0 0 ([\d.]+)', svg).group(1))
        sizes = [float(s) for s in re.findall(r"font-size: ([\d.]+)px", svg)]
        assert sizes
        # SVG user units scale to the width the chart is shown at.
        assert min(sizes) * SHOWN_WIDTH_PX / units >= MIN_TEXT_PX
