"""An agency's return through its life: draft -> submitted -> challenged -> agreed.

Several people of an agency save the draft; a save names the version it was made from,
and a save from an older version is refused (a conditional UPDATE on the version, so two
editors never silently overwrite each other, even at the same instant). The agency lead
submits it once. Moderators challenge a rating (a thread per statement, which the agency
answers) and record the agreed rating. Each change writes its audit-log row in the same
transaction; a refused change stores nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from flask_babel import gettext as _
from sqlalchemy import CursorResult, update

from feedback.extensions import db
from feedback.models import AuditComment, AuditRating, AuditReturn, User
from feedback.models._time import utcnow
from feedback.services.audit import audit
from feedback.times import london_time
from forms.clean import strip_control
from forms.question_assess import AssessedType
from forms.schema import Question

#: The longest evidence, actions or comment text kept.
TEXT_MAX = 5000


class ReturnError(ValueError):
    """The change was refused; the message says why in plain words."""


class StaleReturn(ReturnError):
    """Someone saved the return after this editor opened it."""


def rated_questions(ret: AuditReturn) -> list[Question]:
    """The questions of the return's round that take a rating (rag, grade4)."""
    return [q for q in ret.round.definition.questions() if isinstance(q.qtype, AssessedType)]


def answered_questions(ret: AuditReturn) -> list[Question]:
    """Every question the return answers: ratings, and free text (kept as its evidence)."""
    return [
        q
        for q in ret.round.definition.questions()
        if isinstance(q.qtype, AssessedType) or q.free_text
    ]


def _text(value: Any, what: str) -> str | None:
    text = strip_control(value or "").strip() if isinstance(value, str) else ""
    if len(text) > TEXT_MAX:
        raise ReturnError(_("%(what)s is longer than %(max)d characters.", what=what, max=TEXT_MAX))
    return text or None


def _rating(ret: AuditReturn, question_id: str) -> AuditRating:
    for row in ret.ratings:
        if row.question_id == question_id:
            return row
    row = AuditRating(return_id=ret.id, question_id=question_id)
    db.session.add(row)
    ret.ratings.append(row)
    return row


def _bump(ret: AuditReturn, version: int, by: User | None, **values: Any) -> None:
    """Move the return on from `version`, or refuse: someone else got there first."""
    # An UPDATE's result is a CursorResult (it counts the rows changed); Session.execute
    # is typed for any statement, so the type checker is told which.
    done = cast(
        "CursorResult[Any]",
        db.session.execute(
            update(AuditReturn)
            .where(AuditReturn.id == ret.id, AuditReturn.version == version)
            .values(
                version=version + 1,
                updated_at=utcnow(),
                updated_by_id=by.id if by else None,
                **values,
            )
            .execution_options(synchronize_session=False)
        ),
    )
    if done.rowcount != 1:
        db.session.rollback()
        raise StaleReturn(
            _(
                "Someone else saved this return after you opened it. Your changes are not "
                "saved: open it again to see theirs, then make your changes."
            )
        )


def save_return(
    ret: AuditReturn, answers: Mapping[str, Mapping[str, Any]], version: int, by: User | None
) -> None:
    """Save the draft's ratings, evidence and actions (question id -> parts).

    Raises ReturnError for a submitted return or a rating not in the question's scale,
    StaleReturn when the return changed since `version` was read.
    """
    if ret.state != "draft":
        raise ReturnError(_("This return has been submitted, so it can no longer be changed."))
    changed = 0
    for q in answered_questions(ret):
        given = answers.get(q.id) or {}
        if isinstance(given, str):  # a free-text question: its words are the evidence
            given = {"evidence": given}
        rating = given.get("rating") or None
        if rating is not None and rating not in {c.value for c in q.choices}:
            raise ReturnError(
                _("'%(rating)s' is not a rating on this statement's scale.", rating=rating)
            )
        row = _rating(ret, q.id)
        values = (rating, _text(given.get("evidence"), _("The evidence")))
        wants_actions = getattr(q.qtype, "actions", False)
        actions = _text(given.get("actions"), _("The actions")) if wants_actions else None
        if (row.rating, row.evidence, row.actions) != (*values, actions):
            row.rating, row.evidence = values
            row.actions = actions
            changed += 1
    _bump(ret, version, by)
    audit(
        "audit_return.save",
        "audit_return",
        ret.id,
        commit=False,
        user_id=by.id if by else None,
        changed=changed,
    )
    db.session.commit()
    db.session.refresh(ret)


def missing_ratings(ret: AuditReturn) -> list[Question]:
    """The rated statements without a rating yet (a return is submitted complete)."""
    have = {r.question_id for r in ret.ratings if r.rating}
    return [q for q in rated_questions(ret) if q.id not in have]


