"""The Board report: gathered from the database, rendered to one HTML file or a PDF.

Numbers come from the same services as the analyst pages (outcome_rows, theme stories,
triangulation), so the report, the pages and the commands agree. Safeguarding alerts
appear as counts by category only; flagged texts are excluded by the stories service.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from flask import current_app, render_template
from flask_babel import get_locale
from markupsafe import Markup
from sqlalchemy import func, select

from analysis.outcomes import format_percent
from analysis.periods import Period, parse_period, periods_between, previous
from analysis.report import (
    ChartView,
    Report,
    VoiceSection,
    headline_rows,
    html_to_pdf,
    trend_points,
    voice_charts,
)
from analysis.stories import VOICES
from analysis.summary import summarise
from feedback.extensions import db
from feedback.i18n import survey_text
from feedback.labels import (
    survey_names,
    theme_labels,
    voice_label,
)
from feedback.languages import language_name, words_direction
from feedback.models import ConcernAlert, Response, Survey
from feedback.models._time import utcnow
from feedback.services.assurance.report import assurance_for_report, case_audit_for_report
from feedback.services.evidence.report_sections import priority_sections
from feedback.services.outcomes.periods import default_period, period_choices  # noqa: F401 (re-exported)
from feedback.services.outcomes.rows import in_period, outcome_rows
from feedback.services.outcomes.stories import theme_stories, triangulation
from feedback.services.outcomes.story import story_for_report, story_headings
from feedback.services.surveys.lookup import surveys_by_slug

#: Themes shown per voice, and excerpts per theme, to keep the report to a readable length.
THEMES_PER_VOICE = 6
EXCERPTS_PER_THEME = 3


def _trend_periods(period: Period) -> list[Period]:
    """The report period and the three before it (one year of half-years)."""
    if period.is_all:
        return []
    first = period
    for _ in range(3):
        first = previous(first) or first
    return periods_between(first, period)


def _counts(survey_ids: Sequence[int], period: Period) -> list[tuple[str, str, int]]:
    query = (
        select(Response.audience, Response.mode, func.count(Response.id))
        .where(Response.survey_id.in_(list(survey_ids)), in_period(period))
        .group_by(Response.audience, Response.mode)
    )
    return [(a, m, int(n)) for a, m, n in db.session.execute(query)]


def alert_counts(survey_ids: Sequence[int], period: Period) -> list[tuple[str, int]]:
    """Safeguarding alerts raised in `period`, by category (an alert may have several).

    Only the categories are read, never a text. Alerts with no category (the analyser
    failed and a lead was asked to read the text) count as "uncategorised".
    """
    query = select(ConcernAlert.categories).where(ConcernAlert.survey_id.in_(list(survey_ids)))
    if not period.is_all:
        query = query.where(
            ConcernAlert.created_at >= period.start, ConcernAlert.created_at < period.end
        )
    tally: Counter[str] = Counter()
    for categories in db.session.scalars(query.execution_options(yield_per=1000)):
        for category in categories or ["uncategorised"]:
            tally[category] += 1
    return sorted(tally.items(), key=lambda item: (-item[1], item[0]))


def alert_total(survey_ids: Sequence[int], period: Period) -> int:
    """Safeguarding alerts raised in `period` on these surveys: alerts, not categories."""
    query = select(func.count(ConcernAlert.id)).where(ConcernAlert.survey_id.in_(list(survey_ids)))
    if not period.is_all:
        query = query.where(
            ConcernAlert.created_at >= period.start, ConcernAlert.created_at < period.end
        )
    return int(db.session.scalar(query) or 0)


def _voice(
    voice: str, surveys: list[Survey], period: Period, trend: list[Period], names: dict
) -> VoiceSection:
    slugs = [s.slug for s in surveys]
    ids = [s.id for s in surveys]
    label = voice_label(voice)
    rows = [r.to_json() for r in outcome_rows(slugs, period)]
    headline, detail = headline_rows(rows)
    earlier: list[dict] = []
    if len(trend) >= 4:
        earlier = [r.to_json() for r in outcome_rows(slugs, trend[-3])]
        earlier, _ = headline_rows(earlier)
    points = trend_points(headline, earlier)
    themes = theme_stories(ids, period, per_theme=EXCERPTS_PER_THEME)[:THEMES_PER_VOICE]
    section = VoiceSection(
        voice=voice,
        label=label,
        surveys=[(s.slug, s.title) for s in surveys],
        responses=int(
            db.session.scalar(
                select(func.count(Response.id)).where(
                    Response.survey_id.in_(ids), in_period(period)
                )
            )
            or 0
        ),
        headline=headline,
        detail=detail,
        themes=themes,
    )
    section.charts = voice_charts(
        label,
        period.label,
        headline,
        points,
        [p.label for p in trend],
        themes,
        names,
        prefix=f"{voice}-",
    )
    return section


def build_report(slugs: Sequence[str] | None, period: Period | str) -> Report:
    """Gather the Board report for `slugs` (every survey when empty) and `period`.

    Raises LookupError for an unknown slug and ValueError for an unknown period.
    """
    period = parse_period(period)
    surveys = surveys_by_slug(slugs)
    ids = [s.id for s in surveys]
    trend = _trend_periods(period)
    names = theme_labels()
    by_voice: dict[str, list[Survey]] = {}
    for survey in surveys:
        by_voice.setdefault(survey.audience, []).append(survey)
    order = [v for v in VOICES if v in by_voice] + sorted(set(by_voice) - set(VOICES))
    before = previous(period)
    min_ns = sorted(
        {s.current_version.definition.min_n for s in surveys if s.current_version is not None}
    )
    voices = [_voice(v, by_voice[v], period, trend, names) for v in order]
    table = triangulation(ids, period)
    alerts = alert_total(ids, period)
    return Report(
        title="Voice of children, families, staff and community",
        period=period.label,
        previous=before.label if before else None,
        generated_at=utcnow(),
        voices=voices,
        triangulation=table,
        counts=_counts(ids, period),
        alerts=alert_counts(ids, period),
        min_ns=min_ns,
        redact_names=len(current_app.config.get("HEARD_REDACT_NAMES") or ()),
        alert_total=alerts,
        summary=summarise(voices, table, alerts),
        survey_names=survey_names(surveys),
        story=story_for_report(period),
        assurance=assurance_for_report(period),
        case_audit=case_audit_for_report(period),
        priorities=priority_sections(period, voices),
    )


def render_html(report: Report) -> str:
    """The report as one self-contained HTML document (inline CSS and SVG).

    Rendered with autoescape: survey titles, statements and excerpts are hostile input.
    """
    return render_template(
        "report/report.html",
        report=report,
        format_percent=format_percent,
        language_name=language_name,
        words_direction=words_direction,
        svg=_chart_markup,
        survey_names=report.survey_names,
        story_headings=story_headings(),
        survey_text=survey_text,
        lang=str(get_locale() or "en"),
    )


def _chart_markup(chart: ChartView) -> Markup:
    # Safe to mark: analysis.svg.clean_svg rebuilt it from an allow-list of drawing
    # elements, and matplotlib drew every word as a path, so no typed text is inside.
    return Markup(chart.svg)


def render_pdf(report: Report) -> bytes:
    """The report as PDF, printed from the same HTML by WeasyPrint."""
    return html_to_pdf(render_html(report))
