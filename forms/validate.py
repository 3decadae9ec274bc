"""Turning raw definition data (parsed YAML) into a :class:`Definition`.

Every rule a survey file must follow is checked here, and every broken rule is
reported (through :class:`forms.problems.Report`) before giving up, so an author
fixes a file in one pass. The YAML reading itself is in :mod:`forms.loader`.
"""

from __future__ import annotations

import re
from typing import Any

from forms.problems import Path, Report, describe
from forms.schema import AUDIENCES, KINDS, MAX_QUESTIONS, Definition, Page, Question
from forms.validate_audit import check_audit
from forms.validate_outcomes import check_outcomes
from forms.validate_questions import (
    IDENT,
    Draft,
    check_question,
    resolve_questions,
)

SLUG = re.compile(r"[a-z0-9][a-z0-9-]{1,62}")
LANGUAGE = re.compile(r"[a-z]{2}")
TOP_KEYS = (
    "slug",
    "title",
    "audience",
    "age_band",
    "description",
    "consent",
    "min_n",
    "languages",
    "pages",
    "questions",
    "outcomes",
    "themes",
    "check_answers",
    "one_question_per_page",
    "offer_contact",
    "allow_withdrawal",
    "retention_days",
    "kind",
    "read_all_text",
)
REQUIRED_TOP = ("slug", "title", "audience", "consent")


def build_definition(data: object, report: Report) -> Definition | None:
    """Check *data* and build a Definition, or return None with problems in *report*."""
    top = report.mapping(data, (), "a survey definition")
    if top is None:
        return None
    report.keys(top, (), TOP_KEYS, REQUIRED_TOP)
    slug = report.pattern(
        report.text(top, (), "slug", required=True),
        ("slug",),
        SLUG,
        "slug: lowercase letters, digits and -",
        "children-8-11",
    )
    audience = report.one_of(
        report.text(top, (), "audience", required=True),
        ("audience",),
        AUDIENCES,
        "audience",
    )
    kind = report.one_of(report.text(top, (), "kind"), ("kind",), KINDS, "kind")
    fields: dict[str, Any] = {
        "slug": slug,
        "title": report.text(top, (), "title", required=True),
        "audience": audience,
        "age_band": report.text(top, (), "age_band"),
        "description": report.text(top, (), "description") or "",
        "consent": report.text(top, (), "consent", required=True),
        "min_n": report.whole(top, (), "min_n", 10, minimum=1),
        "languages": _languages(top, report),
        "one_question_per_page": report.flag(top, (), "one_question_per_page"),
        "offer_contact": report.flag(top, (), "offer_contact"),
        "allow_withdrawal": report.flag(top, (), "allow_withdrawal"),
        "retention_days": report.whole(top, (), "retention_days", 1095, minimum=1),
        "kind": kind,
        "themes": _themes(top, report),
    }
    if "check_answers" in top:
        fields["check_answers"] = report.flag(top, (), "check_answers")
    if "read_all_text" in top:
        fields["read_all_text"] = report.flag(top, (), "read_all_text")
    pages, written, untyped = _pages(top, report, fields["one_question_per_page"])
    questions: dict[str, Question] = {}
    for page in pages:
        for q in page.questions:
            questions.setdefault(q.id, q)  # a duplicate id is reported; outcomes use the first
    fields["pages"] = pages
    fields["outcomes"] = check_outcomes(top, report, questions, written, untyped)
    check_audit(top, kind, audience, report)
    if report.problems:
        return None
    return Definition(**fields)


def _languages(top: dict[str, Any], report: Report) -> tuple[str, ...]:
    if "languages" not in top:
        return ("en",)
    items = report.sequence(top["languages"], ("languages",), "languages")
    codes: list[str] = []
    for i, code in enumerate(items or ()):
        path: Path = ("languages", i)
        if not isinstance(code, str) or not LANGUAGE.fullmatch(code):
            report.add(
                path,
                f"{describe(code)} is not a 2-letter lowercase language code "
                "(for example en, cy, pl, ur)",
            )
        elif code in codes:
            report.add(path, f"language {code!r} is listed twice")
        else:
            codes.append(code)
    return tuple(codes)


