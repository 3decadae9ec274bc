"""`heard demo`: Section 11 rounds whose returns are in every state, for `make run`.

Three rounds of the bundled Section 11 self-assessment: last year's (all agreed, so the
heat map has a change to show), this year's (deadline passed: returns submitted,
challenged, agreed and one overdue), and a mid-year check still open (a draft for the
demo agency lead to finish). Rows are written directly, as demo responses are: the
lifecycle itself is exercised by the services and their tests. All text is invented.
"""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import func, select

from feedback.demo.agencies import demo_agencies
from feedback.extensions import db
from feedback.models import Agency, AuditComment, AuditRating, AuditReturn, AuditRound, User
from feedback.models._time import utcnow
from feedback.services.assurance.rounds import bundled_audits, london_today, open_round

EVIDENCE = (
    "Board minutes of March; the annual safeguarding report.",
    "Training records: 92% of staff up to date (HR system, May).",
    "Audit of 40 recruitment files in January; two gaps fixed.",
    "Policy reviewed in 2025, on the intranet front page.",
    "Supervision audit: monthly for all caseholders; quality sampled.",
    "Attendance log of child protection conferences; reports on time in 88%.",
    "Learning briefings after two reviews; team discussion notes.",
    "Young people's panel met four times; 'you said, we did' board in reception.",
)
ACTIONS = (
    "Refresher training for night staff by September.",
    "Add safeguarding clauses to the two contracts renewed this year.",
    "Quarterly check of escalation use, reported to the leadership team.",
    "Set up a children's reference group with the youth service.",
)
#: (agency index, state of this year's return)
THIS_YEAR = (
    (0, "challenged"),
    (1, "submitted"),
    (2, "agreed"),
    (3, "agreed"),
    (4, "overdue"),
    (5, "submitted"),
)


def _author(email: str) -> int | None:
    return db.session.scalar(select(User.id).where(User.email == email))


def _fill(
    ret: AuditReturn, rng: random.Random, mood: float, agreed: bool, part: float = 1.0
) -> None:
    questions = [q for q in ret.round.definition.questions() if q.type == "rag"]
    for q in questions[: max(1, int(len(questions) * part))]:
        roll = rng.random()
        rating = "green" if roll < mood else ("amber" if roll < mood + 0.25 else "red")
        ret.ratings.append(
            AuditRating(
                question_id=q.id,
                rating=rating,
                evidence=None if rng.random() < 0.12 else rng.choice(EVIDENCE),
                actions=rng.choice(ACTIONS) if rating != "green" else None,
                agreed_rating=rating if agreed else None,
                agreed_at=utcnow() if agreed else None,
            )
        )


def add_demo_audits(seed: int = 7) -> int:
    """Add the demo rounds (once: nothing when any round exists); returns rounds added."""
    if db.session.scalar(select(func.count(AuditRound.id))):
        return 0
    rng = random.Random(seed)
    section11 = bundled_audits()["section11"]
    agencies = list(demo_agencies().values())
    today = london_today()
    moderator = _author("moderator@heard.example")
    lead = _author("agency_lead@heard.example")

    last = open_round(
        "Section 11 self-assessment 2025",
        today - timedelta(days=330),
        [a.id for a in agencies[:5]],
        section11,
    )
    last.created_at = utcnow() - timedelta(days=365)
    for ret in last.returns:
        _fill(ret, rng, 0.55, agreed=True)
        ret.state, ret.submitted_at = "agreed", last.created_at + timedelta(days=30)

    this = open_round(
        "Section 11 self-assessment 2026",
        today - timedelta(days=7),
        [a.id for a in agencies],
        section11,
    )
    this.created_at = utcnow() - timedelta(days=60)
    returns = {r.agency_id: r for r in this.returns}
    for index, state in THIS_YEAR:
        ret = returns[agencies[index].id]
        if state == "overdue":
            _fill(ret, rng, 0.6, agreed=False, part=0.4)
            continue
        _fill(ret, rng, 0.65, agreed=state == "agreed")
        ret.state, ret.submitted_at = state, utcnow() - timedelta(days=10 + index)
        if state == "challenged":
            first = ret.ratings[0]
            first.rating = "green"
            ret.comments += [
                AuditComment(
                    question_id=first.question_id,
                    kind="challenge",
                    author_id=moderator,
                    body="Green needs the board's report: which meeting received it?",
                ),
                AuditComment(
                    question_id=first.question_id,
                    kind="reply",
                    author_id=lead,
                    body="The board received it on 12 March; minutes attached to our pack.",
                ),
            ]

    _demo_case_audit(rng, agencies[:3], moderator)

    open_now = open_round(
        "Section 11 mid-year check 2026", today + timedelta(days=30), [agencies[0].id], section11
    )
    _fill(open_now.returns[0], rng, 0.6, agreed=False, part=0.3)
    db.session.commit()
    return 4


CASES = ("MACA-2026-011", "MACA-2026-014", "MACA-2026-017", "MACA-2026-020")
LEARNING = (
    "Agencies shared information about the home late; the school's concerns did not "
    "reach the core group.",
    "The child was not listened to: their wishes were recorded once and never revisited.",
    "Supervision did not challenge drift in the plan; nobody escalated the disagreement.",
    "Good partnership working once the plan started; the child was seen alone each visit.",
)
GRADES = ("outstanding", "good", "good", "requires_improvement", "inadequate")


def _demo_case_audit(rng: random.Random, agencies: list[Agency], moderator: int | None) -> None:
    """A completed neglect case audit: every part graded, every panel record made."""
    from feedback.models import AuditCaseGrade

    definition = bundled_audits()["case-audit"]
    found = open_round(
        "Neglect case audit, spring 2026",
        london_today() - timedelta(days=40),
        [a.id for a in agencies],
        definition,
        kind="case_audit",
        theme="Neglect",
        cases=CASES,
    )
    found.created_at = utcnow() - timedelta(days=90)
    graded = [q for q in definition.questions() if q.type == "grade4"]
    for ret in found.returns:
        for q in graded:
            ret.ratings.append(
                AuditRating(question_id=q.id, rating=rng.choice(GRADES), evidence="Case records")
            )
        ret.state, ret.submitted_at = "submitted", utcnow() - timedelta(days=45)
    for case, learning in zip(found.cases, LEARNING, strict=True):
        case.grades = [AuditCaseGrade(question_id=q.id, grade=rng.choice(GRADES)) for q in graded]
        case.findings = "The panel met all the agencies involved and read their records."
        case.learning = learning
        case.panel_done_at = utcnow() - timedelta(days=20)
