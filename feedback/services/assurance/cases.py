"""Multi-agency case audits: a themed round of cases, each graded by every agency asked
for its own part, then by a panel that agrees one grade per case and question and records
findings and learning points. Results: the grade distribution per question across cases
(SQL GROUP BY), and the learning points themed by the text analyser.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import func, select

from analysis.text import analyse_text
from feedback.extensions import db
from feedback.models import Agency, AuditCase, AuditCaseGrade, AuditReturn, AuditRound, User
from feedback.models._time import utcnow
from feedback.services.assurance.references import reference_problem
from feedback.services.assurance.returns import TEXT_MAX
from feedback.services.assurance.rounds import RoundError, open_round
from feedback.services.audit import audit
from forms.question_assess import AssessedType
from forms.schema import Definition, Question

#: The most cases one round may hold (a panel looks at a handful; a long list is a slip).
MAX_CASES = 50


class CaseAuditError(ValueError):
    """Refused; `problems` lists every reason (one per bad reference, say)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def references(text: str) -> list[str]:
    """One reference per line, blank lines left out (what follows a colon is the
    agencies involved: involvement)."""
    return [ref for ref, _names in _lines(text)]


def involvement(text: str) -> dict[str, list[str]]:
    """{reference: the agency names after its colon} for lines that name agencies, as in
    ``MACA-2026-014: Police, Health Trust``; a line without a colon involves every agency
    asked. A reference never holds a colon (references.ALLOWED), so the split is safe."""
    return {ref: names for ref, names in _lines(text) if names}


def _lines(text: str) -> list[tuple[str, list[str]]]:
    found = []
    for line in (text or "").splitlines():
        ref, _colon, rest = line.partition(":")
        if ref.strip():
            found.append((ref.strip(), [n.strip() for n in rest.split(",") if n.strip()]))
    return found


def _involved_ids(
    agency_ids: Sequence[int], named: Mapping[str, Sequence[str]]
) -> tuple[dict[str, set[int]], list[str]]:
    """Agency ids per reference from the names written; a name not among the agencies
    asked is a problem (named with its reference)."""
    asked = db.session.scalars(select(Agency).where(Agency.id.in_(list(agency_ids))))
    by_name = {" ".join(a.name.split()).casefold(): a.id for a in asked}
    ids: dict[str, set[int]] = {}
    problems = []
    for ref, names in named.items():
        for name in names:
            found = by_name.get(" ".join(name.split()).casefold())
            if found is None:
                problems.append(
                    _(
                        "%(ref)s: %(name)s is not one of the agencies asked.",
                        ref=ref[:60],
                        name=name[:60],
                    )
                )
            else:
                ids.setdefault(ref, set()).add(found)
    return ids, problems


def open_case_audit(
    title: str,
    theme: str,
    deadline: date,
    agency_ids: Sequence[int],
    refs: Sequence[str],
    definition: Definition,
    by: User | None = None,
    involved: Mapping[str, Sequence[str]] | None = None,
) -> AuditRound:
    """Open a case audit; every reference is checked first, and nothing is stored unless
    all are partnership references (reference_problem) and none is given twice.

    `involved` names, for some references, the agencies (of those asked) involved in
    that case; only they get a return for it. A case not named involves every agency.
    """
    problems = []
    theme = " ".join((theme or "").split())
    if not theme:
        problems.append(_("Enter the audit's theme, such as Neglect."))
    if not refs:
        problems.append(_("Enter the reference of at least one case."))
    if len(refs) > MAX_CASES:
        problems.append(_("A case audit has at most %(max)d cases.", max=MAX_CASES))
    seen: set[str] = set()
    for ref in refs:
        problem = reference_problem(ref)
        if problem is None and ref.upper() in seen:
            problem = _("This reference is listed twice.")
        if problem:
            problems.append(f"{ref[:60]}: {problem}")
        seen.add(ref.upper())
    involved_ids, named_problems = _involved_ids(agency_ids, involved or {})
    problems += named_problems
    if problems:
        raise CaseAuditError(problems)
    try:
        return open_round(
            title,
            deadline,
            agency_ids,
            definition,
            by,
            kind="case_audit",
            theme=theme,
            cases=refs,
            involved=involved_ids,
        )
    except RoundError as exc:
        raise CaseAuditError([str(exc)]) from None