def _themes(top: dict[str, Any], report: Report) -> dict[str, tuple[str, ...]]:
    if top.get("themes") is None:
        return {}
    themes = report.mapping(top["themes"], ("themes",), "themes (theme id: list of keywords)")
    out: dict[str, tuple[str, ...]] = {}
    for key, words in (themes or {}).items():
        path: Path = ("themes", key)
        if not isinstance(key, str) or not IDENT.fullmatch(key):
            report.add(
                path,
                f"theme id {key!r} must be lowercase letters, digits and _ "
                "(for example bus_travel)",
            )
            continue
        items = report.sequence(words, path, f"theme {key!r}")
        if items is None:
            continue
        if not all(isinstance(w, str) and w.strip() for w in items):
            report.add(path, "every keyword must be some text")
            continue
        out[key] = tuple(w.strip() for w in items)
    return out


def _question_count(raw_pages: list[Any]) -> int:
    """How many questions the pages list, before any of them is checked."""
    lists = [page.get("questions") for page in raw_pages if isinstance(page, dict)]
    return sum(len(items) for items in lists if isinstance(items, list))


def _pages(
    top: dict[str, Any], report: Report, one_per_page: bool
) -> tuple[tuple[Page, ...], set[str] | None, set[str]]:
    """The pages, every question id written in them (None when some question
    could not even be read, so an outcome naming an unseen id is not blamed), and
    the ids of questions whose type is unknown."""
    # ``questions:`` at the top is shorthand for a single untitled page.
    if "pages" in top and "questions" in top:
        report.add(("questions",), "give either pages or questions, not both")
        return (), None, set()
    if "questions" in top:
        raw_pages: list[Any] | None = [{"questions": top["questions"]}]
        prefix: Path = ()
    elif "pages" in top:
        raw_pages = report.sequence(top["pages"], ("pages",), "pages")
        prefix = ("pages",)
    else:
        report.add((), "missing required key 'pages' (a list of pages, each with questions)")
        return (), None, set()
    count = _question_count(raw_pages or [])
    if count > MAX_QUESTIONS:
        # Checked before the questions themselves: a huge form gets one clear message fast.
        report.add(
            prefix,
            f"a survey may have at most {MAX_QUESTIONS} questions, and this one has {count}: "
            "split it into shorter surveys (long surveys also lose respondents)",
        )
        return (), None, set()
    complete = raw_pages is not None
    drafts: list[Draft] = []
    titles: list[str | None] = []
    page_ids: list[str | None] = []
    for p, raw in enumerate(raw_pages or ()):
        page_path = prefix + (p,) if prefix else ()
        page = report.mapping(raw, page_path, "a page") if prefix else raw
        if page is None:
            complete = False
            titles.append(None)
            page_ids.append(None)
            continue
        report.keys(page, page_path, ("id", "title", "questions"), ("questions",))
        titles.append(report.text(page, page_path, "title"))
        page_ids.append(report.text(page, page_path, "id"))  # checked by check_audit
        items = None
        if "questions" in page:
            items = report.sequence(page["questions"], page_path + ("questions",), "questions")
        complete = complete and items is not None
        for n, item in enumerate(items or ()):
            draft = check_question(item, page_path + ("questions", n), p, report)
            if draft is None:
                complete = False
            else:
                drafts.append(draft)
    built = resolve_questions(drafts, report, one_per_page)
    pages = tuple(
        Page(
            title,
            tuple(built[id(d)] for d in drafts if d.page == p and id(d) in built),
            page_ids[p],
        )
        for p, title in enumerate(titles)
    )
    untyped = {d.name for d in drafts if d.name and d.fields["type"] is None}
    return pages, ({d.name for d in drafts if d.name} if complete else None), untyped
