"""Audit rounds (issue 16): a Section 11 self-assessment or a multi-agency case audit.

Not to be confused with the audit *log* (models.audit.AuditEvent): a round asks partner
agencies to assess themselves against a definition, and holds a copy of that definition
so later edits to the file never change what a round asked.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.extensions import Model
from feedback.models._time import utcnow
from forms.schema import Definition

if TYPE_CHECKING:  # SQLAlchemy finds it by name in its registry; mypy needs it here
    from feedback.models.audit_return import AuditReturn

#: What a round is: agencies rating themselves against standards, or a panel of agencies
#: grading a set of cases on a theme.
ROUND_KINDS = ("section11", "case_audit")


class AuditRound(Model):
    __tablename__ = "audit_round"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: one of ROUND_KINDS
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    #: a case audit's theme, such as "Neglect"
    theme: Mapped[str | None] = mapped_column(String(120))
    #: the last day returns are due (Europe/London); a draft is overdue after it
    deadline: Mapped[date]
    #: the audit definition as asked (forms.schema.Definition.to_dict), and its sha256
    definition_json: Mapped[dict[str, Any]] = mapped_column(JSON)
    definition_sha256: Mapped[str] = mapped_column(String(64))
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: when moderators published the partnership-wide results to the agencies asked
    published_at: Mapped[datetime | None]

    returns: Mapped[list[AuditReturn]] = relationship(
        back_populates="round", order_by="AuditReturn.id"
    )
    cases: Mapped[list[AuditCase]] = relationship(
        back_populates="round", order_by="AuditCase.reference"
    )

    @property
    def definition(self) -> Definition:
        return Definition.from_dict(self.definition_json)


class AuditCase(Model):
    """One case of a case audit, known only by the partnership's reference for it."""

    __tablename__ = "audit_case"
    __table_args__ = (UniqueConstraint("round_id", "reference", name="uq_audit_case_ref"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("audit_round.id"))
    #: the partnership's reference (never a name, a date of birth or an NHS number)
    reference: Mapped[str] = mapped_column(String(40))
    #: what the panel found, and the learning points it drew (staff text, no child's words)
    findings: Mapped[str | None] = mapped_column(Text)
    learning: Mapped[str | None] = mapped_column(Text)
    panel_done_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    round: Mapped[AuditRound] = relationship(back_populates="cases")
    grades: Mapped[list[AuditCaseGrade]] = relationship(order_by="AuditCaseGrade.id")


class AuditCaseGrade(Model):
    """The grade a case audit's panel agreed for one case and one question."""

    __tablename__ = "audit_case_grade"
    __table_args__ = (UniqueConstraint("case_id", "question_id", name="uq_audit_case_grade"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("audit_case.id"), index=True)
    question_id: Mapped[str] = mapped_column(String(64))
    #: a choice value of the question's scale (the four grades)
    grade: Mapped[str] = mapped_column(String(32))
