"""Responses and their long-format answers."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.extensions import Model
from feedback.models._time import utcnow

MODES = ("online", "paper", "facilitated")


class Response(Model):
    """One completed survey. Holds no IP address, user agent or cookie identifier."""

    __tablename__ = "response"
    __table_args__ = (Index("ix_response_survey_submitted", "survey_id", "submitted_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"))
    version_id: Mapped[int] = mapped_column(ForeignKey("survey_version.id", ondelete="CASCADE"))
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaign.id", ondelete="SET NULL"), index=True
    )
    #: copied from the definition so analysis can group without reading JSON
    audience: Mapped[str] = mapped_column(String(20))
    age_band: Mapped[str | None] = mapped_column(String(20))
    language: Mapped[str] = mapped_column(String(10), default="en")
    #: online | paper | facilitated
    mode: Mapped[str] = mapped_column(String(12), default="online")
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: the date written on a paper questionnaire, when it differs from submitted_at
    completed_on: Mapped[date | None]
    #: nobody | parent_carer | worker | facilitator (the completed_with_help question)
    completed_with_help: Mapped[str | None] = mapped_column(String(20))
    #: the answer to consent_to_quote; None where the survey does not ask
    consent_to_quote: Mapped[bool | None]
    #: hashed anonymous code pairing pre- and post-course answers
    pairing_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    #: sha256 of a receipt code shown on the thank-you page, for withdrawal
    receipt_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    answers: Mapped[list[Answer]] = relationship(
        back_populates="response", cascade="all, delete-orphan", passive_deletes=True
    )


class Answer(Model):
    """One value given to one question; a multi-choice answer is one row per choice."""

    __tablename__ = "answer"
    # No index on (question_id, value): free text can exceed PostgreSQL's index entry
    # limit. The partial indexes in outcome_indexes.py cover the short choice values.

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("response.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(Text)
    number_value: Mapped[float | None]

    response: Mapped[Response] = relationship(back_populates="answers")


class SubmissionToken(Model):
    """The one-time token of a rendered survey: a retry of the same form stores nothing.

    It outlives its response: after a withdrawal, a browser's "resubmit" of the final
    page must not store the answers again (and raise a second alert).
    """

    __tablename__ = "submission_token"

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    #: None once the response was withdrawn or passed its retention period
    response_id: Mapped[int | None] = mapped_column(ForeignKey("response.id", ondelete="SET NULL"))
    used_at: Mapped[datetime] = mapped_column(default=utcnow)
