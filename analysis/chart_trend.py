"""Outcomes over time as small multiples: one panel per outcome, the interval as a band.

One line per panel needs no legend and no colour to tell outcomes apart; every panel
shares the y axis (0-100%), so panels compare at a glance. A period with nothing to show
for any outcome is left off the axis (and the alt text says so); a suppressed figure is
a gap with a note in its panel; an outcome nobody answered gets no empty panel. When
there are more outcomes than fit, the first :data:`MAX_PANELS` are drawn. Whatever is
not drawn, the alt text and the note name it (and the data table keeps its figures).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from analysis.chart_base import (
    FONT_PT,
    OKABE_ITO,
    TITLE_PT,
    WIDTH,
    Chart,
    lines_height,
    new_figure,
    render,
    style,
    wrap,
)
from analysis.numbers import interval, whole_percent

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: Panels in one chart: six rows of two still print on one A4 page.
MAX_PANELS = 12
COLUMNS = 2
#: Inches: a panel's plot area; under it, its tick labels; beside it, the y labels.
AXES_HEIGHT = 1.35
BELOW = 0.45
LEFT = 0.6
RIGHT = 0.15
GAP = 0.3
COLOUR = OKABE_ITO["blue"]
COLUMNS_OF_TABLE = ("Outcome", "Period", "Percent", "95% CI low", "95% CI high", "Suppressed")


@dataclass(frozen=True)
class Point:
    """One outcome in one period: percent and interval, or suppressed, or nothing."""

    period: str
    percent: float | None
    low: float | None
    high: float | None
    suppressed: bool

    @property
    def shown(self) -> bool:
        return self.percent is not None


def points_of(
    series: Mapping[str, Sequence[Mapping[str, Any]]], periods: Sequence[str]
) -> dict[str, list[Point]]:
    """Each outcome's points over `periods`, read from outcome rows (see :func:`trend`)."""
    found: dict[str, list[Point]] = {}
    for name, rows in series.items():
        by_period = {str(r.get("period")): r for r in rows}
        line = []
        for label in periods:
            row = by_period.get(label)
            hidden = row is None or bool(row.get("suppressed")) or row.get("percent") is None
            shown = None if hidden else row
            line.append(
                Point(
                    label,
                    None if shown is None else float(shown["percent"]),
                    None if shown is None else _float(shown.get("ci_low")),
                    None if shown is None else _float(shown.get("ci_high")),
                    row is not None and bool(row.get("suppressed")),
                )
            )
        found[name] = line
    return found


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def trend_figure(
    lines: Mapping[str, Sequence[Point]],
    periods: Sequence[str],
    title: str,
    suppressed_note: str = "too few answers",
) -> Figure:
    """Draw one panel per outcome in `lines` (each a point per label of `periods`).

    Panels are placed by hand, not by constrained layout: every size is known (wrapped
    titles, one row of tick labels), and the layout engine measured every text of every
    panel twice, which was over half the time of an eight-panel chart.
    """
    count = max(1, len(lines))
    columns = 1 if count == 1 else COLUMNS
    rows = math.ceil(count / columns)
    width = (WIDTH - LEFT - RIGHT - GAP * (columns - 1)) / columns
    titles = [wrap(name, width, lines=3) for name in lines]
    heading = f"{wrap(title, WIDTH - 0.2, TITLE_PT)}\nLine: percent. Shaded band: 95% interval."
    top = lines_height(heading) + 0.15
    heads = [
        max((lines_height(t, FONT_PT) for t in titles[r * columns : (r + 1) * columns]), default=0)
        for r in range(rows)
    ]
    height = top + sum(h + AXES_HEIGHT + BELOW for h in heads)
    fig = new_figure(figsize=(WIDTH, height))
    fig.suptitle(heading, x=0.1 / WIDTH, y=1 - 0.08 / height, ha="left", va="top",
                 fontweight="normal")  # fmt: skip
    xs = list(range(len(periods)))
    first = None
    y = height - top
    for index, line in enumerate(lines.values()):
        row, column = divmod(index, columns)
        if column == 0:
            y -= heads[row] + AXES_HEIGHT
            if row:
                y -= BELOW
        left = LEFT + column * (width + GAP)
        box = (left / WIDTH, y / height, width / WIDTH, AXES_HEIGHT / height)
        ax = fig.add_axes(box, sharey=first)
        first = first or ax
        _panel(ax, line, xs, suppressed_note)
        ax.set_title(titles[index], loc="left")
        ax.set_xticks(xs, list(periods))
        ax.set_xlim(-0.5, len(periods) - 0.5)
        ax.set_ylim(0, 100)
        ax.set_yticks(range(0, 101, 25), [f"{v}%" for v in range(0, 101, 25)])
        ax.tick_params(labelleft=column == 0)  # the shared axis is labelled once a row
        ax.grid(axis="y", color="#DDDDDD", linewidth=0.6)
        ax.set_axisbelow(True)
    return fig


