"""The response explorer: /analyse/surveys/<slug>/responses and one response's page.

Filters travel in the query string (a GET form, so it works without JavaScript and a
filtered list can be shared as a link); the download links carry the same query string
to the ordinary export routes (analyse.downloads), which stream and audit the filtered
set. Who sees what, and why small numbers are not suppressed here, is explained in
feedback.services.outcomes.explorer.
"""

from __future__ import annotations

from typing import Any

from flask import abort, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from feedback.analyse import bp
from feedback.analyse.outcomes_views import period_options
from feedback.auth import role_required
from feedback.labels import mode_label
from feedback.languages import language_name, words_direction
from feedback.models import Survey
from feedback.respond.pages import LOCALE_FORMATS
from feedback.services.outcomes.explorer import explore, filter_options, marked, response_view
from feedback.services.outcomes.explorer_filter import ResponseFilter, parse_filter
from feedback.services.outcomes.pages import response_span
from feedback.services.surveys.lookup import survey_by_slug

#: Roles that may open concern alerts: they get a link from a response to its alerts.
ALERT_READERS = ("safeguarding", "admin")


def _survey(slug: str) -> Survey:
    try:
        return survey_by_slug(slug)
    except LookupError:
        abort(404)


def _without(wanted: ResponseFilter, name: str, value: Any = None) -> dict[str, Any]:
    """The query string of `wanted` with one filter taken off (a "remove" link)."""
    args = wanted.query_args()
    if name == "answer":
        args["answer"] = [a for a in args.get("answer", []) if a != value]
    else:
        args.pop(name, None)
    return args


def _chosen(wanted: ResponseFilter, options: Any, slug: str) -> list[tuple[str, str, str]]:
    """(filter name, what was chosen, link without it) for each filter in use."""
    campaigns = dict(options.campaigns)
    chosen: list[tuple[str, str, str]] = []

    def add(name: str, kind: str, label: str, value: Any = None) -> None:
        href = url_for("analyse.responses", slug=slug, **_without(wanted, name, value))
        chosen.append((kind, label, href))

    if wanted.search:
        add("q", _("Search"), f"“{wanted.search}”")
    if wanted.campaign is not None:
        add("campaign", _("Campaign"), campaigns.get(wanted.campaign, str(wanted.campaign)))
    if wanted.service:
        add("service", _("Service"), wanted.service)
    if wanted.language:
        add("language", _("Language"), language_name(wanted.language))
    if wanted.mode:
        add("mode", _("How it was completed"), mode_label(wanted.mode))
    if wanted.age_band:
        add("age_band", _("Age band"), wanted.age_band)
    for answer in wanted.answers:
        text, choices = options.answers.get(answer.question, (answer.question, []))
        label = dict(choices).get(answer.value, answer.value)
        add("answer", text, str(label), answer.token)
    return chosen


@bp.get("/surveys/<slug>/responses")
@role_required("analyst", "admin")
def responses(slug: str) -> ResponseReturnValue:
    """The survey's responses, filtered by the query string, a page at a time."""
    survey = _survey(slug)
    wanted = parse_filter(survey, request.args)
    results = explore(survey, wanted, request.args.get("page", 1, type=int) or 1)
    options = filter_options(survey)
    first, last = response_span(survey.id)
    return render_template(
        "analyse/responses.html",
        survey=survey,
        wanted=wanted,
        args=wanted.query_args(),
        results=results,
        options=options,
        periods=period_options(first, last, wanted.period),
        chosen=_chosen(wanted, options, slug),
        anything=first is not None,
        marked=marked,
        language_name=language_name,
        words_direction=words_direction,
    ), (400 if wanted.errors else 200)


@bp.get("/surveys/<slug>/responses/<int:response_id>")
@role_required("analyst", "admin")
def response(slug: str, response_id: int) -> ResponseReturnValue:
    """One response with all its answers; the query string is the list to go back to."""
    survey = _survey(slug)
    wanted = parse_filter(survey, request.args)
    try:
        view = response_view(
            survey,
            response_id,
            # Staff pages are in English, the language survey definitions are written in.
            translate=str,
            formats=LOCALE_FORMATS,
            with_alerts=current_user.role in ALERT_READERS,
        )
    except LookupError:
        abort(404)
    back = wanted.query_args()
    if page := request.args.get("page", type=int):
        back["page"] = page
    return render_template(
        "analyse/response.html",
        survey=survey,
        view=view,
        search=wanted.search,
        back=url_for("analyse.responses", slug=slug, **back),
        marked=marked,
        language_name=language_name,
        words_direction=words_direction,
    )
