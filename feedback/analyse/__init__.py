"""Analysis: outcome statements, themes, exports and the Board report."""

from flask import Blueprint

bp = Blueprint("analyse", __name__, url_prefix="/analyse")


# Views live in modules of this package, imported here so they attach to `bp`.

from feedback.analyse import (  # noqa: E402,F401
    downloads,
    explorer_views,
    outcomes_views,
    report_views,
    story_views,
    survey_extras,
)
