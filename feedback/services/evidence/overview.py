"""Each priority with its evidence gathered: indicators and their figures, actions.

Shared by the evidence pages and the Board report's priority sections, so both read
the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from analysis.periods import Period, parse_period
from feedback.models import Action
from feedback.services.evidence.actions import actions_for_priority
from feedback.services.evidence.dataset import Figure, figures
from feedback.services.evidence.definitions import indicators, priorities
from forms.indicators import Indicator
from forms.priorities import Priority


@dataclass
class IndicatorView:
    indicator: Indicator
    history: list[Figure]
    #: the figure for the period asked for (the newest up to it), if any
    current: Figure | None


@dataclass
class PriorityView:
    priority: Priority
    indicators: list[IndicatorView] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)


def current_figure(history: list[Figure], period: Period | None) -> Figure | None:
    """The newest figure that ends by the end of `period` (the newest of all without one).

    A half-year report shows the dataset's figure for that half-year, or the latest one
    before it when the dataset has not caught up.
    """
    if period is None or period.is_all:
        return history[-1] if history else None
    fitting = [f for f in history if parse_period(f.period).end <= period.end]
    return fitting[-1] if fitting else None


def indicator_views(chosen: list[Indicator], period: Period | None = None) -> list[IndicatorView]:
    history = figures(chosen)
    return [IndicatorView(i, history[i.id], current_figure(history[i.id], period)) for i in chosen]


def priority_views(period: Period | str | None = None) -> list[PriorityView]:
    """Every priority in use, its indicators (named by either side) and its actions."""
    period = parse_period(period) if period is not None else None
    every = indicators()
    views: list[PriorityView] = []
    for priority in priorities():
        named = set(priority.indicators)
        chosen = [i for i in every if i.id in named or i.priority == priority.id]
        views.append(
            PriorityView(
                priority, indicator_views(chosen, period), actions_for_priority(priority.id)
            )
        )
    return views


def overdue(actions: list[Action], today: date) -> list[Action]:
    return [a for a in actions if a.overdue(today)]
