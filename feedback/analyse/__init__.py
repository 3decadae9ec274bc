"""Analysis: outcome statements, themes, exports and the Board report."""

from flask import Blueprint

bp = Blueprint("analyse", __name__, url_prefix="/analyse")

# Views live in modules of this package, imported here so they attach to `bp`.

from feedback.analyse import outcomes_views  # noqa: E402,F401
from feedback.analyse import downloads, report_views, survey_extras  # noqa: E402,F401
