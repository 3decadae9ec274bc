"""Actions beside the evidence they answer, on a survey's analyst page: those set on
one of its outcome statements (the indicator pages show theirs)."""

from __future__ import annotations

from typing import Any

from feedback.analyse.outcomes_views import add_survey_page_extra
from feedback.evidence.access import today
from feedback.services.evidence.actions import actions_for
from feedback.services.outcomes.pages import SurveyPage


def _actions(page: SurveyPage) -> dict[str, Any]:
    ids = [outcome.id for outcome in page.definition.outcomes]
    return {"outcome_actions": actions_for("outcome", ids) if ids else [], "today": today()}


add_survey_page_extra(_actions)
