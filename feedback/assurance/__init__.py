"""Audits (issue 16): Section 11 rounds and agencies' returns, for moderators and agency
leads. Every return a page reaches comes through services.assurance.scope."""

from flask import Blueprint

bp = Blueprint("assurance", __name__, url_prefix="/assurance")

# Views live in modules of this package, imported here so they attach to `bp`.
from feedback.assurance import case_views, definition_views, return_views, round_views  # noqa: E402, F401
