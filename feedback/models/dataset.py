"""The partnership's evidence definitions (priorities, indicators) and the dataset's figures."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from feedback.extensions import Model
from feedback.models._time import utcnow

#: the kinds of definition an admin may upload: forms/priorities.py, forms/indicators.py
DEFINITION_KINDS = ("priorities", "indicators")


class EvidenceDefinition(Model):
    """One uploaded version of the priorities or the indicators file.

    The newest version of a kind is the one in use; with none uploaded, the bundled file
    in forms/library is. Versions are never edited, so the history stays readable.
    """

    __tablename__ = "evidence_definition"
    __table_args__ = (
        UniqueConstraint("kind", "number", name="uq_evidence_definition_kind_number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: one of DEFINITION_KINDS
    kind: Mapped[str] = mapped_column(String(20))
    #: 1, 2, 3... per kind
    number: Mapped[int]
    #: the YAML as uploaded (validated before it was stored)
    source: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class IndicatorValue(Model):
    """One indicator's figure for one period, as the last import gave it."""

    __tablename__ = "indicator_value"
    __table_args__ = (
        UniqueConstraint("indicator", "period", name="uq_indicator_value_indicator_period"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the indicator's id in the indicators definition
    indicator: Mapped[str] = mapped_column(String(60), index=True)
    #: a period label (analysis.periods), never "all"
    period: Mapped[str] = mapped_column(String(16))
    value: Mapped[float]
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    imported_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
