"""What every chart shares: the drawn :class:`Chart`, the palette, the text sizes, rendering.

Text sizes are chosen for the reader, not the figure. A figure's text is set in points
(1/72 inch) and its SVG is ``WIDTH * 72`` user units wide, so shown ``shown_px`` CSS
pixels wide a label of ``p`` points is ``p * shown_px / (WIDTH * 72)`` px tall. A PNG
drawn at any dpi scales the same way (the dpi cancels out). Charts are shown no narrower
than :data:`SHOWN_WIDTH_PX` (the report's A4 text column, which the analyst page's
charts are kept at too), so :data:`FONT_PT` is the smallest size that still gives
:data:`MIN_TEXT_PX` there.
"""

from __future__ import annotations

import io
import math
import textwrap
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from analysis.svg import clean_svg

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.typing import RcKeyType

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
WIDTH = 7.5  # inches: the figure's width
#: The narrowest a chart is shown, in CSS px: A4 (210 mm) less the report's 16 mm margins
#: each side is 178 mm; the analyst page keeps its charts at least this wide too.
SHOWN_WIDTH_PX = 178 / 25.4 * 96
#: WCAG has no minimum; 11 px is the smallest that the issue's readers could read.
MIN_TEXT_PX = 11.0
#: Labels, tick labels, notes; and titles, a little larger.
FONT_PT = max(10.0, math.ceil(2 * MIN_TEXT_PX * WIDTH * 72 / SHOWN_WIDTH_PX) / 2)
TITLE_PT = FONT_PT + 2
#: A generous average advance of DejaVu Sans, in ems, to wrap text before it runs over.
CHAR_EM = 0.62
RC: dict[RcKeyType, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": FONT_PT,
    "svg.fonttype": "none",  # real <text>: small files, fast to print, selectable
    "svg.hashsalt": "heard",  # stable ids: the same data gives the same file
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": FONT_PT,
    "figure.titlesize": TITLE_PT,
    "legend.fontsize": FONT_PT,
    "hatch.linewidth": 0.8,
}


def text_px(points: float, width_in: float = WIDTH, shown_px: float = SHOWN_WIDTH_PX) -> float:
    """CSS px of text set at `points` in a figure `width_in` inches wide shown `shown_px` wide."""
    return points * shown_px / (width_in * 72)


def wrap(label: object, width_in: float, points: float = FONT_PT, lines: int = 0) -> str:
    """`label` wrapped to fit `width_in` inches at `points`; at most `lines` lines (0: all).

    A label cut short ends in an ellipsis, so nothing is dropped without a sign (the
    chart's data table always has the whole text).
    """
    chars = max(8, int(width_in * 72 / (CHAR_EM * points)))
    wrapped = textwrap.wrap(str(label), chars) or [" "]
    if lines and len(wrapped) > lines:
        wrapped = [*wrapped[: lines - 1], textwrap.shorten(wrapped[lines - 1], chars - 1) + "…"]
    return "\n".join(wrapped)


def lines_height(text: str, points: float = TITLE_PT) -> float:
    """Inches that `text` (already wrapped) takes up, so a figure grows to hold its title."""
    return (text.count("\n") + 1) * points * 1.4 / 72


@dataclass(frozen=True)
class Chart:
    """A drawn chart.

    image: SVG text (format "svg"), PNG bytes (format "png"), or "" (format None: only
        the alt text and table were asked for, and nothing was drawn).
    alt: a sentence or two saying what the chart shows, for screen readers and print.
    columns, rows: the data table behind the chart, ready for an HTML table or a sheet.
    note: what a sighted reader must know that the drawing cannot say (such as series
        left out of the drawing for room, whose figures are in the table); "" if none.
    """

    title: str
    alt: str
    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    image: str | bytes
    format: str | None
    note: str = ""

    def inline_svg(self, prefix: str) -> str:
        """The SVG as markup to place inside an HTML page (see :func:`analysis.svg.clean_svg`).

        prefix: unique per chart on the page, so the element ids of two charts never clash.
        """
        if self.format != "svg":
            raise ValueError("only an SVG chart can be inlined")
        return clean_svg(str(self.image), prefix=prefix, title=self.alt)


def new_figure(**kwargs: Any) -> Figure:
    """A bare matplotlib Figure (no pyplot, so nothing global and no display)."""
    # matplotlib is imported on first use, not with this module: importing it is about a
    # third of a second of every `heard` command's and every worker's start-up otherwise.
    from matplotlib.figure import Figure

    return Figure(**kwargs)


#: matplotlib's rc settings are one dictionary per process: see style().
_DRAWING = threading.RLock()


@contextmanager
def style() -> Iterator[None]:
    """The charts' rc settings, for one chart at a time in this process.

    rc_context sets and then restores the process-wide rcParams, so two threads drawing
    at once (a threaded server answering a page's three chart requests together) restore
    each other's settings mid-drawing: text came out as paths, without its font size.
    """
    import matplotlib

    with _DRAWING, matplotlib.rc_context(RC):
        yield


def render(fig: Figure, fmt: str | None) -> str | bytes:
    """The figure as SVG text or PNG bytes; "" when `fmt` is None."""
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
