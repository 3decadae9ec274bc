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

import io
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from analysis.svg import clean_svg

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def _figure(**kwargs: Any) -> Figure:
    # matplotlib is imported on first use, not with this module: importing it is about a
    # third of a second of every `heard` command's and every worker's start-up otherwise.
    from matplotlib.figure import Figure

    return Figure(**kwargs)


def _style() -> Any:
    """The charts' rc settings, as a context manager."""
    import matplotlib

    return matplotlib.rc_context(RC)

#: Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
}
SERIES = ("blue", "orange", "green", "purple", "sky_blue", "vermillion", "black")
MARKERS = ("o", "s", "^", "D", "v", "P", "X")
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
RC = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "svg.fonttype": "none",  # real <text>: small files, fast to print, selectable
    "svg.hashsalt": "heard",  # stable ids: the same data gives the same file
    "axes.spines.top": False,
    "axes.spines.right": False,
    "hatch.linewidth": 0.8,
}
WIDTH = 7.5  # inches: the text width of an A4 page with margins


@dataclass(frozen=True)
class Chart:
    """A drawn chart.

    image: SVG text (format "svg"), PNG bytes (format "png"), or "" (format None: only
        the alt text and table were asked for, and nothing was drawn).
    alt: a sentence or two saying what the chart shows, for screen readers and print.
    columns, rows: the data table behind the chart, ready for an HTML table or a sheet.
    """

    title: str
    alt: str
    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    image: str | bytes
    format: str | None

    def inline_svg(self, prefix: str) -> str:
        """The SVG as markup to place inside an HTML page (see :func:`analysis.svg.clean_svg`).

        prefix: unique per chart on the page, so the element ids of two charts never clash.
        """
        if self.format != "svg":
            raise ValueError("only an SVG chart can be inlined")
        return clean_svg(str(self.image), prefix=prefix, title=self.alt)


def _render(fig: Figure, fmt: str | None) -> str | bytes:
    if fmt is None:
        return ""  # only the alt text and table were wanted (a page's <img> fetches the image)
    if fmt == "svg":
        text = io.StringIO()
        fig.savefig(text, format="svg", metadata={"Date": None})
        return text.getvalue()
    if fmt == "png":
        data = io.BytesIO()
        fig.savefig(data, format="png", dpi=150, metadata={"Software": None})
        return data.getvalue()
    raise ValueError(f"unknown chart format {fmt!r}: use svg or png")


def _wrap(label: str, width: int = 42) -> str:
    return "\n".join(textwrap.wrap(str(label), width)[:3]) or " "


def _pct(value: object) -> str:
    return "" if value is None else f"{float(value):.1f}%"  # type: ignore[arg-type]


