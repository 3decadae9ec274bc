"""The rules an audit definition (``kind: audit``, ``audience: agency``) must follow.

An audit asks a partner agency to rate itself, so its file is a survey definition with
a few rules of its own: the kind and the audience go together; the questions are
ratings (``rag``, ``grade4``) and free text; a RAG question writes what each of red,
amber and green means; and nothing of the anonymous surveys applies (no outcome
statements, contact offer, withdrawal or show_if). Rating types belong to audits only.
"""

from __future__ import annotations

import re
from typing import Any

from forms.problems import Path, Report
from forms.question_assess import RAG_VALUES
from forms.questions import QUESTION_TYPES, AssessedType

AUDIT_KIND = "audit"
AUDIT_AUDIENCE = "agency"
#: what a standard's (page's) id looks like: a lower-case word, as a priority's ids
PAGE_ID = re.compile(r"^[a-z][a-z0-9_-]{0,59}$")
#: The question types an audit may ask.
AUDIT_TYPES = ("rag", "grade4", "text", "textarea")
#: Survey settings that make no sense for an identified return.
SURVEY_ONLY = ("outcomes", "offer_contact", "allow_withdrawal", "read_all_text", "age_band")


def _raw_questions(top: dict[str, Any]) -> list[tuple[Path, dict[str, Any]]]:
    """(path, raw question) for every readable question, wherever it is written."""
    found: list[tuple[Path, dict[str, Any]]] = []
    if isinstance(top.get("questions"), list):
        pages: list[tuple[Path, Any]] = [((), {"questions": top["questions"]})]
    elif isinstance(top.get("pages"), list):
        pages = [(("pages", p), page) for p, page in enumerate(top["pages"])]
    else:
        return found
    for prefix, page in pages:
        items = page.get("questions") if isinstance(page, dict) else None
        for n, q in enumerate(items if isinstance(items, list) else ()):
            if isinstance(q, dict):
                found.append(((*prefix, "questions", n), q))
    return found


def check_audit(
    top: dict[str, Any], kind: str | None, audience: str | None, report: Report
) -> None:
    """Report every broken audit rule in the raw definition `top`."""
    is_audit = kind == AUDIT_KIND
    if is_audit and audience not in (None, AUDIT_AUDIENCE):
        report.add(("audience",), f"an audit (kind: audit) is for audience: {AUDIT_AUDIENCE}")
    if audience == AUDIT_AUDIENCE and not is_audit:
        report.add(("kind",), "audience: agency is for audits: add kind: audit")
    _check_page_ids(top, report)  # a survey's page may carry one too: the same rules
    questions = _raw_questions(top)
    if not is_audit:
        for path, q in questions:
            spec = QUESTION_TYPES.get(str(q.get("type")))
            if isinstance(spec, AssessedType):
                report.add(
                    (*path, "type"),
                    f"a {spec.name} question belongs in an audit definition (kind: audit)",
                )
        return
    for key in SURVEY_ONLY:
        if top.get(key):
            report.add((key,), f"{key!r} is for surveys; an audit return does not use it")
    rated = 0
    for path, q in questions:
        qtype = q.get("type")
        if qtype in QUESTION_TYPES and qtype not in AUDIT_TYPES:
            report.add(
                (*path, "type"),
                f"an audit asks {', '.join(AUDIT_TYPES)} questions, not {qtype}",
            )
        if "show_if" in q:
            report.add((*path, "show_if"), "an audit shows every statement: remove show_if")
        if qtype == "rag":
            _check_rag(q, path, report)
        rated += qtype in ("rag", "grade4")
    if questions and not rated:
        report.add((), "an audit needs at least one rag or grade4 question")


def _check_page_ids(top: dict[str, Any], report: Report) -> None:
    """A page's id (a standard or theme) must be a unique, slug-like word.

    Priorities and the Board report name a standard by this id, so it must not depend
    on the page's title, which may be reworded between rounds. A page without an id
    is allowed (an ad hoc audit); priorities simply cannot name it.
    """
    pages = top.get("pages")
    seen: set[str] = set()
    for p, page in enumerate(pages if isinstance(pages, list) else ()):
        value = page.get("id") if isinstance(page, dict) else None
        if value is None:
            continue
        if not isinstance(value, str) or not PAGE_ID.fullmatch(value):
            report.add(
                ("pages", p, "id"),
                f"must be a lower-case word such as s11_leadership, not {value!r}",
            )
        elif value in seen:
            report.add(("pages", p, "id"), f"the id {value!r} is used by another page")
        else:
            seen.add(value)


def _check_rag(q: dict[str, Any], path: Path, report: Report) -> None:
    choices = q.get("choices")
    if not isinstance(choices, list):
        return  # a missing or malformed list is reported by the question checks
    values = [c.get("value") if isinstance(c, dict) else None for c in choices]
    if sorted(map(str, values)) != sorted(RAG_VALUES):
        report.add(
            (*path, "choices"),
            "a rag question's choices are exactly red, amber and green, each "
            "{value: red, label: what red means for this statement}",
        )
