"""The JSON API, /api/v1."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

# Views live in modules of this package, imported here so they attach to `bp`.

from feedback.api import outcomes  # noqa: E402,F401
