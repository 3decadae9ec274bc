"""When the database fails mid-survey: a friendly 503 that keeps the respondent's answers.

The page re-posts exactly what the browser sent (answers, draft and token) with one
button, so nothing is lost and nothing is half-written: the transaction either committed
before the failure or it rolled back, and the one-time token makes a resend store once.
"""

from __future__ import annotations

from flask import Response, current_app, render_template, request

from feedback.errors import DATABASE_DOWN, forget_failed_session
from feedback.respond.views import bp


def database_unavailable(error: Exception) -> Response:
    forget_failed_session(error, "during a survey")
    fields = list(request.form.items(multi=True)) if request.method == "POST" else []
    body = render_template("respond/unavailable.html", fields=fields, definition=None)
    response = current_app.make_response((body, 503))
    response.headers["Retry-After"] = "30"
    response.headers["Cache-Control"] = "no-store"
    return response


for _kind in DATABASE_DOWN:
    bp.register_error_handler(_kind, database_unavailable)
