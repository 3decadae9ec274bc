"""A lead's decision on one text of the reading list: read with no concern, or an alert."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from feedback.extensions import Model
from feedback.models._time import utcnow

#: "no_concern": read, nothing to do; "alert": the lead raised an alert on it
DECISIONS = ("no_concern", "alert")


class ReadingDecision(Model):
    """One per free-text answer: a second decision on the same text is refused."""

    __tablename__ = "reading_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answer.id", ondelete="CASCADE"), unique=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("response.id", ondelete="CASCADE"), index=True
    )
    #: one of DECISIONS
    decision: Mapped[str] = mapped_column(String(12))
    #: the alert the lead raised, for decision "alert"
    alert_id: Mapped[int | None] = mapped_column(
        ForeignKey("concern_alert.id", ondelete="SET NULL")
    )
    #: who decided: every decision is signed
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    #: True when made with "Mark these N as read" rather than item by item
    bulk: Mapped[bool] = mapped_column(default=False)
