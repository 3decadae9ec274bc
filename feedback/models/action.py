"""Actions the partnership takes on its evidence, and their updates."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.extensions import Model
from feedback.models._time import utcnow
from feedback.models.agency import Agency

#: what an action answers: the framework's sources of evidence
SOURCES = ("theme", "outcome", "audit_standard", "audit_finding", "case_review", "indicator")
STATUSES = ("planned", "in_progress", "done", "dropped")
#: a status after which an action is no longer followed up (nor overdue)
CLOSED = ("done", "dropped")


class Action(Model):
    """One action of a plan, followed up until it is done or dropped."""

    __tablename__ = "action"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    #: the agency that owns it; its agency leads may update it
    owner_agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), index=True)
    #: the person who owns it, by name and role (they may have no account in Heard)
    owner_person: Mapped[str] = mapped_column(String(120))
    due: Mapped[date]
    #: one of SOURCES
    source_kind: Mapped[str] = mapped_column(String(20))
    #: the id of the theme, outcome, standard or indicator; a review's or finding's name
    source_ref: Mapped[str] = mapped_column(String(120), index=True)
    #: the priority it serves (an id from the priorities definition), if any
    priority: Mapped[str | None] = mapped_column(String(60), index=True)
    #: one of STATUSES
    status: Mapped[str] = mapped_column(String(20), default="planned")
    #: why it was dropped (required when status is dropped)
    dropped_reason: Mapped[str | None] = mapped_column(Text)
    #: shown on the public "you said, we did" pages of surveys of `public_audience`
    published: Mapped[bool] = mapped_column(default=False)
    #: the wording the public reads: plain words, no names
    public_text: Mapped[str | None] = mapped_column(Text)
    #: the voice that is told (child, parent_carer, staff, community)
    public_audience: Mapped[str | None] = mapped_column(String(20))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    owner_agency: Mapped[Agency] = relationship()
    updates: Mapped[list[ActionUpdate]] = relationship(
        back_populates="action", order_by="ActionUpdate.at", cascade="all, delete-orphan"
    )

    def overdue(self, today: date) -> bool:
        """Past its due date and neither done nor dropped."""
        return self.status not in CLOSED and self.due < today


class ActionUpdate(Model):
    """A note on an action's progress, with the evidence for it and any change of status."""

    __tablename__ = "action_update"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    #: the status this update set, when it changed it
    status: Mapped[str | None] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    #: what shows it happened: a document's name or a link, as plain text
    evidence: Mapped[str | None] = mapped_column(Text)

    action: Mapped[Action] = relationship(back_populates="updates")
