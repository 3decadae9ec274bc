"""The charts of one survey's analyst page: outcomes, the trend, themes by sentiment.

Each function returns an analysis.charts.Chart. With ``fmt=None`` nothing is drawn: the
page uses that for the alt text and data table, and its <img> asks the chart route for
the SVG. Flagged texts never reach a chart: theme counts come from the stories service.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import datetime

from flask import g, has_request_context
from sqlalchemy import func, select

from analysis import charts
from analysis.charts import Chart
from analysis.outcomes import OutcomeRow
from analysis.periods import Period, parse_period, period_of, previous
from analysis.report import headline_rows, trend_points
from feedback.extensions import db
from feedback.labels import survey_age_band, survey_name, theme_labels
from feedback.models import Response, Survey
from feedback.services.outcomes.rows import outcome_rows
from feedback.services.outcomes.stories import theme_stories

KINDS = ("outcomes", "trend", "themes")
#: Themes drawn on a survey's chart; its data table (and the page) lists them all.
THEMES_SHOWN = 12


def _name(survey: Survey) -> str:
    """The survey as staff read it: with its age band (three children's surveys)."""
    return survey_name(survey.title, survey_age_band(survey))


def _memo() -> dict[object, object]:
    """This request's outcome rows by (survey, period) and its data version: the survey
    page, its outcome chart and its trend all read the same table (a fresh dict elsewhere)."""
    if not has_request_context():
        return {}
    return g.setdefault("heard_chart_rows", {})


def _version() -> str:
    """The report cache's data version, read once per request (about a dozen counts)."""
    from feedback.services.outcomes.report_cache import data_version

    memo = _memo()
    if "version" not in memo:
        memo["version"] = data_version()
    return str(memo["version"])


#: Headline outcome rows by (database, survey, period, language, data version), newest
#: last. The page counts them, then the browser asks for its outcome chart and trend in
#: two more requests that need the same tables: kept here, each is counted once per data
#: version instead of three times (about 30 ms at 10,000 responses each).
_ROWS: OrderedDict[tuple[object, ...], list[dict]] = OrderedDict()
KEEP_ROWS = 32
_ROWS_LOCK = threading.Lock()


def _rows_key(survey: Survey, period: Period) -> tuple[object, ...]:
    from flask_babel import get_locale

    where = db.engine.url.render_as_string(hide_password=True)
    return (where, survey.id, period.label, str(get_locale() or "en"), _version())


def _keep_rows(key: tuple[object, ...], rows: list[dict]) -> None:
    with _ROWS_LOCK:
        _ROWS[key] = rows
        while len(_ROWS) > KEEP_ROWS:
            _ROWS.popitem(last=False)


def _rows(survey: Survey, period: Period) -> list[dict]:
    memo = _memo()
    key = (survey.id, period.label)
    if key not in memo:
        if not has_request_context():  # a command: nothing outlives it, so nothing kept
            rows = [r.to_json() for r in outcome_rows([survey.slug], period, pooled=False)]
            return headline_rows(rows)[0]
        kept = _rows_key(survey, period)
        with _ROWS_LOCK:
            found = _ROWS.get(kept)
        if found is None:
            rows = [r.to_json() for r in outcome_rows([survey.slug], period, pooled=False)]
            found = headline_rows(rows)[0]
            _keep_rows(kept, found)
        memo[key] = found
    return memo[key]  # type: ignore[return-value]


def remember_outcome_rows(survey: Survey, period: Period, rows: list[OutcomeRow]) -> None:
    """Give this request's charts, and the chart requests that follow the page, the rows
    a page already counted for `survey` in `period` (``outcome_rows([slug], period,
    pooled=False)``, no breakdown)."""
    found = headline_rows([r.to_json() for r in rows])[0]
    _memo()[(survey.id, period.label)] = found
    if has_request_context():
        _keep_rows(_rows_key(survey, period), found)


def outcome_chart(survey: Survey, period: Period | str, fmt: str | None = "svg") -> Chart:
    """Bars of the survey's outcome statements in `period`, with Wilson whiskers."""
    period = parse_period(period)
    label = period.label if not period.is_all else "all responses"
    return charts.outcome_bars(_rows(survey, period), f"{_name(survey)}: outcomes, {label}", fmt)


def _last_response(survey: Survey) -> datetime | None:
    return db.session.scalar(
        select(func.max(Response.submitted_at)).where(Response.survey_id == survey.id)
    )


def trend_span(survey: Survey, period: Period | str) -> list[Period]:
    """The four periods a trend shows: `period` and the three before it.

    For "all", the four half-years up to the latest response.
    """
    period = parse_period(period)
    if period.is_all:
        last = _last_response(survey)
        if last is None:
            return []
        period = period_of(last, "half")
    span = [period]
    for _ in range(3):
        before = previous(span[0])
        if before is None:
            break
        span.insert(0, before)
    return span


def trend_chart(survey: Survey, period: Period | str, fmt: str | None = "svg") -> Chart:
    """Outcome percentages over four periods (two outcome tables: each has its previous)."""
    span = trend_span(survey, period)
    series: dict[str, list[dict]] = {}
    if span:
        now = _rows(survey, span[-1])
        earlier = _rows(survey, span[-3]) if len(span) >= 3 else []
        points = trend_points(now, earlier)
        series = {str(r["statement"]): points.get((r["id"], str(r["survey"])), []) for r in now}
    labels = [p.label for p in span]
    return charts.trend(series, labels, f"{_name(survey)}: change over time", fmt)


def themes_chart(survey: Survey, period: Period | str, fmt: str | None = "svg") -> Chart:
    """Mentions of the most frequent themes, split by sentiment."""
    stories = theme_stories([survey.id], period, per_theme=0)
    rows = [
        {"theme": s.theme, "positive": s.positive, "neutral": s.neutral,
         "negative": s.negative, "other_language": s.other_language}
        for s in stories
    ]  # fmt: skip
    title = f"{_name(survey)}: themes"
    return charts.themes_by_sentiment(rows, title, fmt, theme_labels(), max_rows=THEMES_SHOWN)


def survey_chart(survey: Survey, kind: str, period: Period | str, fmt: str | None) -> Chart:
    """One of KINDS; raises KeyError for another kind."""
    makers = {"outcomes": outcome_chart, "trend": trend_chart, "themes": themes_chart}
    return makers[kind](survey, period, fmt)


#: Drawn chart images by (survey, kind, period, language, data version), newest last.
_IMAGES: OrderedDict[tuple[object, ...], str | bytes] = OrderedDict()
#: Images kept per process: a few surveys and periods, a few hundred kilobytes in all.
KEEP_IMAGES = 48
_IMAGES_LOCK = threading.Lock()


def chart_image(survey: Survey, kind: str, period: Period, fmt: str = "svg") -> str | bytes:
    """The image of one chart, drawn once per data version.

    Drawing is most of a chart's cost (matplotlib, 0.1-0.2 s each), and an analyst who
    changes the breakdown or comes back to a period asks for the same three images
    again. The key holds the report cache's data version (every table a chart reads),
    so a new response, analysis or alert draws afresh; the images hold no free text.
    """
    from flask_babel import get_locale

    # The database is in the key: one process may serve (or test) several.
    where = db.engine.url.render_as_string(hide_password=True)
    key = (where, survey.id, kind, period.label, fmt, str(get_locale() or "en"), _version())
    with _IMAGES_LOCK:
        image = _IMAGES.get(key)
        if image is not None:
            _IMAGES.move_to_end(key)
            return image
    image = survey_chart(survey, kind, period, fmt).image
    with _IMAGES_LOCK:
        _IMAGES[key] = image
        while len(_IMAGES) > KEEP_IMAGES:
            _IMAGES.popitem(last=False)
    return image
