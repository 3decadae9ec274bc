"""The Board report's content, as plain data, and its PDF.

The database layer gathers outcome rows, theme stories, the triangulation table and
counts; this module picks what the Board reads first (the headline outcome rows), builds
the trend points and the charts, and holds it all in a :class:`Report` that a Jinja
template renders to one self-contained HTML file. :func:`html_to_pdf` prints that HTML
with WeasyPrint, which needs Pango from the operating system (Debian: libpango) and
fetches nothing: every resource of the report is inline.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from analysis import chart_trend, charts
from analysis.stats import wilson
from analysis.stories import ThemeSummary, Triangulation
from analysis.summary import Summary

#: Panels in one trend chart of the report: four rows of two fill most of an A4 page.
REPORT_PANELS = 8


@dataclass(frozen=True)
class ChartView:
    """A chart ready for the page: inline SVG markup, alt text and its data table."""

    title: str
    alt: str
    svg: str
    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    note: str = ""


@dataclass
class VoiceSection:
    """Everything the report says about one voice (children, parents and carers, ...).

    headline: outcome rows the Board reads (pooled where surveys pool, else per survey).
    detail: the per-survey rows behind pooled headline rows.
    """

    voice: str
    label: str
    surveys: list[tuple[str, str]]
    responses: int
    headline: list[dict[str, Any]] = field(default_factory=list)
    detail: list[dict[str, Any]] = field(default_factory=list)
    charts: list[ChartView] = field(default_factory=list)
    themes: list[ThemeSummary] = field(default_factory=list)


@dataclass
class Report:
    """The whole Board report.

    counts: (voice, mode, responses). alerts: (category, alerts) for safeguarding
    alerts raised in the period, counts only (an alert may have several categories);
    alert_total: the alerts themselves. min_ns: the suppression thresholds in use.
    summary: the first page. priorities: a section per priority, after the summary
    (its outcomes, indicators, audits, actions and commentary). story: the analysts'
    words (see feedback.services.outcomes.story), {scope: {heading: entry}}, where scope
    is "report", a voice or a priority's scope. survey_names:
    slug -> the name staff read (with its age band).
    """

    title: str
    period: str
    previous: str | None
    generated_at: datetime
    voices: list[VoiceSection]
    triangulation: Triangulation
    counts: list[tuple[str, str, int]]
    alerts: list[tuple[str, int]]
    min_ns: list[int]
    redact_names: int = 0
    alert_total: int = 0
    summary: Summary = field(default_factory=Summary)
    story: dict[str, dict[str, Any]] = field(default_factory=dict)
    survey_names: dict[str, str] = field(default_factory=dict)
    #: the partnership's own assurance (issue 16): the latest Section 11 round's results,
    #: as the app gathers them (feedback.services.assurance.results.Results), or None
    assurance: Any = None
    #: the latest multi-agency case audit with a panel record (feedback.services.assurance.
    #: report.CaseAuditPart), or None
    case_audit: Any = None
    #: one section per partnership priority (built by feedback.services.evidence)
    priorities: list[Any] = field(default_factory=list)

    @property
    def total_responses(self) -> int:
        return sum(n for _, _, n in self.counts)

    @property
    def total_alerts(self) -> int:
        return sum(n for _, n in self.alerts)

    def modes(self) -> list[str]:
        """The modes that occur, in a fixed order (online, paper, facilitated, others)."""
        known = ("online", "paper", "facilitated")
        seen = {m for _, m, _ in self.counts}
        return [m for m in known if m in seen] + sorted(seen - set(known))

    def count(self, voice: str, mode: str) -> int:
        return sum(n for v, m, n in self.counts if v == voice and m == mode)


def headline_rows(rows: Iterable[Mapping[str, Any]]) -> tuple[list[dict], list[dict]]:
    """Split whole-population outcome rows into (headline, detail).

    An outcome id with a pooled row is headed by that row, and its per-survey rows go
    to detail; an outcome only one survey measures is a headline row itself.
    """
    everyone = [dict(r) for r in rows if not r.get("group")]
    pooled = {r["id"] for r in everyone if r.get("survey") == "pooled"}
    headline = [r for r in everyone if r.get("survey") == "pooled" or r["id"] not in pooled]
    detail = [r for r in everyone if r.get("survey") != "pooled" and r["id"] in pooled]
    return headline, detail


def _key(row: Mapping[str, Any]) -> tuple[str, str]:
    return (str(row["id"]), str(row.get("survey")))


def _point(period: str, percent: float | None, k: int | None, n: int | None) -> dict[str, Any]:
    if percent is None or k is None or not n:
        return {"period": period, "suppressed": True}
    low, high = wilson(k, n)
    return {
        "period": period,
        "percent": percent,
        "ci_low": round(100 * low, 1),
        "ci_high": round(100 * high, 1),
        "suppressed": False,
    }


def trend_points(
    now: Iterable[Mapping[str, Any]], earlier: Iterable[Mapping[str, Any]] = ()
) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Trend points per (outcome id, survey) from outcome rows of two periods.

    now: headline rows of the report period; each carries its ``previous`` figure, so
    one table gives two points. earlier: rows of the period two before (giving two more
    points), or nothing. A suppressed figure, or a previous figure that was too small to
    show, is a suppressed point: the chart leaves a gap.
    """
    points: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for rows in (earlier, now):
        for row in rows:
            if row.get("group"):
                continue
            found = points.setdefault(_key(row), [])
            before = row.get("previous")
            if before:
                found.append(
                    _point(
                        before["period"],
                        before["percent"],
                        before["numerator"],
                        before["denominator"],
                    )
                )
            if not row.get("denominator"):
                continue  # nobody answered: nothing to show, not even a gap
            found.append(
                _point(
                    row["period"],
                    None if row.get("suppressed") else row.get("percent"),
                    row.get("numerator"),
                    row.get("denominator"),
                )
            )
    return points


