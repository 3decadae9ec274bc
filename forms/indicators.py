"""The partnership dataset's indicators: what is counted, how, and the target.

An indicators file (``forms/library/indicators.yaml``, or an upload) is a mapping with
one key, ``indicators``: a list of mappings with

- ``id``: a short word, unique, used in the dataset CSV's ``indicator`` column;
- ``name``: what is counted, as the Board reads it;
- ``unit``: ``count``, ``percent`` (0-100) or ``rate_per_10k`` (per 10,000 children);
- ``higher_is_better``: true or false (for red/amber/green and the change's direction);
- ``target`` (optional): the figure the partnership aims for, in the unit;
- ``source``: the agency that provides the figure (plain text: the dataset names
  agencies that may have no account in Heard);
- ``priority`` (optional): the id of the priority it evidences.

Problems are reported all at once; ``priority`` is checked against the priority ids the
caller knows (not checked when it passes none).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from forms.loader import DefinitionError, read_yaml
from forms.priorities import ID
from forms.problems import Path, Report, suggest

UNITS = ("count", "percent", "rate_per_10k")
MAX_INDICATORS = 500


@dataclass(frozen=True)
class Indicator:
    """One indicator of the partnership dataset (see the module's docstring)."""

    id: str
    name: str
    unit: str
    higher_is_better: bool
    source: str
    target: float | None = None
    priority: str | None = None


def build_indicators(
    data: object, report: Report, priorities: Collection[str] | None = None
) -> list[Indicator]:
    """Validate parsed YAML `data` into indicators, reporting every problem to `report`.

    priorities: the priority ids that exist (None: the ``priority`` keys are not checked).
    """
    top = report.mapping(data, (), "an indicators file")
    if top is None:
        return []
    report.keys(top, (), ("indicators",), required=("indicators",))
    items = report.sequence(top.get("indicators"), ("indicators",), "indicators") or []
    if len(items) > MAX_INDICATORS:
        report.add(("indicators",), f"has {len(items)} indicators; at most {MAX_INDICATORS}")
        return []
    found: list[Indicator] = []
    seen: set[str] = set()
    allowed_keys = ("id", "name", "unit", "higher_is_better", "target", "source", "priority")
    required = ("id", "name", "unit", "higher_is_better", "source")
    for i, raw in enumerate(items):
        path: Path = ("indicators", i)
        item = report.mapping(raw, path, "an indicator")
        if item is None:
            continue
        report.keys(item, path, allowed_keys, required=required)
        iid = report.pattern(
            report.text(item, path, "id", required=True),
            path + ("id",),
            ID,
            "id",
            "cp_plans_neglect",
        )
        if iid is not None and iid in seen:
            report.add(path + ("id",), f"the id {iid!r} is used by another indicator")
        name = report.text(item, path, "name", required=True)
        unit = report.one_of(
            report.text(item, path, "unit", required=True), path + ("unit",), UNITS, "unit"
        )
        higher = report.flag(item, path, "higher_is_better") if "higher_is_better" in item else None
        source = report.text(item, path, "source", required=True)
        target = report.number(item, path, "target")
        if target is not None and (target < 0 or (unit == "percent" and target > 100)):
            rule = "be between 0 and 100" if unit == "percent" else "not be negative"
            report.add(path + ("target",), f"must {rule}, not {target}")
            target = None
        priority = report.text(item, path, "priority")
        if priority is not None and priorities is not None and priority not in priorities:
            report.add(
                path + ("priority",),
                f"unknown priority {priority!r}{suggest(priority, priorities)}",
            )
        if iid and iid not in seen and name and unit and higher is not None and source:
            seen.add(iid)
            found.append(Indicator(iid, name, unit, higher, source, target, priority))
    return found


def load_indicators_text(
    text: str, source: str, priorities: Collection[str] | None = None
) -> list[Indicator]:
    """Indicators from YAML `text`; raises DefinitionError listing every problem."""
    data, lines = read_yaml(text, source)
    report = Report(source, lines)
    indicators = build_indicators(data, report, priorities)
    if report.problems:
        raise DefinitionError(report.problems)
    return indicators
