"""Evidence for the Board beside the voices: priorities, the partnership dataset, actions."""

from flask import Blueprint

bp = Blueprint("evidence", __name__, url_prefix="/evidence")

# Views live in modules of this package, imported here so they attach to `bp`.
from feedback.evidence import action_views, dataset_views, survey_actions  # noqa: E402, F401
