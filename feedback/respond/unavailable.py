"""When the database fails mid-survey: a friendly 503 that keeps the respondent's answers.

The page re-posts exactly what the browser sent (answers, draft and token) with one
button, so nothing is lost and nothing is half-written: the transaction either committed
before the failure or it rolled back, and the one-time token makes a resend store once.
"""

from __future__ import annotations

from flask import current_app, render_template, request
from sqlalchemy.exc import DBAPIError, OperationalError

from feedback.extensions import db
from feedback.respond.views import bp


@bp.errorhandler(OperationalError)
@bp.errorhandler(DBAPIError)
def database_unavailable(error: DBAPIError):  # type: ignore[no-untyped-def]
    db.session.rollback()
    current_app.logger.error("database unavailable during a survey: %s", error.orig)
    fields = list(request.form.items(multi=True)) if request.method == "POST" else []
    body = render_template("respond/unavailable.html", fields=fields, definition=None)
    response = current_app.make_response((body, 503))
    response.headers["Retry-After"] = "30"
    response.headers["Cache-Control"] = "no-store"
    return response
