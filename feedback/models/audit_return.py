"""An agency's return to an audit round: its ratings, evidence and the challenge thread.

Ratings are long-format rows (one per question) so results are aggregated in SQL, as
survey answers are. A return is identified (it names its agency): it is never a survey
Response, and none of the anonymous surveys' machinery (outcomes, alerts, withdrawal,
survey retention) reads it.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.extensions import Model
from feedback.models._time import utcnow

if TYPE_CHECKING:  # SQLAlchemy finds these by name in its registry; mypy needs them here
    from feedback.models.agency import Agency
    from feedback.models.audit_round import AuditCase, AuditRound
    from feedback.models.user import User

#: draft: the agency is still writing it; submitted: its lead sent it; challenged: a
#: moderator questioned a rating and no agreed rating settles it yet; agreed: every
#: rating has an agreed one. "Overdue" is a draft after the round's deadline (not stored).
RETURN_STATES = ("draft", "submitted", "challenged", "agreed")
#: A comment on one standard: a moderator's challenge, or the agency's (or anyone's) reply.
COMMENT_KINDS = ("challenge", "reply")


class AuditReturn(Model):
    __tablename__ = "audit_return"
    __table_args__ = (UniqueConstraint("round_id", "agency_id", "case_id", name="uq_audit_return"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("audit_round.id"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), index=True)
    #: the case graded (case audits only)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("audit_case.id"))
    #: one of RETURN_STATES
    state: Mapped[str] = mapped_column(String(20), default="draft")
    #: bumped by every save: a save made from an older version is refused, so two
    #: editors never silently overwrite each other
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    submitted_at: Mapped[datetime | None]
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    round: Mapped[AuditRound] = relationship(back_populates="returns")
    agency: Mapped[Agency] = relationship()
    case: Mapped[AuditCase | None] = relationship()
    ratings: Mapped[list[AuditRating]] = relationship(
        back_populates="audit_return", order_by="AuditRating.id"
    )
    comments: Mapped[list[AuditComment]] = relationship(order_by="AuditComment.id")


class AuditRating(Model):
    """The agency's answer to one question, and the rating the moderators agreed."""

    __tablename__ = "audit_rating"
    __table_args__ = (UniqueConstraint("return_id", "question_id", name="uq_audit_rating"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("audit_return.id"), index=True)
    question_id: Mapped[str] = mapped_column(String(64))
    #: a choice value of the question's scale (red/amber/green or the four grades)
    rating: Mapped[str | None] = mapped_column(String(32))
    evidence: Mapped[str | None] = mapped_column(Text)
    #: what the agency commits to do (RAG questions)
    actions: Mapped[str | None] = mapped_column(Text)
    agreed_rating: Mapped[str | None] = mapped_column(String(32))
    agreed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    agreed_at: Mapped[datetime | None]

    audit_return: Mapped[AuditReturn] = relationship(back_populates="ratings")


class AuditComment(Model):
    """One message of the thread on one standard of a return."""

    __tablename__ = "audit_comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("audit_return.id"), index=True)
    question_id: Mapped[str] = mapped_column(String(64))
    #: one of COMMENT_KINDS
    kind: Mapped[str] = mapped_column(String(20))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    author: Mapped[User] = relationship()
