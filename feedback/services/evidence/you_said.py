"""What a survey's public "you said, we did" page shows: the voices, and what changed.

Only figures that are safe to publish: outcome statements for the whole survey with the
usual small-number suppression, and the themes people wrote about (names only, counted
without any flagged text, and only themes at least the survey's min_n responses
mention). No words of any respondent appear. The actions are those published for the
survey's audience, in their public wording.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis.outcomes import OutcomeRow
from feedback.models import Action, Survey
from feedback.services.evidence.actions import published_for
from feedback.services.outcomes.rows import outcome_rows
from feedback.services.outcomes.stories import theme_responses

#: themes named on the page, most mentioned first
THEMES_SHOWN = 5


@dataclass
class YouSaid:
    statements: list[OutcomeRow] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)


def you_said(survey: Survey) -> YouSaid:
    """The public page of `survey` (its current version's outcomes, every period so far)."""
    min_n = survey.current_version.definition.min_n if survey.current_version else 10
    rows = [r for r in outcome_rows([survey.slug], "all", pooled=False) if r.group is None]
    mentions = theme_responses([survey.id], "all")
    themes = sorted((t for t, n in mentions.items() if n >= min_n), key=lambda t: (-mentions[t], t))
    return YouSaid(rows, themes[:THEMES_SHOWN], published_for(survey.audience))
