"""The partnership's priorities: what good looks like, and the evidence for each.

A priorities file (``forms/library/priorities.yaml``, or one an admin uploads) is a
mapping with one key, ``priorities``: a list of mappings with

- ``id``: a short word (``neglect``), unique in the file;
- ``title`` and ``good``: the priority's name and what good looks like (plain text);
- ``outcomes``, ``themes``, ``indicators``, ``audit_standards``: lists of ids that
  evidence it (outcome ids from the survey definitions, theme ids from THEMES.md,
  indicator ids from ``indicators.yaml``, Section 11 standard ids from an audit
  definition).

Every problem is reported at once, located like a survey definition's. References are
checked against the sets the caller knows (``known``); a kind the caller passes no set
for is not checked, so the file can be validated before the surveys, the dataset or the
audits exist (audit standards are only checked once an audit definition is loaded).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from forms.loader import DefinitionError, read_yaml
from forms.problems import Path, Report, suggest

#: what an id looks like: a word of lower-case letters, digits, _ and -
ID = re.compile(r"^[a-z][a-z0-9_-]{0,59}$")
#: the lists of evidence a priority may name, and what each names
EVIDENCE = {
    "outcomes": "outcome",
    "themes": "theme",
    "indicators": "indicator",
    "audit_standards": "audit standard",
}
#: the most priorities a file may hold; a partnership has five or six
MAX_PRIORITIES = 50


@dataclass(frozen=True)
class Priority:
    """One priority of the partnership's business plan.

    id: its short word; title: its name; good: what good looks like;
    outcomes, themes, indicators, audit_standards: the ids of its evidence.
    """

    id: str
    title: str
    good: str
    outcomes: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    audit_standards: tuple[str, ...] = ()


def id_list(
    report: Report,
    item: Mapping[str, object],
    path: Path,
    key: str,
    what: str,
    known: Collection[str] | None,
) -> tuple[str, ...]:
    """The list of ids under `key` (may be absent), each checked against `known`."""
    if key not in item:
        return ()
    values = report.sequence(item[key], path + (key,), key, empty=True) or []
    found: list[str] = []
    for i, value in enumerate(values):
        where = path + (key, i)
        if not isinstance(value, str) or not ID.fullmatch(value):
            report.add(
                where, f"must be an id (a lower-case word such as felt_safer), not {value!r}"
            )
        elif known is not None and value not in known:
            report.add(where, f"unknown {what} {value!r}{suggest(value, known)}")
        elif value in found:
            report.add(where, f"{value!r} is listed twice")
        else:
            found.append(value)
    return tuple(found)


def build_priorities(
    data: object, report: Report, known: Mapping[str, Collection[str]] | None = None
) -> list[Priority]:
    """Validate parsed YAML `data` into priorities, reporting every problem to `report`.

    known: for each key of EVIDENCE, the ids that exist (absent: not checked).
    """
    known = known or {}
    top = report.mapping(data, (), "a priorities file")
    if top is None:
        return []
    report.keys(top, (), ("priorities",), required=("priorities",))
    items = report.sequence(top.get("priorities"), ("priorities",), "priorities") or []
    if len(items) > MAX_PRIORITIES:
        report.add(("priorities",), f"has {len(items)} priorities; at most {MAX_PRIORITIES}")
        return []
    found: list[Priority] = []
    seen: set[str] = set()
    for i, raw in enumerate(items):
        path: Path = ("priorities", i)
        item = report.mapping(raw, path, "a priority")
        if item is None:
            continue
        report.keys(
            item, path, ("id", "title", "good", *EVIDENCE), required=("id", "title", "good")
        )
        pid = report.pattern(
            report.text(item, path, "id", required=True), path + ("id",), ID, "id", "neglect"
        )
        if pid is not None and pid in seen:
            report.add(path + ("id",), f"the id {pid!r} is used by another priority")
        title = report.text(item, path, "title", required=True)
        good = report.text(item, path, "good", required=True)
        lists = {
            key: id_list(report, item, path, key, what, known.get(key))
            for key, what in EVIDENCE.items()
        }
        if pid and title and good:
            seen.add(pid)
            found.append(Priority(pid, title, good, **lists))
    return found


def load_priorities_text(
    text: str, source: str, known: Mapping[str, Collection[str]] | None = None
) -> list[Priority]:
    """Priorities from YAML `text`; raises DefinitionError listing every problem."""
    data, lines = read_yaml(text, source)
    report = Report(source, lines)
    priorities = build_priorities(data, report, known)
    if report.problems:
        raise DefinitionError(report.problems)
    return priorities
