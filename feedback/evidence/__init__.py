"""Evidence for the Board beside the voices: priorities, the partnership dataset, actions."""

from flask import Blueprint

from feedback.evidence.formatting import (
    change_text,
    day,
    figure_text,
    rag_label,
)

bp = Blueprint("evidence", __name__, url_prefix="/evidence")
# Figures read the same on the evidence pages and in the Board report.
for _helper in (figure_text, change_text, rag_label):
    bp.add_app_template_global(_helper)
bp.add_app_template_filter(day, "day")

# Views live in modules of this package, imported here so they attach to `bp`.
from feedback.evidence import action_views, dataset_views, survey_actions  # noqa: E402, F401
