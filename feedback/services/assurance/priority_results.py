"""Audit results for the Board report's priority sections.

A priority names audit standards by page id (forms/library/priorities.yaml): a Section
11 standard (``s11_leadership``) or a case-audit theme (``case_voice``). For each, the
report shows the latest round of that kind that has results (whatever the report's
period: rounds are yearly, and the Board wants the newest assurance; the round's title
is shown beside the figures): for Section 11, the red/amber/green ratings of the
returns agencies sent (the moderators' agreed rating where there is one, else the
agency's own); for a case audit, the panel's agreed grades across the cases. Counted
in SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import distinct, func, select

from feedback.extensions import db
from feedback.models import AuditCase, AuditCaseGrade, AuditRating, AuditReturn, AuditRound
from forms.question_assess import GRADE4, RAG_NAMES, RAG_VALUES
from forms.schema import Definition, Page

#: the round kind each audit definition is asked in, by the definition's slug
KIND_OF = {"section11": "section11", "case-audit": "case_audit"}
#: a return whose ratings count: the agency has sent it
SENT = ("submitted", "challenged", "agreed")


@dataclass(frozen=True)
class StandardResult:
    """One audit standard's results in one round.

    standard: the page id; title: the page's title; round_title: the round's;
    kind: "section11" or "case_audit"; counts: (value, name, count) in scale order,
    every value of the scale present; total: the ratings or grades counted;
    sources: the agencies (Section 11) or cases (case audit) they came from.
    """

    standard: str
    title: str
    round_title: str
    kind: str
    counts: tuple[tuple[str, str, int], ...]
    total: int
    sources: int


def _page(definition: Definition, standard: str) -> Page | None:
    return next((p for p in definition.pages if p.id == standard), None)


def _rated_ids(page: Page, qtype: str) -> list[str]:
    return [q.id for q in page.questions if q.type == qtype]


def _rounds(kind: str) -> Sequence[AuditRound]:
    query = select(AuditRound).where(AuditRound.kind == kind)
    return db.session.scalars(
        query.order_by(AuditRound.created_at.desc(), AuditRound.id.desc())
    ).all()


def _section11(found: AuditRound, page: Page) -> StandardResult | None:
    ids = _rated_ids(page, "rag")
    rating = func.coalesce(AuditRating.agreed_rating, AuditRating.rating)
    where = (
        AuditReturn.round_id == found.id,
        AuditReturn.state.in_(SENT),
        AuditRating.question_id.in_(ids),
        rating.is_not(None),
    )
    joined = select(rating, func.count()).join(AuditReturn, AuditRating.audit_return)
    rows = {r: n for r, n in db.session.execute(joined.where(*where).group_by(rating))}
    if not rows:
        return None
    agencies = db.session.scalar(
        select(func.count(distinct(AuditReturn.agency_id)))
        .join(AuditRating, AuditReturn.ratings)
        .where(*where)
    )
    counts = tuple((v, str(RAG_NAMES[v]), int(rows.get(v, 0))) for v in RAG_VALUES)
    return StandardResult(
        page.id or "",
        page.title or "",
        found.title,
        found.kind,
        counts,
        sum(c for _v, _n, c in counts),
        int(agencies or 0),
    )


def _case_audit(found: AuditRound, page: Page) -> StandardResult | None:
    ids = _rated_ids(page, "grade4")
    where = (AuditCase.round_id == found.id, AuditCaseGrade.question_id.in_(ids))
    joined = select(AuditCaseGrade.grade, func.count()).join(
        AuditCase, AuditCase.id == AuditCaseGrade.case_id
    )
    grouped = joined.where(*where).group_by(AuditCaseGrade.grade)
    rows = {g: n for g, n in db.session.execute(grouped)}
    if not rows:
        return None
    cases = db.session.scalar(
        select(func.count(distinct(AuditCaseGrade.case_id)))
        .join(AuditCase, AuditCase.id == AuditCaseGrade.case_id)
        .where(*where)
    )
    counts = tuple((c.value, str(c.label), int(rows.get(c.value, 0))) for c in GRADE4)
    return StandardResult(
        page.id or "",
        page.title or "",
        found.title,
        found.kind,
        counts,
        sum(c for _v, _n, c in counts),
        int(cases or 0),
    )


def standard_result(standard: str) -> StandardResult | None:
    """The latest results for audit standard `standard`, or None."""
    for kind in KIND_OF.values():
        for found in _rounds(kind):
            page = _page(found.definition, standard)
            if page is None:
                continue
            counted = _section11 if kind == "section11" else _case_audit
            result = counted(found, page)
            if result is not None:
                return result
    return None


def standard_results(standards: Sequence[str]) -> list[StandardResult]:
    """Results for each of `standards` that has any, in the order given."""
    found = (standard_result(s) for s in standards)
    return [r for r in found if r is not None]
