"""Friendly error pages: never a traceback, always a way out."""

from __future__ import annotations

from flask import Flask, current_app, render_template
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import (
    DisconnectionError,
    InterfaceError,
    OperationalError,
    PendingRollbackError,
)
from sqlalchemy.exc import TimeoutError as PoolTimeout
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

    for kind in DATABASE_DOWN:
        app.register_error_handler(kind, _database_down)


#: what the database raises while it is unreachable, restarting or out of connections
DATABASE_DOWN = (
    OperationalError,
    InterfaceError,
    DisconnectionError,
    PendingRollbackError,
    PoolTimeout,
)


def forget_failed_session(error: Exception, where: str) -> None:
    """Drop the broken transaction and log why, without touching a connection that is gone."""
    try:
        db.session.rollback()
    except Exception:  # the connection may be gone; the page must still show
        db.session.remove()
    current_app.logger.error("database unavailable %s: %s", where, getattr(error, "orig", error))


def _database_down(error: Exception):  # type: ignore[no-untyped-def]
    forget_failed_session(error, "on a page")
    return render_error(503)
