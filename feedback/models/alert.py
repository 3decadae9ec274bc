"""Safeguarding concern alerts and the notes a lead records on them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from feedback.extensions import Model
from feedback.models._time import utcnow

STATES = ("new", "in_review", "actioned", "no_further_action")
CLOSED_STATES = ("actioned", "no_further_action")
#: why an alert's response is no longer there
REMOVED_REASONS = ("withdrawn", "retention")
#: where an alert came from: the analyser at submission, a lead's reading list, a colleague
SOURCES = ("analyser", "reading", "staff")


class ConcernAlert(Model):
    """A possible safeguarding concern about one response: a record that outlives it.

    When the response goes (the respondent withdraws, or its retention period ends) the
    alert stays, keeping what was written in `record`
    (feedback.services.safeguarding.alert_records); closed alerts have their own retention
    period (HEARD_ALERT_RETENTION_DAYS).
    """

    __tablename__ = "concern_alert"
    # AUTOINCREMENT: SQLite would otherwise give a deleted alert's id to the next one,
    # and an old e-mail link or audit row would then open another child's alert.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    #: None once the response has gone (see `record`)
    response_id: Mapped[int | None] = mapped_column(
        ForeignKey("response.id", ondelete="SET NULL"), index=True
    )
    answer_id: Mapped[int | None] = mapped_column(
        ForeignKey("answer.id", ondelete="SET NULL"), index=True
    )
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"))
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: the words that made the analyser flag the text: the "why"
    matches: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: the learned model's calibrated 0-1 concern score when the alert was raised
    score: Mapped[float | None]
    #: the words that weighed most in the learned model's decision
    model_words: Mapped[list[str] | None] = mapped_column(JSON)
    #: 1 possible, 2 likely, 3 urgent
    level: Mapped[int] = mapped_column(default=1)
    state: Mapped[str] = mapped_column(String(20), default="new", index=True)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    notified_at: Mapped[datetime | None]
    #: contact details the respondent chose to give, encrypted (Fernet)
    contact_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary)
    #: when a lead last closed it (actioned or no further action); None while open
    closed_at: Mapped[datetime | None]
    #: when the response went, and why (one of REMOVED_REASONS)
    response_removed_at: Mapped[datetime | None]
    response_removed_reason: Mapped[str | None] = mapped_column(String(20))
    #: what the response said and where it came from, kept when the response went:
    #: {"texts": [{"question", "text", "flagged"}], "submitted_at", "campaign", ...}
    record: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    #: one of SOURCES
    source: Mapped[str] = mapped_column(String(12), default="analyser", server_default="analyser")
    #: the lead or colleague who raised it (None when the analyser did)
    raised_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    notes: Mapped[list[AlertNote]] = relationship(
        back_populates="alert", cascade="all, delete-orphan", order_by="AlertNote.at"
    )

    @validates("state")
    def _track_closing(self, _key: str, state: str) -> str:
        # Set here, whoever closes the alert: a closed alert's retention runs from this.
        if state in CLOSED_STATES:
            if self.state not in CLOSED_STATES or self.closed_at is None:
                self.closed_at = utcnow()
        else:
            self.closed_at = None
        return state


class AlertNote(Model):
    __tablename__ = "alert_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    alert_id: Mapped[int] = mapped_column(
        ForeignKey("concern_alert.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    text: Mapped[str] = mapped_column(Text)
    #: the state the alert moved to with this note, if it moved
    new_state: Mapped[str | None] = mapped_column(String(20))

    alert: Mapped[ConcernAlert] = relationship(back_populates="notes")
