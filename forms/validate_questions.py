"""Checking questions: their own keys, their choices, and show_if across questions.

:func:`check_question` checks one question on its own and returns a draft;
:func:`resolve_questions` then checks what needs every question at once
(duplicate ids, show_if naming an earlier question and one of its choices) and
builds the :class:`Question` objects.

A question whose type is unknown (or missing) still gets every check that does
not need its type, so one run shows every problem; the checks that do need it
are reported as skipped rather than passed over in silence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from forms.problems import Path, Report, allowed, format_path
from forms.questions import (
    COMMON_KEYS,
    PREFER_NOT,
    QUESTION_TYPES,
    QuestionType,
)
from forms.schema import Condition, Question
from forms.validate_choices import check_choices

IDENT = re.compile(r"[a-z][a-z0-9_]{0,62}")
MAX_TEXT_LENGTH = 20_000
ALL_QUESTION_KEYS = COMMON_KEYS + tuple(
    sorted({key for qtype in QUESTION_TYPES.values() for key in qtype.extra_keys})
)


@dataclass
class Draft:
    """A question whose own keys are checked, waiting for its show_if to be resolved."""

    path: Path
    page: int
    fields: dict[str, Any]
    show_if: tuple[str, str, tuple[str, ...]] | None = None
    #: The id as written, even when it is not a valid id, so that other questions
    #: and outcomes naming it are not also reported as naming an unknown question.
    name: str | None = None


def check_question(raw: object, path: Path, page: int, report: Report) -> Draft | None:
    q = report.mapping(raw, path, "a question")
    if q is None:
        return None
    qtype = report.one_of(
        report.text(q, path, "type", required=True),
        path + ("type",),
        QUESTION_TYPES,
        "question type",
    )
    spec = QUESTION_TYPES.get(qtype or "")
    explain = {
        key: f"{key!r} does not apply to a {qtype} question {allowed(spec.allowed_keys)}"
        for key in ALL_QUESTION_KEYS
        if spec and key not in spec.allowed_keys
    }
    if spec and spec.fixed_choices:
        values = ", ".join(c.value for c in spec.fixed_choices)
        explain["choices"] = f"a {qtype} question has fixed choices ({values}); remove 'choices'"
    report.keys(
        q,
        path,
        spec.allowed_keys if spec else ALL_QUESTION_KEYS,
        ("id", "type", "text"),
        explain,
    )
    qid = report.pattern(
        report.text(q, path, "id", required=True),
        path + ("id",),
        IDENT,
        "question id: lowercase letters, digits and _",
        "had_worker",
    )
    fields: dict[str, Any] = {
        "id": qid,
        "type": qtype,
        "text": report.text(q, path, "text", required=True),
        "hint": report.text(q, path, "hint"),
        "required": report.flag(q, path, "required"),
    }
    if spec is None:
        _skipped_for_type(q, path, report)
    _typed_keys(q, path, spec, fields, report)
    draft = Draft(path, page, fields, name=_name(q))
    if q.get("show_if") is not None:
        draft.show_if = _condition(q["show_if"], path + ("show_if",), report)
    return draft


def _typed_keys(
    q: dict[str, Any],
    path: Path,
    spec: QuestionType | None,
    fields: dict[str, Any],
    report: Report,
) -> None:
    """Check the keys only some types take, into *fields*.

    With an unknown type (spec None) each such key that is there is still checked
    on its own terms (a whole number, a list of choices...), so the author sees
    every problem in one run; only whether it applies to the type is left out.
    """
    qtype = spec.name if spec else None

    def wanted(applies: bool, *keys: str) -> bool:
        return applies if spec else any(key in q for key in keys)

    if wanted(bool(spec and spec.closed), "prefer_not_to_say"):
        fields["prefer_not_to_say"] = report.flag(q, path, "prefer_not_to_say")
    if spec and spec.author_choices and "choices" not in q:
        report.add(
            path,
            f"a {qtype} question needs choices (a list of labels, or of {{value, label}} mappings)",
        )
    elif wanted(bool(spec and spec.author_choices), "choices"):
        fields["choices"] = check_choices(q["choices"], path + ("choices",), report)
    if wanted(qtype == "multi", "max_choices"):
        fields["max_choices"] = report.whole(q, path, "max_choices", None, minimum=1)
        count = len(fields.get("choices", ()))
        if fields["max_choices"] and count and fields["max_choices"] > count:
            report.add(
                path + ("max_choices",),
                f"max_choices is {fields['max_choices']} but there are only {count} choices",
            )
    if wanted(qtype == "number", "min", "max"):
        low, high = report.number(q, path, "min"), report.number(q, path, "max")
        if low is not None and high is not None and low > high:
            report.add(path + ("min",), f"min ({low}) is greater than max ({high})")
        fields.update(min=low, max=high)
    if wanted(bool(spec and spec.free_text), "max_length"):
        fields["max_length"] = report.whole(q, path, "max_length", None, minimum=1)
        if (fields["max_length"] or 0) > MAX_TEXT_LENGTH:
            report.add(path + ("max_length",), f"must be at most {MAX_TEXT_LENGTH}")


def _skipped_for_type(q: dict[str, Any], path: Path, report: Report) -> None:
    """Say which checks could not run because the question has no valid type."""
    keys = [key for key in q if key in ALL_QUESTION_KEYS and key not in COMMON_KEYS]
    what = "whether the question needs choices"
    if keys:
        what += f", and whether {', '.join(map(str, keys))} apply to its type"
    report.add(
        path + ("type",),
        f"checks that depend on the type were skipped because the type is unknown: {what}",
    )


def _name(question: dict[str, Any]) -> str | None:
    raw = question.get("id")
    return raw.strip() if isinstance(raw, str) else None


def _condition(raw: object, path: Path, report: Report) -> tuple[str, str, tuple[str, ...]] | None:
    cond = report.mapping(raw, path, "show_if")
    if cond is None:
        return None
    report.keys(cond, path, ("question", "equals", "in", "not"), ("question",))
    target = report.text(cond, path, "question", required=True) if "question" in cond else None
    ops = [op for op in ("equals", "in", "not") if op in cond]
    if len(ops) != 1:
        report.add(
            path,
            f"show_if needs exactly one of equals, in, not (found {', '.join(ops) or 'none'})",
        )
        return None
    op = ops[0]
    if op == "in":
        items = report.sequence(cond["in"], path + ("in",), "show_if in")
        values = [report.choice_value(v, path + ("in", i)) for i, v in enumerate(items or ())]
    else:
        values = [report.choice_value(cond[op], path + (op,))]
    if target is None or not values or None in values:
        return None
    return target, op, tuple(v for v in values if v is not None)


def resolve_questions(
    drafts: list[Draft], report: Report, one_per_page: bool
) -> dict[int, Question]:
    """Check ids and show_if conditions across questions, then build them."""
    seen: dict[str, Draft] = {}
    built: dict[int, Question] = {}
    every_id = {d.name for d in drafts if d.name}
    for draft in drafts:
        qid = draft.fields["id"]
        if qid is not None and qid in seen:
            report.add(
                draft.path + ("id",),
                f"duplicate question id {qid!r} (already used at {format_path(seen[qid].path)})",
            )
        show_if = (
            _check_condition(draft, seen, every_id, report, one_per_page) if draft.show_if else None
        )
        if draft.name and draft.name not in seen:
            seen[draft.name] = draft
        if None in (qid, draft.fields["type"], draft.fields["text"]):
            continue
        fields = {k: v for k, v in draft.fields.items() if v is not None}
        built[id(draft)] = Question(**fields, show_if=show_if)
    return built


def _check_condition(
    draft: Draft,
    earlier: dict[str, Draft],
    every_id: set[str],
    report: Report,
    one_per_page: bool,
) -> Condition | None:
    if draft.show_if is None:  # the caller checks only questions that have one
        return None
    target, op, values = draft.show_if
    path = draft.path + ("show_if", "question")
    if target == draft.name:
        report.add(
            path,
            f"show_if names this question itself ({target!r}); it must name an earlier question",
        )
        return None
    if target in every_id and target not in earlier:
        report.add(
            path,
            f"show_if names {target!r}, which comes later; it must name an earlier question",
        )
        return None
    if target not in earlier:
        report.add(
            path,
            f"show_if names unknown question {target!r} "
            f"(earlier questions: {', '.join(earlier) or 'none'})",
        )
        return None
    other = earlier[target]
    if other.fields["id"] is None:
        return None  # its id is broken, which is reported at that question
    if other.page == draft.page and not one_per_page:
        report.add(
            path,
            f"show_if names {target!r} on the same page; a page is shown whole, so "
            "it must name a question on an earlier page (or set one_question_per_page: true)",
        )
        return None
    if other.fields["type"] is None:
        report.add(
            path,
            f"skipped because the type of {target!r} is unknown: "
            f"whether it has choices, and whether {', '.join(map(repr, values))} "
            f"{'are' if len(values) > 1 else 'is'} among them",
        )
        return None
    spec = QUESTION_TYPES[other.fields["type"]]
    if not spec.closed:
        report.add(
            path,
            f"show_if names {target!r}, a {spec.name} question; "
            "it must name a question with choices",
        )
        return None
    options = [c.value for c in other.fields.get("choices") or spec.fixed_choices]
    if other.fields.get("prefer_not_to_say"):
        options.append(PREFER_NOT)
    for i, value in enumerate(values):
        if value not in options:
            where = draft.path + ("show_if", op) + ((i,) if op == "in" else ())
            report.add(where, f"{value!r} is not a choice of {target!r} {allowed(options)}")
            return None
    return Condition(target, op, values)
