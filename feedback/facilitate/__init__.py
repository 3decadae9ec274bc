"""Facilitators: focus-group sessions and paper entry."""

from flask import Blueprint

bp = Blueprint("facilitate", __name__, url_prefix="/facilitate")

# Views live in modules of this package, imported here so they attach to `bp`.
from feedback.facilitate import paper, paper_batch, sessions  # noqa: E402, F401
