"""Analyst pages: what changed, the survey list and one survey's outcome statements.

/analyse/ says what changed since the previous period for each voice (by default the
latest complete half-year against the one before) and lists the surveys with their
response counts; /analyse/surveys/<slug> shows
the outcome table with a GET form for the period, the breakdown and pooling. Other
parts of the analyse area add charts, themes and downloads to the survey page in two
ways: templates ``analyse/_charts.html``, ``_themes.html`` and ``_downloads.html`` are
included when they exist, and :func:`add_survey_page_extra` registers a function
whose dict is added to the page's template context.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from flask import abort, current_app, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from analysis.outcomes import NOT_ANSWERED, POOLED, OutcomeRow
from analysis.periods import Period, parse_period, periods_covering, previous
from feedback.analyse import bp
from feedback.auth import role_required
from feedback.labels import mode_label, survey_names, theme_label, voice_label
from feedback.languages import language_name
from feedback.navigation import add_home_panel, add_staff_link
from feedback.services.outcomes.changes import what_changed
from feedback.services.outcomes.pages import SurveyPage, survey_page
from feedback.services.outcomes.periods import default_period, period_choices
from feedback.services.outcomes.recent import new_responses
from feedback.services.outcomes.rows import BadBreakdown, BadPeriod
from feedback.services.surveys.lookup import surveys_by_slug
from feedback.services.surveys.versions import survey_summaries

add_staff_link("analyse.index", lambda: _("Analysis"), ("analyst", "admin"))
add_home_panel("analyse/_home_panel.html", lambda: {"counts": new_responses()}, ("analyst",))

#: Names of the response attributes an outcome table can be broken down by.
ATTRIBUTE_LABELS = {
    "survey": _l("Survey"),
    "age_band": _l("Age band"),
    "campaign": _l("Campaign"),
    "service": _l("Service"),
    "language": _l("Language"),
    "mode": _l("How it was completed (online, paper, facilitated)"),
    "completed_with_help": _l("Who helped"),
}

SurveyPageExtra = Callable[[SurveyPage], dict[str, Any]]
_EXTRAS: list[SurveyPageExtra] = []


def add_survey_page_extra(extra: SurveyPageExtra) -> None:
    """Add template context to /analyse/surveys/<slug> (charts, themes, downloads).

    *extra* gets the :class:`SurveyPage` (survey, definition, period, by, rows) and
    returns a dict merged into the template context; register it at import time.
    """
    if extra not in _EXTRAS:
        _EXTRAS.append(extra)


@bp.get("/")
@role_required("analyst", "admin")
def index() -> ResponseReturnValue:
    """What changed since the previous period, then every survey with its responses."""
    surveys = survey_summaries()
    total = sum(s["responses"] for s in surveys)
    choices = period_choices(with_all=False)
    error = None
    try:
        period = parse_period(request.args.get("period") or default_period().label)
        if period.is_all:
            raise ValueError("all has nothing before it")
    except ValueError:
        # "all" has no earlier figure to compare with, so it is not offered either.
        error = _("Choose a half-year or a financial year from the list.")
        period = default_period()
    if period.label not in choices:
        choices.insert(0, period.label)
    hours = int(current_app.config.get("HEARD_ALERT_OVERDUE_HOURS") or 24)
    names = survey_names(surveys_by_slug())
    return render_template(
        "analyse/index.html",
        surveys=surveys,
        names=names,
        total=total,
        voice_label=voice_label,
        period=period,
        before=previous(period),
        choices=choices,
        changes=what_changed(period, hours) if total else [],
        sees_alerts=getattr(current_user, "role", None) in ("safeguarding", "admin"),
        overdue_hours=hours,
        error=error,
        theme_label=theme_label,
    ), (400 if error else 200)


def _period_choices(page: SurveyPage) -> list[tuple[str, str]]:
    return period_options(page.first, page.last, page.period)


def period_options(
    first: datetime | None, last: datetime | None, current: Period
) -> list[tuple[str, str]]:
    """'all', then half-years, financial years and quarters holding responses, newest first.

    first, last: the survey's earliest and latest responses; current: the period shown.
    The response explorer offers the same.
    """
    choices = [("all", _("All responses"))]
    if first is not None and last is not None:
        for kind in ("half", "fy", "quarter"):
            for period in reversed(periods_covering(first, last, kind)):
                choices.append((period.label, period.label))
    if current.label not in {value for value, _label in choices}:
        choices.append((current.label, current.label))
    return choices


def _group_label(page: SurveyPage, row: OutcomeRow) -> str:
    if row.group is None:
        return _("Everyone")
    ((field, value),) = row.group.items()
    if value == NOT_ANSWERED:
        return _("Not answered")
    if field == "mode":
        return mode_label(value)
    if field == "language":
        return f"{language_name(value)} ({value})"  # "Polski (pl)": named in itself
    if field in page.choice_labels:
        return page.choice_labels[field].get(value, value)
    return value


def _survey_label(page: SurveyPage, row: OutcomeRow) -> str:
    if row.survey == POOLED:
        titles = [_titled(page, slug) for slug in row.pooled_from]
        return _("All of: %(surveys)s", surveys="; ".join(titles))
    return _titled(page, row.survey or "")


def _titled(page: SurveyPage, slug: str) -> str:
    # Age-banded surveys often share a title; the slug tells them apart.
    return f"{page.titles.get(slug, slug)} ({slug})"


@bp.get("/surveys/<slug>")
@role_required("analyst", "admin")
def survey(slug: str) -> ResponseReturnValue:
    """One survey's outcome statements, filtered by the GET form."""
    raw_period = request.args.get("period", "all") or "all"
    by = request.args.get("by") or None
    pool = request.args.get("pool") == "1"
    error = None
    try:
        period: Period = parse_period(raw_period)
    except ValueError:
        error = _("Choose a period from the list, such as 2026-H1, 2026-Q3 or FY2026.")
        period = parse_period("all")
    try:
        page = survey_page(slug, period, None if error else by, pool)
    except LookupError:
        abort(404)
    except (BadBreakdown, BadPeriod):
        error = _("Choose a breakdown from the list.")
        page = survey_page(slug, period, None, pool)
    if error:
        # Say what was wrong rather than show figures for something not asked for.
        page.rows = []
    context: dict[str, Any] = {}
    for extra in _EXTRAS:
        context.update(extra(page))
    return render_template(
        "analyse/survey.html",
        page=page,
        error=error,
        periods=_period_choices(page),
        attributes=ATTRIBUTE_LABELS,
        selected_by=by or "",
        pool=pool,
        group_label=lambda row: _group_label(page, row),
        survey_label=lambda row: _survey_label(page, row),
        **context,
    ), (400 if error else 200)
