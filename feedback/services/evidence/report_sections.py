"""The Board report's section per priority: voices, dataset, audits, actions, commentary.

Built from what the report already gathered (the voices' outcome statements, so the
figures match theirs to the digit) and from the evidence services (indicators as of the
report's period, the priority's actions) and the audit rounds (the latest results for
each audit standard the priority names, services.assurance.priority_results).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from analysis.periods import Period
from analysis.report import VoiceSection
from feedback.models import Action
from feedback.services.assurance.priority_results import StandardResult, standard_results
from feedback.services.evidence.overview import IndicatorView, priority_views
from feedback.services.outcomes.story import PRIORITY_SCOPE
from forms.priorities import Priority


@dataclass
class PrioritySection:
    priority: Priority
    #: (voice label, outcome row as JSON) for each of the priority's outcomes found
    outcomes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    indicators: list[IndicatorView] = field(default_factory=list)
    audits: list[StandardResult] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)

    @property
    def story_scope(self) -> str:
        return PRIORITY_SCOPE + self.priority.id


def audit_results(priority: Priority) -> list[StandardResult]:
    """Results of the audit standards `priority` names: each from its latest round.

    Audit rounds are yearly, so the newest results are shown whatever the report's
    period (the round's title says which). Empty when no round has results: the
    report says so in words rather than leaving the heading out.
    """
    return standard_results(priority.audit_standards)


def priority_sections(period: Period, voices: Sequence[VoiceSection]) -> list[PrioritySection]:
    """One section per priority in use, in the priorities file's order."""
    sections: list[PrioritySection] = []
    for view in priority_views(period):
        wanted = set(view.priority.outcomes)
        outcomes = [
            (voice.label, row)
            for voice in voices
            for row in voice.headline
            if row.get("id") in wanted
        ]
        sections.append(
            PrioritySection(
                priority=view.priority,
                outcomes=outcomes,
                indicators=view.indicators,
                audits=audit_results(view.priority),
                actions=view.actions,
            )
        )
    return sections
