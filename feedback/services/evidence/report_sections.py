"""The Board report's section per priority: voices, dataset, audits, actions, commentary.

Built from what the report already gathered (the voices' outcome statements, so the
figures match theirs to the digit) and from the evidence services (indicators as of the
report's period, the priority's actions). Audit results come through
:func:`audit_results`, a hook that returns nothing until audits (issue 16) are merged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from analysis.periods import Period
from analysis.report import VoiceSection
from feedback.models import Action
from feedback.services.evidence.overview import IndicatorView, priority_views
from feedback.services.outcomes.story import PRIORITY_SCOPE
from forms.priorities import Priority


@dataclass
class PrioritySection:
    priority: Priority
    #: (voice label, outcome row as JSON) for each of the priority's outcomes found
    outcomes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    indicators: list[IndicatorView] = field(default_factory=list)
    audits: list[Any] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)

    @property
    def story_scope(self) -> str:
        return PRIORITY_SCOPE + self.priority.id


def audit_results(priority: Priority, period: Period) -> list[Any]:
    """Results of the audit standards `priority` names, for `period`.

    Hook for issue 16 (audits are built on another branch): empty until audit results
    exist, and the report says so in words rather than leaving the heading out.
    """
    return []


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
                audits=audit_results(view.priority, period),
                actions=view.actions,
            )
        )
    return sections