def graded_questions(found: AuditRound) -> list[Question]:
    return [q for q in found.definition.questions() if isinstance(q.qtype, AssessedType)]


def record_panel(
    case: AuditCase,
    grades: Mapping[str, str],
    findings: str,
    learning: str,
    by: User,
) -> None:
    """Store the panel's agreed grades, findings and learning points for one case.

    Raises CaseAuditError for a grade not on the question's scale or a text too long;
    nothing is stored then. The case is done once every question has a grade.
    """
    questions = {q.id: q for q in graded_questions(case.round)}
    problems = [
        _("'%(grade)s' is not a grade on this question's scale.", grade=grade)
        for qid, grade in grades.items()
        if grade
        and (qid not in questions or grade not in {c.value for c in questions[qid].choices})
    ]
    texts = {"findings": (findings or "").strip(), "learning": (learning or "").strip()}
    if any(len(t) > TEXT_MAX for t in texts.values()):
        problems.append(
            _("Findings and learning are at most %(max)d characters each.", max=TEXT_MAX)
        )
    if problems:
        raise CaseAuditError(problems)
    have = {g.question_id: g for g in case.grades}
    for qid, grade in grades.items():
        if not grade:
            continue
        if qid in have:
            have[qid].grade = grade
        else:
            case.grades.append(AuditCaseGrade(question_id=qid, grade=grade))
    case.findings = texts["findings"] or None
    case.learning = texts["learning"] or None
    graded = {qid for qid, grade in grades.items() if grade} | set(have)
    case.panel_done_at = utcnow() if set(questions) <= graded else None
    audit("audit_case.panel", "audit_case", case.id, commit=False, user_id=by.id)
    db.session.commit()


def grade_distribution(found: AuditRound) -> dict[str, dict[str, int]]:
    """{question id: {grade: cases}} of the panel's agreed grades, counted in SQL."""
    rows = db.session.execute(
        select(AuditCaseGrade.question_id, AuditCaseGrade.grade, func.count())
        .join(AuditCase, AuditCase.id == AuditCaseGrade.case_id)
        .where(AuditCase.round_id == found.id)
        .group_by(AuditCaseGrade.question_id, AuditCaseGrade.grade)
    )
    table: dict[str, dict[str, int]] = {}
    for qid, grade, n in rows:
        table.setdefault(qid, {})[grade] = n
    return table


@dataclass(frozen=True)
class LearningTheme:
    theme: str
    cases: tuple[str, ...]


def learning_themes(found: AuditRound) -> list[LearningTheme]:
    """The panel's learning points, themed by the text analyser: each theme with the
    references of the cases whose learning mentions it, most cases first."""
    by_theme: dict[str, list[str]] = {}
    for case in found.cases:
        if not case.learning:
            continue
        for theme in analyse_text(case.learning, "en").themes:
            by_theme.setdefault(theme, []).append(case.reference)
    ordered = sorted(by_theme.items(), key=lambda item: (-len(item[1]), item[0]))
    return [LearningTheme(theme, tuple(refs)) for theme, refs in ordered]


def case_by_id(case_id: int) -> AuditCase | None:
    """The audited case with this id, or None."""
    return db.session.get(AuditCase, case_id)


def case_returns(case_id: int) -> list[AuditReturn]:
    """Each involved agency's return for case `case_id`, by id (how far each got)."""
    query = select(AuditReturn).where(AuditReturn.case_id == case_id).order_by(AuditReturn.id)
    return list(db.session.scalars(query))
