"""GET /api/v1/surveys/<slug>/outcomes: the outcomes JSON of ARCHITECTURE.md.

Query parameters: period (default all), by (a breakdown field), pool (1 to add rows
pooling the surveys that share an outcome id). The rows are those `heard outcomes`
prints, from the same service function.
"""

from __future__ import annotations

from flask import jsonify, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from feedback.api import bp
from feedback.auth import role_required
from feedback.services.outcomes.rows import (
    BadBreakdown,
    BadPeriod,
    UnknownSurvey,
    survey_outcome_rows,
)


def _error(status: int, message: str) -> ResponseReturnValue:
    return jsonify({"error": message, "status": status}), status


@bp.get("/surveys/<slug>/outcomes")
@role_required("analyst", "admin")
def survey_outcomes(slug: str) -> ResponseReturnValue:
    """The outcome rows of one survey as a JSON list."""
    period = request.args.get("period", "all") or "all"
    by = request.args.get("by") or None
    pool = request.args.get("pool", "") in ("1", "true", "yes", "on")
    try:
        rows = survey_outcome_rows(slug, period, by, pool)
    except UnknownSurvey:
        return _error(404, _("There is no survey called %(slug)s.", slug=slug))
    except (BadPeriod, BadBreakdown) as exc:
        return _error(400, str(exc))
    return jsonify([row.to_json() for row in rows])