def _panel(ax: Axes, line: Sequence[Point], xs: Sequence[int], note: str) -> None:
    ys = [p.percent if p.percent is not None else math.nan for p in line]
    lows = [p.low if p.shown and p.low is not None else math.nan for p in line]
    highs = [p.high if p.shown and p.high is not None else math.nan for p in line]
    ax.fill_between(xs, lows, highs, color=COLOUR, alpha=0.25, linewidth=0)
    ax.plot(xs, ys, color=COLOUR, marker="o", linewidth=2)
    for i, point in enumerate(line):
        if not point.shown:
            if point.suppressed:
                ax.text(
                    xs[i], 50, wrap(note, 0.7), ha="center", va="center",
                    color="#555555", style="italic",
                )  # fmt: skip
            continue
        alone = all(not q.shown for q in (*line[max(0, i - 1) : i], *line[i + 1 : i + 2]))
        if alone and point.low is not None and point.high is not None:
            # A band needs two neighbours; a point alone shows its interval as a bar.
            ax.vlines(xs[i], point.low, point.high, color=COLOUR, alpha=0.45, linewidth=6)
        above = (point.percent or 0) < 80
        ax.annotate(
            whole_percent(point.percent or 0), (xs[i], point.percent),
            xytext=(0, 8 if above else -8), textcoords="offset points", ha="center",
            va="bottom" if above else "top",
        )  # fmt: skip


def trend(
    series: Mapping[str, Sequence[Mapping[str, Any]]],
    periods: Sequence[str],
    title: str,
    fmt: str | None = "svg",
    max_panels: int = MAX_PANELS,
) -> Chart:
    """Outcome percentages over periods as small multiples, with Wilson bands.

    series: statement -> outcome rows, each with ``period`` (a label in `periods`),
        ``percent``, ``ci_low``, ``ci_high``, ``suppressed``. A suppressed or missing
        figure leaves a gap; a period with no figure for any outcome leaves the axis.
    periods: the period labels along the x axis, oldest first.
    max_panels: outcomes drawn; the rest are named in the alt text and the note, and
        their figures stay in the table (its last column says what is drawn). An
        outcome with no figure at all gets no panel and no rows; the note names it.
    """
    lines = points_of(series, periods)
    kept = [p for i, p in enumerate(periods) if any(line[i].shown or line[i].suppressed
                                                    for line in lines.values())]  # fmt: skip
    empty = [p for p in periods if p not in kept]
    lines = {name: [pt for pt in line if pt.period in kept] for name, line in lines.items()}
    # An outcome nobody answered in any of these periods gets no empty panel.
    blank = [n for n, line in lines.items() if not any(p.shown or p.suppressed for p in line)]
    names = [n for n in lines if n not in blank]
    drawn, left_out = names[:max_panels], names[max_panels:]
    columns = COLUMNS_OF_TABLE + (("In the chart",) if left_out else ())
    table = tuple(
        (name, p.period, p.percent, p.low, p.high, p.suppressed)
        + ((name in drawn,) if left_out else ())
        for name, line in lines.items()
        for p in line
        if name not in blank
    )
    notes = []
    if left_out:
        notes.append(
            f"{len(drawn)} of {len(names)} outcomes drawn; the other {len(left_out)} "
            f"({'; '.join(left_out)}) are in the table."
        )
    if blank:
        notes.append(f"No answers in these periods for: {'; '.join(blank)}.")
    note = " ".join(notes)
    image: str | bytes = ""
    if fmt is not None:
        with style():
            image = render(trend_figure({n: lines[n] for n in drawn}, kept, title), fmt)
    alt = _alt(title, kept, empty, lines, drawn, note)
    return Chart(title, alt, columns, table, image, fmt, note)


def _alt(
    title: str,
    kept: Sequence[str],
    empty: Sequence[str],
    lines: Mapping[str, Sequence[Point]],
    drawn: Sequence[str],
    note: str,
) -> str:
    if not drawn:
        return f"Line charts, {title}: no figures to show."
    parts = []
    for name in drawn:
        values = [
            f"{p.period} {whole_percent(p.percent)} (95% CI {interval(p.low, p.high)})"
            if p.low is not None and p.high is not None
            else f"{p.period} {whole_percent(p.percent)}"
            for p in lines[name]
            if p.percent is not None
        ]
        parts.append(f"{name}: " + (", ".join(values) if values else "no values shown"))
    alt = (
        f"Line charts, {title}: one panel per outcome over {', '.join(kept)}, "
        "each with its 95% interval as a shaded band. " + "; ".join(parts) + "."
    )
    if empty:
        alt += f" No figures for {', '.join(empty)}, so left off the axis."
    if note:
        alt += " " + note
    return alt
