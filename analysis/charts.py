"""Charts for the analyst pages and the Board report (matplotlib, no pyplot, no display).

Every chart function takes plain data and returns a :class:`Chart`: the image (SVG text or
PNG bytes), alt text that says what the chart shows in words, and the data table behind
it, so a page can put the numbers beside the picture. Figures are built on
``matplotlib.figure.Figure`` directly (never pyplot), so nothing global is touched and
requests may draw at the same time; PNGs come from the Agg renderer. Text is laid out
with matplotlib's bundled DejaVu Sans (nothing is downloaded); in SVG it stays real
<text> (escaped by matplotlib's XML writer), which keeps files small, selectable and
quick for WeasyPrint to print, and falls back to the reader's sans-serif font.

Colours are the Okabe-Ito palette, which reads for the common kinds of colour blindness;
sentiment is also told apart by hatching, so nothing depends on colour alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from analysis.chart_base import (
    OKABE_ITO,
    RC,
    TITLE_PT,
    WIDTH,
    Chart,
    lines_height,
    new_figure,
    render,
    style,
    text_px,
    wrap,
)
from analysis.chart_trend import trend
from analysis.numbers import interval, whole_percent

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "OKABE_ITO", "RC", "WIDTH", "Chart", "outcome_bars", "text_px", "themes_by_sentiment", "trend",
]  # fmt: skip

SENTIMENT_STYLE = {
    "positive": (OKABE_ITO["blue"], ""),
    "neutral": ("#BBBBBB", ".."),
    "negative": (OKABE_ITO["vermillion"], "//"),
    # Words in other languages have no sentiment: a segment of their own, not "neutral".
    "other_language": (OKABE_ITO["yellow"], "xx"),
}
#: Column headings of the themes chart's data table.
KIND_HEADINGS = {
    "positive": "Positive",
    "neutral": "Neutral",
    "negative": "Negative",
    "other_language": "Other languages (no sentiment)",
}
#: Inches of a horizontal bar chart's width given to the labels on its left.
LABEL_WIDTH = 2.6
#: Inches around a bar chart's plot area: the tick marks and their gap left of it (beside
#: the labels), a little room right of it, one row of tick labels under it.
TICKS = 0.15
RIGHT = 0.2
UNDER = 0.35
#: Inches under the themes chart's tick labels: its axis label, then its legend (two rows).
LEGEND = 0.95


def _axes(fig: Figure, height: float, top: float, bottom: float) -> Axes:
    """The one plot area, placed by hand rather than by constrained layout.

    Every margin is known (labels wrapped to LABEL_WIDTH, the title's wrapped lines, one
    row of tick labels), and constrained layout measured every text before the real
    drawing: a third of each chart's first-view cost on the analyst page.
    """
    left = LABEL_WIDTH + TICKS
    return fig.add_axes(
        (
            left / WIDTH,
            bottom / height,
            (WIDTH - left - RIGHT) / WIDTH,
            (height - top - bottom) / height,
        )
    )


def outcome_bars(
    rows: Sequence[Mapping[str, Any]],
    title: str,
    fmt: str | None = "svg",
    suppressed_note: str = "suppressed: too few answers",
) -> Chart:
    """Horizontal bars of outcome percentages with Wilson 95% whiskers.

    rows: outcome rows as in the outcomes JSON (``statement``, ``percent``, ``ci_low``,
        ``ci_high``, ``denominator``, ``suppressed``). A suppressed row gets no bar, only
        `suppressed_note` in grey, so a reader sees it exists but not its value.
    title: drawn above the chart and used in the alt text.
    """
    columns = ("Outcome", "Percent", "95% CI low", "95% CI high", "Answers", "Suppressed")
    table: tuple[tuple[Any, ...], ...] = tuple(
        (
            str(r.get("statement")),
            None if r.get("suppressed") else r.get("percent"),
            None if r.get("suppressed") else r.get("ci_low"),
            None if r.get("suppressed") else r.get("ci_high"),
            r.get("denominator"),
            bool(r.get("suppressed")),
        )
        for r in rows
    )
    image: str | bytes = ""
    if fmt is not None:
        with style():
            image = render(bars_figure(table, title, suppressed_note), fmt)
    shown = [r for r in table if not r[5] and r[1] is not None]
    parts = [
        f"{r[0]}: {whole_percent(r[1])}"
        + (f" (95% CI {interval(r[2], r[3])})" if r[2] is not None and r[3] is not None else "")
        for r in shown
    ]
    alt = f"Bar chart, {title}. " + ("; ".join(parts) + "." if parts else "No values shown.")
    hidden_count = len(table) - len(shown)
    if hidden_count:
        alt += f" {hidden_count} outcome(s) suppressed because too few people answered."
    return Chart(title, alt, columns, table, image, fmt)


def bars_figure(table: Sequence[tuple[Any, ...]], title: str, suppressed_note: str) -> Figure:
    top = lines_height(wrap(title, WIDTH - 0.2, TITLE_PT)) + 0.2
    height = 0.6 * max(1, len(table)) + 0.45 + top
    fig = new_figure(figsize=(WIDTH, height))
    ax = _axes(fig, height, top, UNDER)
    positions = list(range(len(table)))[::-1]  # first row at the top
    for y, (_, pct, low, high, n, hidden) in zip(positions, table, strict=True):
        if hidden or pct is None:
            ax.text(1, y, suppressed_note, va="center", color="#555555", style="italic")
            continue
        ax.barh(y, pct, color=OKABE_ITO["blue"], height=0.6)
        if low is not None and high is not None:
            ax.errorbar(
                pct, y, xerr=[[pct - low], [high - pct]], fmt="none", ecolor="black", capsize=4
            )
        ax.text(
            min(float(high or pct) + 1.5, 101), y, f"{whole_percent(pct)} (n={n:,})", va="center"
        )
    ax.set_yticks(positions, [wrap(row[0], LABEL_WIDTH, lines=3) for row in table])
    ax.set_xlim(0, 118)
    ax.set_xticks(range(0, 101, 20), [f"{v}%" for v in range(0, 101, 20)])
    _title(fig, title)
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    return fig


def _title(fig: Figure, title: str) -> None:
    # On the figure, from its left edge, not over the axes: an axes title starts after the
    # labels on the left and ran off the right edge of the figure.
    fig.suptitle(wrap(title, WIDTH - 0.2, TITLE_PT), x=0.01, y=1 - 0.08 / fig.get_figheight(),
                 ha="left", va="top", fontweight="normal")  # fmt: skip


def themes_by_sentiment(
    rows: Sequence[Mapping[str, Any]],
    title: str,
    fmt: str | None = "svg",
    labels: Mapping[str, str] | None = None,
    max_rows: int | None = None,
) -> Chart:
    """Stacked horizontal bars: mentions of each theme, split positive, neutral, negative.

    rows: ``{"theme", "positive", "neutral", "negative"}`` (counts), most mentioned first,
        optionally with ``"other_language"``: mentions in other languages, which have no
        sentiment; when any row has some, they get a bar segment and a column of their own.
    labels: theme id -> the words to show (defaults to the id with spaces).
    max_rows: themes drawn (None: all); the others stay in the table, and the alt text
        and the note say how many were left out of the drawing.
    """
    labels = labels or {}
    kinds = ["positive", "neutral", "negative"]
    if any(int(r.get("other_language") or 0) for r in rows):
        kinds.append("other_language")
    columns = ("Theme", *(KIND_HEADINGS[k] for k in kinds), "Mentions")
    # each row: the theme's words, then a count per kind (and, below, their total)
    table: tuple[tuple[Any, ...], ...] = tuple(
        (
            str(labels.get(str(r["theme"]), str(r["theme"]).replace("_", " "))),
            *(int(r.get(k) or 0) for k in kinds),
        )
        for r in rows
    )
    table = tuple((*r, sum(r[1:])) for r in table)
    drawn = table if max_rows is None else table[:max_rows]
    note = ""
    if len(drawn) < len(table):
        note = (
            f"The {len(drawn)} most mentioned of {len(table)} themes are drawn; "
            f"the table has all {len(table)}."
        )
        columns = (*columns, "In the chart")
        table = tuple((*r, i < len(drawn)) for i, r in enumerate(table))
    image: str | bytes = ""
    if fmt is not None:
        with style():
            image = render(themes_figure(drawn, kinds, columns, title), fmt)
    parts = []
    for r in drawn:
        part = f"{r[0]}: {r[-1]} mentions ({r[1]} positive, {r[3]} negative"
        if len(kinds) > 3 and r[4]:
            part += f", {r[4]} in other languages with no sentiment"
        parts.append(part + ")")
    alt = f"Stacked bar chart, {title}. " + ("; ".join(parts) + "." if parts else "No themes.")
    if note:
        alt += " " + note
    return Chart(title, alt, columns, table, image, fmt, note)


def themes_figure(
    table: Sequence[tuple[Any, ...]], kinds: Sequence[str], columns: Sequence[str], title: str
) -> Figure:
    from matplotlib.ticker import MaxNLocator

    top = lines_height(wrap(title, WIDTH - 0.2, TITLE_PT)) + 0.2
    height = 0.45 * max(1, len(table)) + 0.4 + top + UNDER + LEGEND
    fig = new_figure(figsize=(WIDTH, height))
    ax = _axes(fig, height, top, UNDER + LEGEND)
    positions = list(range(len(table)))[::-1]
    left = [0] * len(table)
    for column, kind in enumerate(kinds, start=1):
        colour, hatch = SENTIMENT_STYLE[kind]
        values = [r[column] for r in table]
        ax.barh(
            positions, values, left=left, color=colour, hatch=hatch, edgecolor="white",
            height=0.6, label=columns[column],
        )  # fmt: skip
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_yticks(positions, [wrap(r[0], LABEL_WIDTH, lines=2) for r in table])
    ax.set_xlabel("Mentions")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    _title(fig, title)
    if table:
        # Below the bars, not beside them: beside, it took a third of the width at this size.
        fig.legend(loc="lower left", bbox_to_anchor=(0.01, 0.02), frameon=False, ncols=2)
    return fig
