"""Audit definitions an admin uploaded (issue 16), beside the bundled ones in
forms/library/audits. Each upload of a slug is a new version; earlier ones are kept, as a
round already opened holds its own copy (AuditRound.definition_json) anyway."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from feedback.extensions import Model
from feedback.models._time import utcnow
from forms.schema import Definition


class AuditDefinition(Model):
    __tablename__ = "audit_definition"
    __table_args__ = (UniqueConstraint("slug", "number", name="uq_audit_definition_slug_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100))
    #: 1, 2, ... per slug: a changed re-upload is a new version
    number: Mapped[int]
    #: the round it opens: one of models.audit_round.ROUND_KINDS
    round_kind: Mapped[str] = mapped_column(String(20))
    #: the validated definition (forms.schema.Definition.to_dict) and its sha256
    definition_json: Mapped[dict[str, Any]] = mapped_column(JSON)
    sha256: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(200))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def definition(self) -> Definition:
        return Definition.from_dict(self.definition_json)