def voice_charts(
    label: str,
    period: str,
    headline: Sequence[Mapping[str, Any]],
    trend: Mapping[tuple[str, str], Sequence[Mapping[str, Any]]],
    periods: Sequence[str],
    themes: Sequence[ThemeSummary],
    theme_names: Mapping[str, str],
    prefix: str,
) -> list[ChartView]:
    """The charts of one voice: outcome bars, trends (small multiples), themes.

    prefix: unique per voice, so inline SVG ids never clash on the page.
    """
    made: list[charts.Chart] = []
    if headline:
        made.append(charts.outcome_bars(headline, f"{label}: outcomes, {period}"))
    if len(periods) > 1 and headline:
        series = {str(r["statement"]): trend.get(_key(r), []) for r in headline}
        # Every part of a voice's trend shares one axis: the periods with a figure in any.
        lines = chart_trend.points_of(series, periods).values()
        periods = [p for i, p in enumerate(periods) if any(
            line[i].shown or line[i].suppressed for line in lines)]  # fmt: skip
        names = list(series)
        # Split evenly (13 outcomes: 7 and 6 panels), so no chart is one lonely panel.
        parts = -(-len(names) // REPORT_PANELS)
        size = -(-len(names) // parts)
        for start in range(0, len(names), size):
            part = {n: series[n] for n in names[start : start + size]}
            title = f"{label}: change over time"
            if parts > 1:
                title += f" ({start // size + 1} of {parts})"
            made.append(charts.trend(part, periods, title, max_panels=size))
    if themes:
        rows = [
            {"theme": t.theme, "positive": t.positive, "neutral": t.neutral,
             "negative": t.negative, "other_language": t.other_language}
            for t in themes
        ]  # fmt: skip
        made.append(charts.themes_by_sentiment(rows, f"{label}: themes", labels=theme_names))
    return [
        ChartView(c.title, c.alt, c.inline_svg(f"{prefix}{i}"), c.columns, c.rows, c.note)
        for i, c in enumerate(made)
    ]


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """WeasyPrint's URL fetcher: the report is self-contained, so fetching is refused."""
    raise ValueError(f"the report fetches nothing (asked for {url[:80]!r})")


#: PDF/UA: a tagged PDF (headings, tables, figures with their alt text in the
#: structure tree), titled from <title> and in the language of <html lang>, so a screen
#: reader reads a Board member the same report the HTML gives.
PDF_VARIANT = "pdf/ua-1"


def html_to_pdf(html: str) -> bytes:
    """Print the report's HTML to a tagged PDF with WeasyPrint; no network, no files read."""
    from weasyprint import HTML  # imported late: it loads Pango, which takes a moment

    return HTML(string=html, url_fetcher=_no_fetch).write_pdf(pdf_variant=PDF_VARIANT)
