"""Alerts raised by people: a lead from the reading list, or any colleague shown a text.

Such an alert is an ordinary ConcernAlert (so every rule that withholds the texts of a
response with an alert applies to it), with its source and who raised it. The person's
reason is the alert's first note; the audit row holds no free text. The caller commits.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from analysis.text.concern_rules import CATEGORIES
from feedback.extensions import db
from feedback.models import AlertNote, Answer, ConcernAlert, Response, SubmissionToken, TextAnalysis
from feedback.models._time import utcnow
from feedback.services.audit import audit
from feedback.services.safeguarding.alerts import OPEN_STATES, Actor
from feedback.services.safeguarding.notify import queue_alerts

#: Longest note or reason a person may write (the alert page's note limit).
NOTE_MAX = 5000
#: A person thought it serious enough to raise: a likely concern, read today.
PERSON_LEVEL = 2


class ConcernError(ValueError):
    """A concern that cannot be recorded; `code` names why, for the page to say in words:
    empty_note, note_too_long, category, no_text."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def clean_categories(categories: Sequence[str]) -> list[str]:
    """The categories in THEMES.md order; an unknown one is refused."""
    unknown = set(categories) - set(CATEGORIES)
    if unknown:
        raise ConcernError("category", f"unknown categories: {', '.join(sorted(unknown))}")
    return [c for c in CATEGORIES if c in set(categories)]


def clean_note(note: str) -> str:
    """The note without surrounding space; refused when empty or over NOTE_MAX."""
    note = (note or "").strip()
    if not note:
        raise ConcernError("empty_note", "Say why first.")
    if len(note) > NOTE_MAX:
        raise ConcernError("note_too_long", f"Notes are limited to {NOTE_MAX} characters.")
    return note


def response_alerted(response_id: int) -> bool:
    """Whether any alert is raised on the response (its every text is then withheld)."""
    query = select(ConcernAlert.id).where(ConcernAlert.response_id == response_id).limit(1)
    return db.session.scalar(query) is not None


def raise_by_person(
    answer: Answer,
    source: str,
    actor: Actor,
    categories: Sequence[str],
    note: str,
    *,
    state: str = "new",
    assignee_id: int | None = None,
) -> ConcernAlert:
    """A new alert on `answer` by `actor` (source "reading" or "staff"), notified to leads.

    `note` (already cleaned) becomes the first note, marked as the move to `state` when
    that is not "new". Leads are e-mailed once the caller commits.
    """
    response = db.session.get(Response, answer.response_id)
    if response is None:
        raise ConcernError("no_text", "The text is no longer stored.")
    score = db.session.scalar(
        select(TextAnalysis.concern_score).where(TextAnalysis.answer_id == answer.id)
    )
    alert = ConcernAlert(
        response_id=response.id,
        answer_id=answer.id,
        survey_id=response.survey_id,
        categories=list(categories),
        matches=[],
        score=score,
        level=PERSON_LEVEL,
        state=state,
        assignee_id=assignee_id,
        source=source,
        raised_by_id=actor.id,
    )
    alert.notes.append(
        AlertNote(user_id=actor.id, text=note, new_state=None if state == "new" else state)
    )
    db.session.add(alert)
    db.session.flush()
    audit(
        "alert.raise",
        "alert",
        alert.id,
        commit=False,
        user_id=actor.id,
        source=source,
        answer=answer.id,
        categories=list(categories),
    )
    queue_alerts(db.session, [alert.id])
    return alert


def raise_staff_concern(
    answer_id: int, actor: Actor, categories: Sequence[str], why: str
) -> tuple[ConcernAlert, bool]:
    """A colleague's concern about a text they were shown; returns (alert, new?).

    With an alert already open on that text, their reason is added to it as a note (the
    leads are looking already); otherwise a new alert with source "staff" is raised.
    Either way the text, and every text of its response, is withheld from then on.
    """
    chosen = clean_categories(categories)
    why = clean_note(why)
    answer = db.session.get(Answer, answer_id)
    if answer is None:
        raise ConcernError("no_text", "The text is no longer stored.")
    existing = db.session.scalar(
        select(ConcernAlert)
        .where(ConcernAlert.answer_id == answer_id, ConcernAlert.state.in_(OPEN_STATES))
        .order_by(ConcernAlert.id)
        .limit(1)
    )
    if existing is not None:
        existing.notes.append(AlertNote(user_id=actor.id, text=why))
        existing.categories = [c for c in CATEGORIES if c in {*existing.categories, *chosen}]
        existing.updated_at = utcnow()
        audit("alert.note", "alert", existing.id, commit=False, user_id=actor.id, source="staff")
        db.session.commit()
        return existing, False
    alert = raise_by_person(answer, "staff", actor, chosen, why)
    db.session.commit()
    return alert, True


def token_raised_concern(token: str) -> bool:
    """Whether the response sent with submission `token` raised a concern alert."""
    if not token:
        return False
    query = (
        select(ConcernAlert.id)
        .join(SubmissionToken, SubmissionToken.response_id == ConcernAlert.response_id)
        .where(SubmissionToken.token == token)
        .limit(1)
    )
    return db.session.scalar(query) is not None
