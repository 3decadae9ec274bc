"""Safeguarding: concern alerts, the reading list, and concerns raised by any staff."""

from datetime import datetime

from flask import Blueprint

from feedback.times import london_time

bp = Blueprint("safeguarding", __name__, url_prefix="/safeguarding")


@bp.app_template_filter("london")
def _london(moment: datetime | None) -> str:
    """A database time as a lead in England reads it ("3 Dec 2026, 14:05 GMT")."""
    return london_time(moment)


# Views live in modules of this package, imported here so they attach to `bp`.
from feedback.safeguarding import actions, concern, reading, views  # noqa: E402, F401
