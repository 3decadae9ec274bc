"""Analysis: outcome statements, themes, exports and the Board report."""

from typing import Any

from flask import Blueprint

from analysis.numbers import one_decimal, whole_percent
from feedback.labels import survey_age_band, survey_name

bp = Blueprint("analyse", __name__, url_prefix="/analyse")
# One way to write figures on every staff page: "72%" in statements, "61.2%" in intervals.
bp.add_app_template_filter(whole_percent, "whole_percent")
bp.add_app_template_filter(one_decimal, "one_decimal")


@bp.app_template_filter("survey_name")
def _survey_name(survey: Any) -> str:
    """{{ survey|survey_name }}: the title with its age band, on every staff page.

    The three children's surveys have titles that differ by little; staff tell them
    apart by age band.
    """
    if survey is None:
        return ""
    return survey_name(survey.title, survey_age_band(survey))


# Views live in modules of this package, imported here so they attach to `bp`.

from feedback.analyse import (  # noqa: E402,F401
    downloads,
    explorer_views,
    outcomes_views,
    report_views,
    story_views,
    survey_extras,
)
