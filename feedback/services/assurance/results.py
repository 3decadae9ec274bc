"""A Section 11 round's results: the heat map of agencies x standards, the change since
the previous round, the evidence gaps and the actions agencies committed to.

A standard's rating is its weakest statement's ("a standard is as strong as its weakest
part"), and only when every statement of it is rated; the agreed rating likewise from
the agreed ratings. Only submitted returns count (a draft is the agency's own business).
The weakest rating per agency and standard is found in SQL (MAX over a rank written as
CASE expressions), as the survey outcomes are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import and_, case, func, or_, select

from feedback.extensions import db
from feedback.models import Agency, AuditRating, AuditReturn, AuditRound
from forms.question_assess import AssessedType
from forms.schema import Question


@dataclass(frozen=True)
class Standard:
    """One page of the definition: a standard and its rated statements."""

    number: int
    title: str
    questions: tuple[Question, ...]


@dataclass
class Cell:
    """One agency's rating on one standard: self-rated and agreed (None: not complete);
    change: +1 better, -1 worse, 0 same as the previous round, None when not comparable."""

    rating: str | None = None
    agreed: str | None = None
    change: int | None = None

    @property
    def final(self) -> str | None:
        """The rating that counts: the agreed one once there is one."""
        return self.agreed or self.rating


@dataclass
class HeatRow:
    agency_id: int
    agency: str
    state: str
    cells: list[Cell] = field(default_factory=list)


@dataclass
class Results:
    round: AuditRound
    standards: list[Standard]
    rows: list[HeatRow]
    previous: AuditRound | None
    #: (agency, standard title, statement) with a rating but no evidence
    gaps: list[tuple[str, str, str]]
    #: (agency, standard title, statement, actions)
    actions: list[tuple[str, str, str, str]]

    def counts(self, number: int) -> dict[str, int]:
        """How many agencies have each final rating on standard `number` (1-based)."""
        found: dict[str, int] = {}
        for row in self.rows:
            value = row.cells[number - 1].final
            if value:
                found[value] = found.get(value, 0) + 1
        return found


def standards(found: AuditRound) -> list[Standard]:
    pages = found.definition.pages
    return [
        Standard(n, page.title or "", qs)
        for n, page in enumerate(pages, 1)
        if (qs := tuple(q for q in page.questions if isinstance(q.qtype, AssessedType)))
    ]


def _worse_ranks(parts: list[Standard]) -> dict[str, int]:
    """rating value -> how bad it is (higher is worse), over every scale in the round."""
    ranks: dict[str, int] = {}
    for part in parts:
        for q in part.questions:
            qtype = q.qtype
            assert isinstance(qtype, AssessedType)  # a Standard holds only rated questions
            for i, value in enumerate(qtype.rank):
                ranks[value] = i + 1
    return ranks


def _weakest(found: AuditRound, parts: list[Standard]) -> dict[tuple[int, int], Cell]:
    """{(agency id, standard number): Cell}, the ratings of submitted returns."""
    if not parts:
        return {}
    ranks = _worse_ranks(parts)
    values = {rank: value for value, rank in ranks.items()}
    of_standard = case(
        {q.id: part.number for part in parts for q in part.questions},
        value=AuditRating.question_id,
    )
    rank = case(ranks, value=AuditRating.rating)
    agreed_rank = case(ranks, value=AuditRating.agreed_rating)
    query = (
        select(
            AuditReturn.agency_id,
            of_standard.label("standard"),
            func.max(rank),
            func.count(rank),
            func.max(agreed_rank),
            func.count(agreed_rank),
        )
        .join(AuditRating, AuditRating.return_id == AuditReturn.id)
        .where(AuditReturn.round_id == found.id, AuditReturn.state != "draft")
        .group_by(AuditReturn.agency_id, of_standard)
    )
    size = {part.number: len(part.questions) for part in parts}
    cells: dict[tuple[int, int], Cell] = {}
    for agency_id, number, worst, rated, worst_agreed, agreed in db.session.execute(query):
        if number is None:
            continue  # a rating of a statement no longer in the definition
        cells[(agency_id, number)] = Cell(
            rating=values.get(worst) if rated == size[number] else None,
            agreed=values.get(worst_agreed) if agreed == size[number] else None,
        )
    return cells


def previous_round(found: AuditRound) -> AuditRound | None:
    """The latest earlier round of the same kind and definition."""
    slug = found.definition_json.get("slug")
    earlier = db.session.scalars(
        select(AuditRound)
        .where(
            AuditRound.kind == found.kind,
            or_(
                AuditRound.created_at < found.created_at,
                and_(AuditRound.created_at == found.created_at, AuditRound.id < found.id),
            ),
        )
        .order_by(AuditRound.created_at.desc(), AuditRound.id.desc())
    )
    return next((r for r in earlier if r.definition_json.get("slug") == slug), None)


def _change(parts: list[Standard], new: str | None, old: str | None) -> int | None:
    if not new or not old:
        return None
    qtype = parts[0].questions[0].qtype
    assert isinstance(qtype, AssessedType)
    return qtype.better(new, old)


def results(found: AuditRound) -> Results:
    """Everything the results page, the XLSX and the Board report show for a round."""
    from feedback.services.assurance.rounds import return_state

    parts = standards(found)
    cells = _weakest(found, parts)
    before = previous_round(found)
    old = _weakest(before, standards(before)) if before else {}
    rows = []
    for ret in sorted(found.returns, key=lambda r: r.agency.name.lower()):
        row = HeatRow(ret.agency_id, ret.agency.name, return_state(ret))
        for part in parts:
            cell = cells.get((ret.agency_id, part.number), Cell())
            was = old.get((ret.agency_id, part.number))
            cell.change = _change(parts, cell.final, was.final if was else None)
            row.cells.append(cell)
        rows.append(row)
    return Results(found, parts, rows, before, *_gaps_and_actions(found, parts))


def _gaps_and_actions(
    found: AuditRound, parts: list[Standard]
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str, str]]]:
    where = {q.id: (part.title, q.text) for part in parts for q in part.questions}
    base = (
        select(Agency.name, AuditRating.question_id, AuditRating.actions)
        .join(AuditReturn, AuditReturn.id == AuditRating.return_id)
        .join(Agency, Agency.id == AuditReturn.agency_id)
        .where(AuditReturn.round_id == found.id, AuditReturn.state != "draft")
        .order_by(Agency.name, AuditRating.id)
    )
    no_evidence = or_(AuditRating.evidence.is_(None), func.trim(AuditRating.evidence) == "")
    gaps = [
        (name, *where[qid])
        for name, qid, _a in db.session.execute(
            base.where(and_(AuditRating.rating.is_not(None), no_evidence))
        )
        if qid in where
    ]
    actions = [
        (name, *where[qid], text)
        for name, qid, text in db.session.execute(
            base.where(AuditRating.actions.is_not(None), func.trim(AuditRating.actions) != "")
        )
        if qid in where and text is not None  # None is left out in SQL; this tells mypy
    ]
    return gaps, actions
