"""Loading survey definitions into immutable versions."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TypedDict

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import Campaign, Response, Survey, SurveyVersion
from feedback.services.surveys.lookup import UnknownSurvey, find_survey
from feedback.services.surveys.slugs import survey_slug_problem
from forms.loader import DefinitionError, library_paths, load_definition
from forms.schema import Definition


class SlugTaken(DefinitionError):
    """The survey's link, /s/<slug>, is a campaign's of another survey."""


@dataclass(frozen=True)
class LoadResult:
    survey: Survey
    version: SurveyVersion
    created: bool  # False when the same definition was already the current version


def definition_sha256(definition: Definition) -> str:
    canonical = json.dumps(definition.to_dict(), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def load_survey(definition: Definition, source: str | None = None) -> LoadResult:
    """Store `definition` as a new version of its survey, unless it is unchanged.

    A new survey also gets a default campaign whose link is /s/<slug>. Raises SlugTaken
    (a DefinitionError) when a campaign of another survey already has that link, and a
    DefinitionError for an audit definition, which is never a public survey.
    """
    if definition.kind == "audit":
        # An audit return names its agency; as a survey it would get a public link and
        # outcome statements. Audits are opened as rounds (Audits, or `heard demo`).
        raise DefinitionError(
            [
                f"{definition.slug}: an audit (kind: audit) is not a survey: open it as an "
                "audit round instead"
            ]
        )
    problem = survey_slug_problem(definition.slug)
    if problem:  # before any write: a clear message, not a UNIQUE violation
        raise SlugTaken([problem])
    digest = definition_sha256(definition)
    survey = find_survey(definition.slug)
    if survey is None:
        survey = Survey(slug=definition.slug, title=definition.title, audience=definition.audience)
        db.session.add(survey)
        db.session.flush()
        db.session.add(Campaign(survey=survey, slug=definition.slug, name=definition.title))
    current = survey.current_version
    if current is not None and current.sha256 == digest:
        return LoadResult(survey, current, created=False)
    number = (
        db.session.scalar(
            select(func.max(SurveyVersion.number)).where(SurveyVersion.survey_id == survey.id)
        )
        or 0
    ) + 1
    version = SurveyVersion(
        survey_id=survey.id,
        number=number,
        sha256=digest,
        definition_json=definition.to_dict(),
        source=source,
    )
    db.session.add(version)
    db.session.flush()
    survey.current_version_id = version.id
    survey.title = definition.title
    survey.audience = definition.audience
    db.session.commit()
    return LoadResult(survey, version, created=True)


def load_library() -> list[Survey]:
    """Load every bundled definition in forms/library (a no-op for those already current)."""
    return [load_survey(load_definition(p), source=p.name).survey for p in library_paths()]


def bundled_survey(slug: str) -> Survey:
    """The bundled survey `slug`, loaded from forms/library first if it is not there yet.

    The focus-group and training surveys are needed before anyone has loaded the library
    on a fresh install. Raises UnknownSurvey when the library has no such survey.
    """
    survey = find_survey(slug)
    if survey is not None and survey.current_version is not None:
        return survey
    for path in library_paths():
        if path.stem == slug:
            return load_survey(load_definition(path), source=path.name).survey
    raise UnknownSurvey(f"no bundled survey called {slug!r}")


class SurveySummary(TypedDict):
    slug: str
    title: str
    audience: str
    version: int | None  # None: not loaded
    responses: int


def survey_summaries() -> list[SurveySummary]:
    """The `heard surveys list` rows: slug, title, audience, version, responses."""
    counts = (
        select(Response.survey_id, func.count(Response.id).label("n"))
        .group_by(Response.survey_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Survey.slug, Survey.title, Survey.audience, SurveyVersion.number, counts.c.n)
        .join(SurveyVersion, Survey.current_version_id == SurveyVersion.id, isouter=True)
        .join(counts, counts.c.survey_id == Survey.id, isouter=True)
        .order_by(Survey.slug)
    )
    return [
        {"slug": s, "title": t, "audience": a, "version": v, "responses": n or 0}
        for s, t, a, v, n in rows
    ]


def version_by_id(version_id: int) -> SurveyVersion | None:
    """The survey version with this id, or None."""
    return db.session.get(SurveyVersion, version_id)


def response_definition(response: Response) -> Definition:
    """The definition of the survey version `response` answered (it always has one)."""
    return db.session.get_one(SurveyVersion, response.version_id).definition
