"""Surveys, their immutable versions, campaigns and training course runs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.extensions import Model
from feedback.models._time import utcnow
from forms.schema import Definition

_DEFINITIONS: dict[str, Definition] = {}


def parsed_definition(sha256: str, load: Callable[[], dict[str, Any]]) -> Definition:
    """The parsed definition with content hash `sha256`; `load` reads its JSON on a miss.

    A version never changes, so its parsed definition is shared by every request of this
    process (keyed by the content hash, which a new version always changes).
    """
    cached = _DEFINITIONS.get(sha256)
    if cached is None:
        cached = Definition.from_dict(load())
        if len(_DEFINITIONS) > 512:
            _DEFINITIONS.clear()
        _DEFINITIONS[sha256] = cached
    return cached


class Survey(Model):
    __tablename__ = "survey"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    audience: Mapped[str] = mapped_column(String(20))
    is_open: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: the version new respondents answer; older versions stay for their responses
    current_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("survey_version.id", use_alter=True, ondelete="SET NULL")
    )

    current_version: Mapped[SurveyVersion | None] = relationship(
        foreign_keys=[current_version_id], post_update=True
    )
    versions: Mapped[list[SurveyVersion]] = relationship(
        back_populates="survey",
        foreign_keys="SurveyVersion.survey_id",
        order_by="SurveyVersion.number",
    )
    campaigns: Mapped[list[Campaign]] = relationship(back_populates="survey")

    @property
    def live_version(self) -> SurveyVersion:
        """The current version, where the lookup that found this survey required one.

        Respondents, staff pages and demo data only reach surveys that were loaded (see
        services.survey_lookup and respond's campaign lookup); a survey without a version
        there is a bug, said here rather than as an AttributeError on None further on.
        """
        if self.current_version is None:
            raise LookupError(f"survey {self.slug!r} has no current version")
        return self.current_version


class SurveyVersion(Model):
    """One loaded definition, never changed: responses point at the version they answered."""

    __tablename__ = "survey_version"
    __table_args__ = (UniqueConstraint("survey_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"))
    number: Mapped[int]
    #: sha256 of the canonical definition JSON; loading the same definition twice is a no-op
    sha256: Mapped[str] = mapped_column(String(64))
    #: Deferred: every survey request loads its version, and parsing this JSON again each
    #: time was wasted work (the parsed definition is cached by sha256, below); it is read
    #: only when this process has not parsed the version yet.
    definition_json: Mapped[dict[str, Any]] = mapped_column(JSON, deferred=True)
    source: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    survey: Mapped[Survey] = relationship(back_populates="versions", foreign_keys=[survey_id])

    @property
    def definition(self) -> Definition:
        return parsed_definition(self.sha256, lambda: self.definition_json)


class CourseRun(Model):
    """One delivery of a training course, evaluated before, after and later."""

    __tablename__ = "course_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    run_date: Mapped[date]
    trainer: Mapped[str] = mapped_column(String(200))
    cohort_size: Mapped[int]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Campaign(Model):
    """A way in to a survey: a link, a QR code, optional dates and access code."""

    __tablename__ = "campaign"

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"))
    #: the public path is /s/<slug>
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    #: the service or agency the respondents met (a breakdown in analysis)
    service: Mapped[str | None] = mapped_column(String(200))
    opens_at: Mapped[datetime | None]
    closes_at: Mapped[datetime | None]
    access_code_hash: Mapped[str | None] = mapped_column(String(256))
    kiosk: Mapped[bool] = mapped_column(default=False)
    course_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("course_run.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    survey: Mapped[Survey] = relationship(back_populates="campaigns")

    def is_open(self, now: datetime) -> bool:
        if not self.survey.is_open:
            return False
        if self.opens_at and now < self.opens_at:
            return False
        return not (self.closes_at and now >= self.closes_at)
