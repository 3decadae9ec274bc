"""The Board report page: choose a period, read the report, download HTML or PDF.

/analyse/report shows the form; /analyse/report/view shows the report itself (one
self-contained document with inline CSS and SVG, served with a CSP that allows those
inline styles and nothing else: no script, no outside request); /analyse/report/download
gives the same as a file, HTML or PDF (a PDF printed once per period and data version,
then served from the cache). Downloads are audited like exports.
"""

from __future__ import annotations

from flask import Response, abort, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from analysis.periods import Period, parse_period
from feedback.analyse import bp
from feedback.auth import role_required
from feedback.labels import survey_names
from feedback.navigation import add_staff_link
from feedback.services.audit import audit
from feedback.services.outcomes.report import (
    build_report,
    default_period,
    period_choices,
    render_html,
    render_pdf,
)
from feedback.services.outcomes.report_cache import cached_pdf
from feedback.services.surveys.lookup import surveys_by_slug

add_staff_link("analyse.report", lambda: _("Board report"), ("analyst", "admin"))

#: The report's own inline CSS and SVG styles are allowed; nothing else is.
REPORT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def _period() -> Period:
    raw = request.args.get("period")
    if not raw:
        return default_period()
    try:
        return parse_period(raw)
    except ValueError:
        abort(400)


def _slugs() -> list[str]:
    slugs = request.args.getlist("survey")
    try:
        surveys_by_slug(slugs)
    except LookupError:
        abort(404)
    return slugs


@bp.get("/report")
@role_required("analyst", "admin")
def report() -> ResponseReturnValue:
    """The form: period (and surveys), with buttons to view and download."""
    period = _period()
    slugs = _slugs()
    choices = period_choices()
    if period.label not in choices:
        choices.insert(0, period.label)
    return render_template(
        "report/page.html",
        period=period,
        choices=choices,
        surveys=surveys_by_slug(),
        names=survey_names(surveys_by_slug()),
        chosen=set(slugs),
        slugs=slugs,
    )


@bp.get("/report/view")
@role_required("analyst", "admin")
def report_view() -> ResponseReturnValue:
    """The report as a page of its own, ready to print from the browser."""
    period = _period()
    html = render_html(build_report(_slugs(), period))
    audit("report.view", "report", period.label)
    reply = Response(html, mimetype="text/html")
    reply.headers["Content-Security-Policy"] = REPORT_CSP
    reply.headers["Cache-Control"] = "no-store"
    return reply


@bp.get("/report/download")
@role_required("analyst", "admin")
def report_download() -> ResponseReturnValue:
    """?period=2026-H1&format=html|pdf: the report as a file.

    A PDF is printed once per period, surveys and data version, then served from the
    cache (feedback.services.outcomes.report_cache): the X-Heard-Cache header says which.
    """
    fmt = request.args.get("format", "html")
    if fmt not in ("html", "pdf"):
        abort(404)
    period = _period()
    slugs = _slugs()
    audit(f"report.{fmt}", "report", period.label, surveys=slugs or "all")
    if fmt == "pdf":
        pdf, hit = cached_pdf(period, slugs, lambda: render_pdf(build_report(slugs, period)))
        reply = Response(pdf, mimetype="application/pdf")
        reply.headers["X-Heard-Cache"] = "hit" if hit else "miss"
    else:
        reply = Response(render_html(build_report(slugs, period)), mimetype="text/html")
        reply.headers["Content-Security-Policy"] = REPORT_CSP
    name = f"heard-board-report_{period.label}.{fmt}"
    reply.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    reply.headers["Cache-Control"] = "no-store"
    return reply
