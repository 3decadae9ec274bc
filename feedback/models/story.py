"""What analysts write for the Board: the story behind the figures, per period."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.extensions import Model
from feedback.models._time import utcnow
from feedback.models.user import User


class StoryEntry(Model):
    """One heading of the analysts' story ("what is working", ...) for one period.

    A heading is written once per period and scope and then edited in place; every
    save is in the audit log, which keeps the history of who changed it.
    """

    __tablename__ = "story_entry"
    __table_args__ = (UniqueConstraint("period", "scope", "heading"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: a period label such as 2026-H1 (analysis.periods)
    period: Mapped[str] = mapped_column(String(16))
    #: "report" for the whole report, a voice (child, parent_carer, ...), or
    #: "priority-" and a priority's id
    scope: Mapped[str] = mapped_column(String(80))
    #: working, challenges or emerging: the framework's own headings
    heading: Mapped[str] = mapped_column(String(20))
    #: plain text, always escaped when shown; blank lines separate paragraphs
    text: Mapped[str] = mapped_column(Text)
    #: who wrote the text as it stands (None once their account is deleted)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

    author: Mapped[User | None] = relationship()
