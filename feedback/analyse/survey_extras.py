"""Charts, themes with excerpts, and downloads on a survey's analyst page.

The page (outcomes_views.survey) includes analyse/_charts.html, _themes.html and
_downloads.html; :func:`_extra` gives them their context. Charts are <img> elements
pointing at :func:`chart`, which serves SVG: the page's CSP allows no inline style, and
an SVG loaded as an image can run no script.
"""

from __future__ import annotations

from typing import Any

from flask import Response, abort, request
from flask.typing import ResponseReturnValue

from analysis.periods import parse_period
from feedback.analyse import bp
from feedback.analyse.outcomes_views import add_survey_page_extra
from feedback.auth import role_required
from feedback.languages import language_name, words_direction
from feedback.services.outcomes.charts import (
    KINDS,
    chart_image,
    remember_outcome_rows,
    survey_chart,
)
from feedback.services.outcomes.pages import SurveyPage
from feedback.services.outcomes.stories import excerpt_answer_ids, theme_stories
from feedback.services.surveys.lookup import survey_by_slug

#: An SVG served as an image needs its own inline styles; it may run nothing else.
# Opened on its own, a chart is a document: nothing runs, and no other site may frame it.
CHART_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
EXCERPTS = 5


def _answer_ids(stories: list[Any]) -> dict[int, int]:
    """{text analysis id: answer id} of the excerpts shown, for their concern links."""
    return excerpt_answer_ids([e.id for story in stories for e in story.excerpts])


def _extra(page: SurveyPage) -> dict[str, Any]:
    survey = page.survey
    if page.by is None and not page.pool and page.rows:
        # The outcome table is the outcome chart's data and the trend's last point.
        remember_outcome_rows(survey, page.period, page.rows)
    stories = theme_stories([survey.id], page.period, per_theme=EXCERPTS)
    return {
        "charts": [(kind, survey_chart(survey, kind, page.period, None)) for kind in KINDS],
        "stories": stories,
        "excerpt_answers": _answer_ids(stories),
        "language_name": language_name,
        "words_direction": words_direction,
    }


add_survey_page_extra(_extra)


@bp.get("/surveys/<slug>/charts/<kind>.svg")
@role_required("analyst", "admin")
def chart(slug: str, kind: str) -> ResponseReturnValue:
    """One chart of the survey page as SVG (?period=2026-H1)."""
    if kind not in KINDS:
        abort(404)
    try:
        period = parse_period(request.args.get("period", "all") or "all")
        survey = survey_by_slug(slug)
    except ValueError:
        abort(400)
    except LookupError:
        abort(404)
    image = chart_image(survey, kind, period, "svg")
    reply = Response(image, mimetype="image/svg+xml")
    reply.headers["Content-Security-Policy"] = CHART_CSP
    reply.headers["Cache-Control"] = "private, no-store"
    return reply
