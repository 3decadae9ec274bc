"""Focus-group sessions: what a session record needs beyond its Response and Answers.

A session is a Response of the bundled focus-group survey (mode "facilitated"), so every
analysis reads it like any other voice. Two things answers cannot say cleanly live here:
who facilitated and whether the themes were reviewed by a person, and, for each verbatim
quote, whether the person quoted agreed and which prompt it answered.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.extensions import Model
from feedback.models._time import utcnow
from feedback.models.response import Answer, Response


class FocusSession(Model):
    """One focus-group session; its answers live on `response`."""

    __tablename__ = "focus_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("response.id", ondelete="CASCADE"), unique=True
    )
    #: who ran the session (may differ from the member of staff who typed it up)
    facilitator: Mapped[str] = mapped_column(String(200))
    #: set when a person confirmed or changed the suggested themes
    themes_reviewed_at: Mapped[datetime | None]
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    response: Mapped[Response] = relationship()


class FocusQuote(Model):
    """A verbatim quote: its text is an Answer (question "quotes"), analysed like any text."""

    __tablename__ = "focus_quote"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("response.id", ondelete="CASCADE"), index=True
    )
    answer_id: Mapped[int] = mapped_column(ForeignKey("answer.id", ondelete="CASCADE"), unique=True)
    #: the prompt question id the quote was said under, when the facilitator knows
    prompt_id: Mapped[str | None] = mapped_column(String(64))
    #: the person quoted agreed that these words may be used without their name
    consent: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    answer: Mapped[Answer] = relationship()


class FocusDraft(Model):
    """A focus-group record half typed in, kept on the server ("Save and continue later").

    One per person: it holds the form as posted (notes may be long, so not in a cookie)
    until the session is saved or the draft discarded. Facilitators' own notes, never
    shown to anyone else.
    """

    __tablename__ = "focus_draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), unique=True)
    #: the posted form fields, name: [values] (the CSRF token left out)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
