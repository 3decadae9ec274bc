"""Checking outcome statements against the questions they count."""

from __future__ import annotations

from typing import Any

from forms.problems import Path, Report, allowed
from forms.questions import (
    DONT_KNOW_VALUES,
    PREFER_NOT,
)
from forms.schema import Outcome, Question
from forms.validate_questions import IDENT

OUTCOME_KEYS = ("id", "statement", "question", "positive", "excluded")


def check_outcomes(
    top: dict[str, Any],
    report: Report,
    questions: dict[str, Question],
    written: set[str] | None,
    untyped: frozenset[str] | set[str] = frozenset(),
) -> tuple[Outcome, ...]:
    """Check the ``outcomes`` list against the valid *questions*.

    written: every question id written in the file, valid or not; None when some
    questions could not be read. An outcome naming a question that is written
    but broken is not reported again: the question's own problem says enough.
    untyped: ids of questions whose type is unknown; an outcome naming one says
    that its checks against that question were skipped, since they need the type.
    """
    if top.get("outcomes") is None:
        return ()
    items = report.sequence(top["outcomes"], ("outcomes",), "outcomes", empty=True) or []
    outcomes: list[Outcome] = []
    seen: set[str] = set()
    for i, raw in enumerate(items):
        path: Path = ("outcomes", i)
        data = report.mapping(raw, path, "an outcome")
        if data is None:
            continue
        report.keys(data, path, OUTCOME_KEYS, ("id", "statement", "question", "positive"))
        oid = report.pattern(
            report.text(data, path, "id", required=True),
            path + ("id",),
            IDENT,
            "outcome id: lowercase letters, digits and _",
            "felt_listened_to",
        )
        duplicate = oid in seen
        if duplicate:
            report.add(path + ("id",), f"duplicate outcome id {oid!r}")
        if oid is not None:
            seen.add(oid)
        statement = report.text(data, path, "statement", required=True)
        qid = report.text(data, path, "question", required=True)
        question = questions.get(qid or "")
        if qid and question is None and qid in untyped:
            report.add(
                path + ("question",),
                f"skipped because the type of {qid!r} is unknown: whether it has "
                "choices, and whether the values given here are among them",
            )
        elif qid and question is None and written is not None and qid not in written:
            report.add(path + ("question",), f"unknown question {qid!r} {allowed(questions)}")
        elif question is not None and not question.closed:
            report.add(
                path + ("question",),
                f"an outcome needs a question with choices, but "
                f"{qid!r} is a {question.type} question",
            )
            question = None
        positive = _outcome_values(data, path, "positive", question, report)
        excluded = _outcome_values(data, path, "excluded", question, report)
        if excluded is None and question is not None:
            excluded = (PREFER_NOT,) + tuple(
                c.value for c in question.choices if c.value in DONT_KNOW_VALUES
            )
        both = set(positive or ()) & set(excluded or ())
        if both:
            report.add(
                path + ("excluded",),
                f"{', '.join(sorted(both))} cannot be both positive and excluded",
            )
        if duplicate or oid is None or statement is None or positive is None:
            continue
        # With a question, qid names it and excluded has its default (set just above).
        if question is None or qid is None or excluded is None:
            continue
        outcomes.append(Outcome(oid, statement, qid, positive, excluded))
    return tuple(outcomes)


def _outcome_values(
    data: dict[str, Any],
    path: Path,
    key: str,
    question: Question | None,
    report: Report,
) -> tuple[str, ...] | None:
    if key not in data:
        return None
    items = report.sequence(data[key], path + (key,), key, empty=key == "excluded")
    if items is None:
        return None
    given = [report.choice_value(v, path + (key, i)) for i, v in enumerate(items)]
    values = [v for v in given if v is not None]
    if question is None or len(values) < len(given):
        return None
    options = [c.value for c in question.all_choices()]
    if key == "excluded" and PREFER_NOT not in options:
        options.append(PREFER_NOT)  # harmless to exclude an answer that cannot be given
    for i, value in enumerate(values):
        if value not in options:
            report.add(
                path + (key, i),
                f"{value!r} is not a choice of {question.id!r} {allowed(options)}",
            )
            return None
    return tuple(values)
