"""The result of analysing one free-text answer, computed once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.extensions import Model
from feedback.models._time import utcnow


class TextAnalysis(Model):
    __tablename__ = "text_analysis"

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answer.id", ondelete="CASCADE"), unique=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("response.id", ondelete="CASCADE"), index=True
    )
    language: Mapped[str] = mapped_column(String(10))
    #: False where the text is not English: sentiment is then not computed
    english_analysed: Mapped[bool] = mapped_column(default=True)
    sentiment: Mapped[str] = mapped_column(String(10))
    polarity: Mapped[float]
    concern: Mapped[bool] = mapped_column(default=False)
    concern_categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: the learned model's calibrated 0-1 concern score (orders a lead's reading list)
    concern_score: Mapped[float | None]
    #: the text with names, contacts and places removed: the only form excerpts use
    redacted: Mapped[str] = mapped_column(Text)
    analysed_at: Mapped[datetime] = mapped_column(default=utcnow)

    themes: Mapped[list[TextTheme]] = relationship(
        back_populates="analysis", cascade="all, delete-orphan", passive_deletes=True
    )


class TextTheme(Model):
    """One theme found in (or given by a person to) a text: long format for GROUP BY."""

    __tablename__ = "text_theme"
    __table_args__ = (Index("ix_text_theme_theme", "theme"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    analysis_id: Mapped[int] = mapped_column(
        ForeignKey("text_analysis.id", ondelete="CASCADE"), index=True
    )
    theme: Mapped[str] = mapped_column(String(64))
    #: positive | negative | neutral, for this theme in this text
    sentiment: Mapped[str] = mapped_column(String(10))
    #: "auto" from the analyser, "human" once a facilitator confirmed or changed it
    source: Mapped[str] = mapped_column(String(10), default="auto")

    analysis: Mapped[TextAnalysis] = relationship(back_populates="themes")
