"""Export downloads: CSV (wide or long), XLSX and JSON, streamed and audited.

GET gives redacted free text. Raw text needs a POST (so a link in an e-mail cannot
trigger it: the form carries a CSRF token) with the box ticked that says it is recorded.
Every download writes its audit row before the first byte goes out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from flask import Response, abort, request, stream_with_context
from flask.typing import ResponseReturnValue

from analysis.periods import parse_period
from feedback.analyse import bp
from feedback.auth import role_required
from feedback.services.audit import audit
from feedback.services.outcomes.explorer_filter import parse_filter
from feedback.services.outcomes.exports import FORMATS, ExportRequest, stream_export
from feedback.services.surveys.lookup import survey_by_slug

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def _request(slug: str, raw: bool) -> ExportRequest:
    values = request.values
    fmt = values.get("format", "csv")
    if fmt not in FORMATS:
        abort(404)
    try:
        period = parse_period(values.get("period", "all") or "all")
    except ValueError:
        abort(400)
    try:
        survey = survey_by_slug(slug)
    except LookupError:
        abort(404)
    # The response explorer's filters (campaign, answers, search...) narrow the rows.
    filters = parse_filter(survey, values)
    if filters.errors:
        abort(400)
    try:
        return ExportRequest(
            survey,
            fmt,
            long=values.get("layout") == "long",
            raw=raw,
            period=period,
            filters=filters if filters.narrowed else None,
        )
    except ValueError:
        abort(400)


def _stream(export: ExportRequest) -> Response:
    audit(f"export.{export.format}", "survey", export.survey.id, **export.audit_detail())
    # Text chunks (CSV, JSON) or bytes (XLSX): werkzeug sends either; its types want one.
    body: Iterator[Any] = stream_export(export, bom=export.format == "csv")
    reply = Response(stream_with_context(body), mimetype=export.media_type)
    name = _SAFE_NAME.sub("-", export.filename)
    reply.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    reply.headers["Cache-Control"] = "no-store"
    return reply


@bp.get("/surveys/<slug>/export")
@role_required("analyst", "admin")
def export(slug: str) -> ResponseReturnValue:
    """?format=csv|xlsx|json&period=2026-H1&layout=long: free text redacted.

    Also takes the response explorer's filters (see services.explorer_filter).
    """
    return _stream(_request(slug, raw=False))


@bp.post("/surveys/<slug>/export")
@role_required("analyst", "admin")
def export_raw(slug: str) -> ResponseReturnValue:
    """The same, with raw free text when raw_text and confirm are both ticked (audited)."""
    raw = request.form.get("raw_text") == "1" and request.form.get("confirm") == "1"
    return _stream(_request(slug, raw=raw))
