"""Safeguarding: concern alerts, the reading list, and concerns raised by any staff."""

from flask import Blueprint

bp = Blueprint("safeguarding", __name__, url_prefix="/safeguarding")


# Views live in modules of this package, imported here so they attach to `bp`.
from feedback.safeguarding import actions, concern, reading, views  # noqa: E402, F401
