"""Friendly error pages: never a traceback, always a way out."""

from __future__ import annotations

from flask import Flask, render_template
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException

from feedback.extensions import db

MESSAGES = {
    400: lambda: (_("Something was wrong with that request"), _("Please go back and try again.")),
    403: lambda: (
        _("You cannot see this page"),
        _("Your account does not have access to this page."),
    ),
    404: lambda: (
        _("Page not found"),
        _("Check the link you were given. It may have been typed wrongly."),
    ),
    410: lambda: (
        _("This survey has closed"),
        _("Thank you for wanting to take part. This survey is no longer open."),
    ),
    413: lambda: (_("That was too much to send"), _("Please shorten your answers and try again.")),
    429: lambda: (_("Too many tries"), _("Please wait a minute and try again.")),
    503: lambda: (
        _("Sorry, the service is unavailable"),
        _("Please try again in a few minutes. Nothing you sent was half-saved."),
    ),
}


def render_error(code: int, detail: str | None = None) -> tuple[str, int]:
    title, body = MESSAGES.get(code, MESSAGES[400])()
    return render_template("error.html", code=code, title=title, body=detail or body), code


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def _csrf(error: CSRFError):  # type: ignore[no-untyped-def]
        return render_error(
            400, _("This page had expired. Please go back, reload the page and try again.")
        )

    @app.errorhandler(HTTPException)
    def _http(error: HTTPException):  # type: ignore[no-untyped-def]
        code = error.code or 500
        if code in MESSAGES:
            return render_error(code)
        return error

    @app.errorhandler(OperationalError)
    def _database_down(error: OperationalError):  # type: ignore[no-untyped-def]
        db.session.rollback()
        app.logger.error("database unavailable: %s", error.orig)
        return render_error(503)
