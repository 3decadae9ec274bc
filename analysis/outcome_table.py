"""Whole outcome tables: every outcome of several surveys, pooled where ids are shared.

The database layer hands over counts as :class:`Tally` records (one per outcome,
survey and breakdown group, for the period and for the one before it);
:func:`outcome_table` adds up pooled rows, decides what to suppress (primary and
secondary, see :mod:`analysis.suppression`) and builds the rows in display order.

Pooling: surveys sharing an outcome id (the three age-banded children's surveys each
ask "felt listened to") are added up into one row, with the per-survey rows beside
it. A pooled row is suppressed below the **largest** ``min_n`` of the surveys it
pools: the strictest survey's promise to its respondents still holds after pooling.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from analysis.outcomes import NOT_ANSWERED, POOLED, Group, OutcomeRow, build_row
from analysis.suppression import secondary_suppression

__all__ = ["SurveyOutcomes", "Tally", "outcome_table"]


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


def _hidden(
    sums: Mapping[Key, list[int]],
    min_n: Mapping[tuple[str, str], int],
    sharing: Mapping[str, Sequence[str]],
) -> set[Key]:
    """Keys to suppress: below their min_n, or needed to protect one that is."""
    denominators = {key: counts[1] for key, counts in sums.items()}
    primary = [k for k, n in denominators.items() if n < max(min_n[(k[0], k[1])], 1)]
    parts: dict[Key, list[Key]] = {}
    for key in sums:
        survey, outcome, group = key
        if group is not None:  # a breakdown group is a part of everyone
            parts.setdefault((survey, outcome, None), []).append(key)
        if survey != POOLED and outcome in sharing:  # a survey is a part of the pool
            parts.setdefault((POOLED, outcome, group), []).append(key)
    relations = sorted(parts.items(), key=lambda item: repr(item[0]))
    return secondary_suppression(denominators, primary, relations)


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
    A previous figure is compared only where it was shown in its own period's table.
    """
    owners: dict[str, list[SurveyOutcomes]] = {}
    statements: dict[tuple[str, str], str] = {}
    min_n: dict[tuple[str, str], int] = {}
    for spec in surveys:
        for outcome_id, text in spec.outcomes:
            owners.setdefault(outcome_id, []).append(spec)
            statements[(spec.survey, outcome_id)] = text
            min_n[(spec.survey, outcome_id)] = spec.min_n
    sharing = {
        oid: [s.survey for s in specs] for oid, specs in owners.items() if pooled and len(specs) > 1
    }
    for oid, specs in owners.items():
        if oid in sharing:
            statements[(POOLED, oid)] = statements[(specs[0].survey, oid)]
            min_n[(POOLED, oid)] = max(s.min_n for s in specs)
    now, before = _sum(current, sharing), _sum(previous, sharing)
    for oid, specs in owners.items():  # every outcome has an everyone row
        for survey in ([POOLED] if oid in sharing else []) + [s.survey for s in specs]:
            now.setdefault((survey, oid, None), [0, 0])
    hidden_now = _hidden(now, min_n, sharing)
    hidden_before = _hidden(before, min_n, sharing)
    rows: list[OutcomeRow] = []
    for outcome_id, specs in owners.items():
        blocks = ([POOLED] if outcome_id in sharing else []) + [s.survey for s in specs]
        for survey in blocks:
            groups = [g for (s, o, g) in now if s == survey and o == outcome_id]
            for group in sorted(groups, key=lambda g: _group_sort_key(g, group_order)):
                key = (survey, outcome_id, group)
                earlier = before.get(key) if key not in hidden_before else None
                rows.append(
                    build_row(
                        outcome_id,
                        statements[(survey, outcome_id)],
                        now[key][0],
                        now[key][1],
                        min_n=min_n[(survey, outcome_id)],
                        period=period,
                        group=group,
                        survey=survey,
                        previous_counts=(earlier[0], earlier[1]) if earlier else None,
                        previous_period=previous_period,
                        pooled_from=sharing.get(outcome_id, ()) if survey == POOLED else (),
                        protect=key in hidden_now,
                    )
                )
    return rows
