"""What a staff page says after an action: a success banner, or a problem to put right.

Views call success() or problem() before redirecting; templates/_staff_macros.html shows
them on the next page (staff_base.html includes the banner and the error summary on every
staff page), so every action answers the same way and in the same place: at the top.
"""

from __future__ import annotations

from typing import cast

from flask import Flask, flash, get_flashed_messages

SUCCESS = "success"
ERROR = "error"


def success(message: str) -> None:
    """A green "Success" banner at the top of the next page, read out by screen readers."""
    flash(message, SUCCESS)


def problem(message: str, field: str | None = None) -> None:
    """A line in the next page's error summary; with `field` (an element id), the summary
    links to that field and the message is shown next to it too (the GOV.UK pattern)."""
    flash(message, f"{ERROR}:{field}" if field else ERROR)


def field_problem(field: str) -> str:
    """The message flashed for the field with this id, or "" (used by field_error)."""
    for category, message in cast(list[tuple[str, str]], get_flashed_messages(True)):
        if category == f"{ERROR}:{field}":
            return str(message)
    return ""


def init_app(app: Flask) -> None:
    app.jinja_env.globals["field_problem"] = field_problem
