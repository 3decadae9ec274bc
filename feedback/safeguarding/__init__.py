"""Safeguarding: concern alerts for designated leads."""

from flask import Blueprint

bp = Blueprint("safeguarding", __name__, url_prefix="/safeguarding")


@bp.app_template_filter("london")
def _london(moment):  # type: ignore[no-untyped-def]
    from feedback.times import london_time

    return london_time(moment)


# Views live in modules of this package, imported here so they attach to `bp`.
from feedback.safeguarding import actions, concern, reading, views  # noqa: E402, F401