def already_submitted(ret: AuditReturn) -> str:
    """What a second submission is told."""
    when = london_time(ret.submitted_at) if ret.submitted_at else ""
    return _("This return was already submitted (%(when)s). It was not sent again.", when=when)


def submit_return(ret: AuditReturn, version: int, by: User) -> None:
    """The agency lead sends the return to the moderators; it cannot be edited after.

    Raises ReturnError when it was already submitted (clearly, once), when a statement
    has no rating, or when someone saved it since `version`.
    """
    if ret.state != "draft":
        raise ReturnError(already_submitted(ret))
    if by.role != "agency_lead" or by.agency_id != ret.agency_id:
        raise ReturnError(_("Only the agency's lead can submit its return."))
    missing = missing_ratings(ret)
    if missing:
        raise ReturnError(
            _(
                "Rate every statement before submitting: %(count)d still have no rating.",
                count=len(missing),
            )
        )
    now = utcnow()
    _bump(ret, version, by, state="submitted", submitted_at=now, submitted_by_id=by.id)
    audit("audit_return.submit", "audit_return", ret.id, commit=False, user_id=by.id)
    db.session.commit()
    db.session.refresh(ret)


def _question(ret: AuditReturn, question_id: str) -> Question:
    for q in rated_questions(ret):
        if q.id == question_id:
            return q
    raise ReturnError(_("Choose a statement of this return."))


def _settle_state(ret: AuditReturn) -> None:
    """challenged while a challenged statement has no agreed rating; agreed when every
    statement has one; otherwise submitted."""
    agreed = {r.question_id for r in ret.ratings if r.agreed_rating}
    challenged = {c.question_id for c in ret.comments if c.kind == "challenge"}
    if challenged - agreed:
        ret.state = "challenged"
    elif {q.id for q in rated_questions(ret)} <= agreed:
        ret.state = "agreed"
    else:
        ret.state = "submitted"


def add_comment(ret: AuditReturn, question_id: str, body: str, by: User, kind: str) -> None:
    """A moderator's challenge (kind "challenge") or a reply on one statement's thread.

    The caller has checked that `by` may see the return; a challenge needs a moderator.
    """
    if ret.state == "draft":
        raise ReturnError(_("A return can be discussed once it is submitted."))
    if kind == "challenge" and by.role not in ("admin", "moderator"):
        raise ReturnError(_("Only moderators challenge a rating."))
    _question(ret, question_id)
    text = _text(body, _("The comment"))
    if not text:
        raise ReturnError(_("Write the comment before sending it."))
    comment = AuditComment(
        return_id=ret.id, question_id=question_id, kind=kind, author_id=by.id, body=text
    )
    db.session.add(comment)
    ret.comments.append(comment)
    if kind == "challenge":
        # A new challenge reopens a statement that was agreed.
        _rating(ret, question_id).agreed_rating = None
    _settle_state(ret)
    db.session.flush()
    audit(
        f"audit_return.{kind}",
        "audit_return",
        ret.id,
        commit=False,
        user_id=by.id,
        question=question_id,
    )
    db.session.commit()


def agree_rating(ret: AuditReturn, question_id: str, rating: str, by: User) -> None:
    """Record the rating moderators and agency agreed for one statement."""
    if ret.state == "draft":
        raise ReturnError(_("A rating is agreed once the return is submitted."))
    q = _question(ret, question_id)
    if rating not in {c.value for c in q.choices}:
        raise ReturnError(
            _("'%(rating)s' is not a rating on this statement's scale.", rating=rating)
        )
    row = _rating(ret, question_id)
    row.agreed_rating, row.agreed_by_id, row.agreed_at = rating, by.id, utcnow()
    _settle_state(ret)
    audit(
        "audit_return.agree",
        "audit_return",
        ret.id,
        commit=False,
        user_id=by.id,
        question=question_id,
        rating=rating,
    )
    db.session.commit()


def agree_unchallenged(ret: AuditReturn, by: User) -> int:
    """Take the agency's own rating as agreed on every statement nobody challenged and
    that has no agreed rating yet; returns how many. Challenged ones wait for a decision."""
    if ret.state == "draft":
        raise ReturnError(_("A rating is agreed once the return is submitted."))
    challenged = {c.question_id for c in ret.comments if c.kind == "challenge"}
    now = utcnow()
    count = 0
    for row in ret.ratings:
        if row.rating and not row.agreed_rating and row.question_id not in challenged:
            row.agreed_rating, row.agreed_by_id, row.agreed_at = row.rating, by.id, now
            count += 1
    _settle_state(ret)
    audit(
        "audit_return.agree_unchallenged",
        "audit_return",
        ret.id,
        commit=False,
        user_id=by.id,
        statements=count,
    )
    db.session.commit()
    return count
