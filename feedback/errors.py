"""Friendly error pages: never a traceback, always a way out."""

from __future__ import annotations

from types import TracebackType

from flask import Flask, current_app, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from markupsafe import escape
from sqlalchemy.exc import (
    DisconnectionError,
    InterfaceError,
    OperationalError,
    PendingRollbackError,
)
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import HTTPException, InternalServerError

from feedback.extensions import db
from feedback.logsafe import describe

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
    500: lambda: (
        _("Sorry, something went wrong"),
        _("It was our fault, not yours. Please try again in a few minutes."),
    ),
    503: lambda: (
        _("Sorry, the service is unavailable"),
        _("Please try again in a few minutes. Nothing you sent was half-saved."),
    ),
}


def render_error(code: int, detail: str | None = None) -> tuple[str, int]:
    title, body = MESSAGES.get(code, MESSAGES[400])()
    try:
        return render_template("error.html", code=code, title=title, body=detail or body), code
    except Exception as error:  # the page must show, whatever broke the template
        current_app.logger.error("error page could not be drawn: %s", describe(error))
        return _bare_page(title, detail or body), code


#: Holds the number's place in the translated sentence until the link goes in (escaped
#: text cannot hold markup, and no translation contains a NUL).
NUMBER_SLOT = "\x00"


def _bare_page(title: str, body: str) -> str:
    """The error page without templates or the database: still a way out and help lines."""
    exit_url = escape(current_app.config.get("HEARD_QUICK_EXIT_URL", "https://www.bbc.co.uk"))
    childline = str(current_app.config["HEARD_HELP_LINES"]["childline"])
    # A phone link kept left-to-right, as templates/_tel.html draws it.
    dial = "".join(c for c in childline if c.isdigit() or c == "+")
    link = f'<a href="tel:{escape(dial)}" dir="ltr" class="tel">{escape(childline)}</a>'
    help_line = _(
        "If you are worried about your safety or someone else's, you can call Childline "
        "free on %(number)s.",
        number=NUMBER_SLOT,
    )
    help_html = str(escape(help_line)).replace(NUMBER_SLOT, link)
    return (
        f'<!doctype html><html lang="en"><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<a href="{exit_url}" rel="noreferrer" data-quick-exit>'
        f"{escape(_('Leave this site quickly'))}</a>"
        f"<h1>{escape(title)}</h1><p>{escape(body)}</p><p>{help_html}</p></html>"
    )


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def _csrf(error: CSRFError) -> ResponseReturnValue:
        return render_error(
            400, _("This page had expired. Please go back, reload the page and try again.")
        )

    @app.errorhandler(HTTPException)
    def _http(error: HTTPException) -> ResponseReturnValue:
        code = error.code or 500
        if code in MESSAGES:
            return render_error(code)
        return error

    @app.errorhandler(InternalServerError)
    def _internal(error: InternalServerError) -> ResponseReturnValue:
        # Flask has logged it (HeardFlask.log_exception, without a message); the session
        # may hold a failed transaction that the page's own queries would trip over.
        _roll_back_quietly()
        return render_error(500)

    for kind in DATABASE_DOWN:
        app.register_error_handler(kind, _database_down)


class HeardFlask(Flask):
    """Flask, logging an unexpected exception by its types and frames, never its message."""

    def log_exception(
        self,
        exc_info: tuple[type, BaseException, TracebackType] | tuple[None, None, None],
    ) -> None:
        error = exc_info[1] if isinstance(exc_info, tuple) else exc_info
        detail = describe(error) if error is not None else "no exception"
        self.logger.error("Exception on %s [%s]: %s", request.path, request.method, detail)


#: what the database raises while it is unreachable, restarting or out of connections
DATABASE_DOWN = (
    OperationalError,
    InterfaceError,
    DisconnectionError,
    PendingRollbackError,
    PoolTimeout,
)


def _roll_back_quietly() -> None:
    try:
        db.session.rollback()
    except Exception:  # the connection may be gone; the page must still show
        db.session.remove()


def forget_failed_session(error: Exception, where: str) -> None:
    """Drop the broken transaction and log why, without touching a connection that is gone."""
    _roll_back_quietly()
    current_app.logger.error("database unavailable %s: %s", where, describe(error))


def _database_down(error: Exception) -> ResponseReturnValue:
    forget_failed_session(error, "on a page")
    return render_error(503)
