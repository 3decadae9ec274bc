"""Outcome statements: "72% of children felt listened to", with an interval and a change.

Plain data in, plain data out. The database layer counts (in SQL) how many responses
answered an outcome's question and how many of them gave a positive answer, and hands
the counts here as :class:`Tally` records; :func:`outcome_table` turns them into
:class:`OutcomeRow` records: percent, Wilson 95% interval, small-number suppression,
pooling across surveys and the comparison with the previous period.

Suppression: a row whose denominator is below the survey's ``min_n`` shows no
numerator, percent or interval, because a percentage of a handful of children can
identify them. A pooled row uses the **largest** ``min_n`` of the surveys it pools:
the strictest survey's promise to its respondents still holds after pooling.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from analysis.stats import SIGNIFICANCE, two_proportion_z, wilson

__all__ = [
    "NOT_ANSWERED",
    "POOLED",
    "OutcomeRow",
    "SurveyOutcomes",
    "Tally",
    "build_row",
    "describe_change",
    "format_percent",
    "outcome_table",
]

#: The group value of responses that gave no value for the breakdown field.
NOT_ANSWERED = "not answered"
#: The ``survey`` of a row that adds up several surveys sharing an outcome id.
POOLED = "pooled"

Group = tuple[str, str] | None  # (field, value), or None for everyone


@dataclass(frozen=True)
class Tally:
    """Counts for one outcome of one survey, for everyone or for one group.

    outcome: the outcome id. survey: the survey slug.
    numerator: responses with a positive answer. denominator: responses with an
    answer that counts (not "prefer not to say" or "don't know").
    group: (field, value) of a breakdown, or None for everyone.
    """

    outcome: str
    survey: str
    numerator: int
    denominator: int
    group: Group = None


@dataclass(frozen=True)
class SurveyOutcomes:
    """What a survey promises: its slug, its ``min_n`` and its outcomes in order.

    outcomes: (outcome id, statement) pairs, in the order the definition lists them.
    """

    survey: str
    min_n: int
    outcomes: tuple[tuple[str, str], ...]


@dataclass
class OutcomeRow:
    """One line of an outcome table; :meth:`to_json` is the contract object.

    percent, ci_low, ci_high are 0-100 with one decimal (None when suppressed).
    survey: the slug, ``"pooled"`` for a row adding up several surveys.
    previous: the same row in the previous period, or None when there is none to
    show: {"period", "numerator", "denominator", "percent", "p_value", "significant",
    "direction" ("up", "down" or "same")}.
    change: the comparison in plain words.
    """

    id: str
    statement: str
    numerator: int | None
    denominator: int
    percent: float | None
    ci_low: float | None
    ci_high: float | None
    suppressed: bool
    period: str
    group: dict[str, str] | None = None
    survey: str | None = None
    min_n: int = 10
    previous: dict[str, Any] | None = None
    change: str = "no earlier figure"
    pooled_from: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """The outcomes JSON object of ARCHITECTURE.md, plus survey, min_n, previous, change."""
        return {
            "id": self.id,
            "statement": self.statement,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "percent": self.percent,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "suppressed": self.suppressed,
            "period": self.period,
            "group": dict(self.group) if self.group else None,
            "survey": self.survey,
            "pooled_from": list(self.pooled_from) or None,
            "min_n": self.min_n,
            "previous": dict(self.previous) if self.previous else None,
            "change": self.change,
        }


def _one_decimal(proportion: float) -> float:
    return round(100 * proportion, 1)


def format_percent(percent: float) -> str:
    """Say "64%" for 64.0 and "64.3%" for 64.3: how a percent reads in a sentence."""
    return f"{percent:.0f}%" if float(percent).is_integer() else f"{percent:.1f}%"


def describe_change(previous: Mapping[str, Any] | None, suppressed: bool = False) -> str:
    """The change since the previous period in plain words.

    previous: the row's ``previous`` dict (see :class:`OutcomeRow`), or None.
    suppressed: the current figure is suppressed, so nothing is said about change.
    """
    if suppressed:
        return "too few answers to say"
    if previous is None:
        return "no earlier figure"
    if not previous["significant"]:
        return "no clear change"
    word = "up" if previous["direction"] == "up" else "down"
    return (
        f"{word} from {format_percent(previous['percent'])} in {previous['period']}; a real change"
    )


def _compare(
    numerator: int, denominator: int, before: tuple[int, int] | None, period: str | None, min_n: int
) -> dict[str, Any] | None:
    """The ``previous`` dict, or None when the earlier figure is missing or suppressed."""
    if before is None or period is None:
        return None
    k0, n0 = before
    if n0 < max(min_n, 1):
        return None
    z, p = two_proportion_z(numerator, denominator, k0, n0)
    direction = "same" if numerator * n0 == k0 * denominator else ("up" if z > 0 else "down")
    return {
        "period": period,
        "numerator": k0,
        "denominator": n0,
        "percent": _one_decimal(k0 / n0),
        "p_value": round(p, 4),
        "significant": p < SIGNIFICANCE,
        "direction": direction,
    }


def build_row(
    outcome_id: str,
    statement: str,
    numerator: int,
    denominator: int,
    *,
    min_n: int = 10,
    period: str = "all",
    group: Group = None,
    survey: str | None = None,
    previous_counts: tuple[int, int] | None = None,
    previous_period: str | None = None,
    pooled_from: Sequence[str] = (),
) -> OutcomeRow:
    """One outcome row from counts.

    numerator, denominator: responses with a positive answer / with an answer that
    counts. min_n: suppress when the denominator is below this. period: the label.
    group: (field, value) of a breakdown row, None for everyone. survey: the slug or
    "pooled". previous_counts: (numerator, denominator) in *previous_period*, for
    the comparison; a previous figure that would itself be suppressed is not used.
    """
    if not 0 <= numerator <= denominator:
        raise ValueError(f"impossible counts {numerator} of {denominator} for {outcome_id}")
    suppressed = denominator < max(min_n, 1)
    row = OutcomeRow(
        id=outcome_id,
        statement=statement,
        numerator=None if suppressed else numerator,
        denominator=denominator,
        percent=None,
        ci_low=None,
        ci_high=None,
        suppressed=suppressed,
        period=period,
        group={group[0]: group[1]} if group else None,
        survey=survey,
        min_n=min_n,
        pooled_from=tuple(pooled_from),
    )
    if not suppressed:
        low, high = wilson(numerator, denominator)
        row.percent = _one_decimal(numerator / denominator)
        row.ci_low, row.ci_high = _one_decimal(low), _one_decimal(high)
        row.previous = _compare(numerator, denominator, previous_counts, previous_period, min_n)
    row.change = describe_change(row.previous, suppressed)
    return row


Key = tuple[str, str, Group]  # (survey or "pooled", outcome id, group)


def _sum(tallies: Iterable[Tally], sharing: Mapping[str, Sequence[str]]) -> dict[Key, list[int]]:
    """Counts per (survey, outcome, group), plus pooled sums for shared outcome ids."""
    sums: dict[Key, list[int]] = {}
    for tally in tallies:
        keys = [(tally.survey, tally.outcome, tally.group)]
        if tally.survey in sharing.get(tally.outcome, ()):
            keys.append((POOLED, tally.outcome, tally.group))
        for key in keys:
            counts = sums.setdefault(key, [0, 0])
            counts[0] += tally.numerator
            counts[1] += tally.denominator
    return sums


def _group_sort_key(group: Group, order: Sequence[str]) -> tuple[int, int, str]:
    if group is None:
        return (0, 0, "")
    value = group[1]
    if value == NOT_ANSWERED:
        return (2, 0, "")
    if value in order:
        return (1, order.index(value), "")
    return (1, len(order), value)


def outcome_table(
    surveys: Sequence[SurveyOutcomes],
    current: Iterable[Tally],
    previous: Iterable[Tally] = (),
    *,
    period: str = "all",
    previous_period: str | None = None,
    pooled: bool = True,
    group_order: Sequence[str] = (),
) -> list[OutcomeRow]:
    """Every outcome row for *surveys*: per survey, and pooled where ids are shared.

    surveys: what each survey promises (slug, min_n, outcomes), in display order.
    current, previous: counts in *period* and in *previous_period*; a missing
    overall tally counts as 0 of 0 (so every outcome has a row, suppressed).
    pooled: add a row summing every survey that has the same outcome id (only
    when two or more do), with min_n the largest of theirs.
    group_order: breakdown values in the order to show them (e.g. a question's
    choices); others follow alphabetically, and "not answered" comes last.

    Rows come outcome by outcome (in order of first appearance); within one, the
    pooled rows first, then each survey's; within those, everyone first, then groups.
    """
    owners: dict[str, list[SurveyOutcomes]] = {}
    for spec in surveys:
        for outcome_id, _text in spec.outcomes:
            owners.setdefault(outcome_id, []).append(spec)
    sharing = {
        oid: [s.survey for s in specs] for oid, specs in owners.items() if pooled and len(specs) > 1
    }
    now, before = _sum(current, sharing), _sum(previous, sharing)
    rows: list[OutcomeRow] = []
    for outcome_id, specs in owners.items():
        blocks: list[tuple[str, int, str, Sequence[str]]] = []
        if outcome_id in sharing:
            blocks.append(
                (
                    POOLED,
                    max(s.min_n for s in specs),
                    _statement(specs[0], outcome_id),
                    sharing[outcome_id],
                )
            )
        blocks += [(s.survey, s.min_n, _statement(s, outcome_id), ()) for s in specs]
        for survey, min_n, statement, pooled_from in blocks:
            groups = {g for (s, o, g) in now if s == survey and o == outcome_id} | {None}
            for group in sorted(groups, key=lambda g: _group_sort_key(g, group_order)):
                numerator, denominator = now.get((survey, outcome_id, group), (0, 0))
                earlier = before.get((survey, outcome_id, group))
                rows.append(
                    build_row(
                        outcome_id,
                        statement,
                        numerator,
                        denominator,
                        min_n=min_n,
                        period=period,
                        group=group,
                        survey=survey,
                        previous_counts=tuple(earlier) if earlier else None,  # type: ignore[arg-type]
                        previous_period=previous_period,
                        pooled_from=pooled_from,
                    )
                )
    return rows


def _statement(spec: SurveyOutcomes, outcome_id: str) -> str:
    return next(text for oid, text in spec.outcomes if oid == outcome_id)
