"""Actions beside the evidence they answer, on a survey's analyst page: those set on one
of its outcome statements, and those set on a theme its answers are sorted into (the
indicator pages show theirs)."""

from __future__ import annotations

from typing import Any

from feedback.analyse.outcomes_views import add_survey_page_extra
from feedback.evidence.access import today
from feedback.labels import theme_labels
from feedback.services.evidence.actions import actions_for
from feedback.services.outcomes.pages import SurveyPage


def _actions(page: SurveyPage) -> dict[str, Any]:
    outcomes = [outcome.id for outcome in page.definition.outcomes]
    # The shared themes and the survey's own: every theme its page can show.
    themes = sorted(set(theme_labels()) | set(page.definition.themes))
    return {
        "outcome_actions": actions_for("outcome", outcomes) if outcomes else [],
        "theme_actions": actions_for("theme", themes),
        "today": today(),
    }


add_survey_page_extra(_actions)