def outcome_bars(
    rows: Sequence[Mapping[str, object]],
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
    table = tuple(
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
    with _style():
        fig = _figure(figsize=(WIDTH, 0.55 * max(1, len(table)) + 1.1), layout="constrained")
        ax = fig.add_subplot()
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
            ax.text(min(float(high or pct) + 1.5, 101), y, f"{pct:.0f}% (n={n})", va="center")
        ax.set_yticks(positions, [_wrap(row[0]) for row in table])
        ax.set_xlim(0, 115)
        ax.set_xticks(range(0, 101, 20), [f"{v}%" for v in range(0, 101, 20)])
        ax.set_title(_wrap(title, 80), loc="left", fontsize=11)
        ax.grid(axis="x", color="#DDDDDD", linewidth=0.6)
        ax.set_axisbelow(True)
        image = _render(fig, fmt)
    shown = [r for r in table if not r[5] and r[1] is not None]
    parts = [f"{r[0]}: {_pct(r[1])} (95% CI {_pct(r[2])} to {_pct(r[3])})" for r in shown]
    alt = f"Bar chart, {title}. " + ("; ".join(parts) + "." if parts else "No values shown.")
    hidden_count = len(table) - len(shown)
    if hidden_count:
        alt += f" {hidden_count} outcome(s) suppressed because too few people answered."
    return Chart(title, alt, columns, table, image, fmt)


def trend(
    series: Mapping[str, Sequence[Mapping[str, object]]],
    periods: Sequence[str],
    title: str,
    fmt: str | None = "svg",
) -> Chart:
    """Lines of outcome percentages over periods, with Wilson whiskers.

    series: statement -> outcome rows, each with ``period`` (a label in `periods`),
        ``percent``, ``ci_low``, ``ci_high``, ``suppressed``. Suppressed or missing
        periods leave a gap in the line. At most seven series are drawn (one per marker).
    periods: the period labels along the x axis, oldest first.
    """
    columns = ("Outcome", "Period", "Percent", "95% CI low", "95% CI high", "Suppressed")
    table: list[tuple[object, ...]] = []
    index = {p: i for i, p in enumerate(periods)}
    with _style():
        fig = _figure(figsize=(WIDTH, 3.6), layout="constrained")
        ax = fig.add_subplot()
        for k, (name, points) in enumerate(list(series.items())[: len(MARKERS)]):
            xs: list[float] = []
            ys: list[float] = []
            lows: list[float] = []
            highs: list[float] = []
            by_period = {str(p.get("period")): p for p in points}
            for label in periods:
                p = by_period.get(label)
                hidden = p is None or bool(p.get("suppressed")) or p.get("percent") is None
                table.append(
                    (
                        name,
                        label,
                        None if hidden else p.get("percent"),  # type: ignore[union-attr]
                        None if hidden else p.get("ci_low"),  # type: ignore[union-attr]
                        None if hidden else p.get("ci_high"),  # type: ignore[union-attr]
                        p is not None and bool(p.get("suppressed")),
                    )
                )
                if hidden:
                    xs.append(index[label])
                    ys.append(float("nan"))  # a gap, not a zero
                    lows.append(0.0)
                    highs.append(0.0)
                    continue
                y = float(p["percent"])  # type: ignore[arg-type,index]
                xs.append(index[label])
                ys.append(y)
                lows.append(y - float(p.get("ci_low", y) or y))  # type: ignore[union-attr,arg-type]
                highs.append(float(p.get("ci_high", y) or y) - y)  # type: ignore[union-attr,arg-type]
            colour = OKABE_ITO[SERIES[k % len(SERIES)]]
            ax.errorbar(
                xs, ys, yerr=[lows, highs], color=colour, marker=MARKERS[k], capsize=3,
                label=_wrap(name, 50),
            )  # fmt: skip
        ax.set_xticks(range(len(periods)), list(periods))
        ax.set_ylim(0, 100)
        ax.set_yticks(range(0, 101, 20), [f"{v}%" for v in range(0, 101, 20)])
        ax.set_title(_wrap(title, 80), loc="left", fontsize=11)
        ax.grid(axis="y", color="#DDDDDD", linewidth=0.6)
        if series:
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8)
        image = _render(fig, fmt)
    lines = []
    for name in list(series)[: len(MARKERS)]:
        values = [f"{r[1]} {_pct(r[2])}" for r in table if r[0] == name and r[2] is not None]
        lines.append(f"{name}: " + (", ".join(values) if values else "no values shown"))
    alt = f"Line chart, {title}, over {', '.join(periods)}. " + "; ".join(lines) + "."
    return Chart(title, alt, columns, tuple(table), image, fmt)


def themes_by_sentiment(
    rows: Sequence[Mapping[str, object]],
    title: str,
    fmt: str | None = "svg",
    labels: Mapping[str, str] | None = None,
) -> Chart:
    """Stacked horizontal bars: mentions of each theme, split positive, neutral, negative.

    rows: ``{"theme", "positive", "neutral", "negative"}`` (counts), most mentioned first,
        optionally with ``"other_language"``: mentions in other languages, which have no
        sentiment; when any row has some, they get a bar segment and a column of their own.
    labels: theme id -> the words to show (defaults to the id with spaces).
    """
    labels = labels or {}
    kinds = ["positive", "neutral", "negative"]
    if any(int(r.get("other_language") or 0) for r in rows):  # type: ignore[call-overload]
        kinds.append("other_language")
    columns = ("Theme", *(KIND_HEADINGS[k] for k in kinds), "Mentions")
    table = tuple(
        (
            str(labels.get(str(r["theme"]), str(r["theme"]).replace("_", " "))),
            *(int(r.get(k) or 0) for k in kinds),  # type: ignore[call-overload]
        )
        for r in rows
    )
    table = tuple((*r, sum(r[1:])) for r in table)
    with _style():
        fig = _figure(figsize=(WIDTH, 0.4 * max(1, len(table)) + 1.2), layout="constrained")
        ax = fig.add_subplot()
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
        ax.set_yticks(positions, [_wrap(r[0], 30) for r in table])
        ax.set_xlabel("Mentions")
        from matplotlib.ticker import MaxNLocator

        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title(_wrap(title, 80), loc="left", fontsize=11)
        if table:
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8)
        image = _render(fig, fmt)
    parts = []
    for r in table:
        part = f"{r[0]}: {r[-1]} mentions ({r[1]} positive, {r[3]} negative"
        if len(kinds) > 3 and r[4]:
            part += f", {r[4]} in other languages with no sentiment"
        parts.append(part + ")")
    alt = f"Stacked bar chart, {title}. " + ("; ".join(parts) + "." if parts else "No themes.")
    return Chart(title, alt, columns, table, image, fmt)
