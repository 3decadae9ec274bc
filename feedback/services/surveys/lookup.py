"""Finding surveys by slug: the one place that turns a slug into a Survey.

A survey "exists" for every page, command and export once it has a loaded definition
(a current version); a row without one is half-made and is treated as unknown. Callers
turn UnknownSurvey into their own answer (a 404, a JSON error, a command error).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from sqlalchemy import select

from feedback.extensions import db
from feedback.models import Survey
from forms.loader import library_paths


class UnknownSurvey(LookupError):
    """No survey has this slug (or it has no definition loaded)."""


def find_survey(slug: str) -> Survey | None:
    """The survey row with `slug`, loaded or not (for load_survey and the link namespace)."""
    return db.session.scalar(select(Survey).where(Survey.slug == slug))


def survey_by_slug(slug: str) -> Survey:
    """The loaded survey with `slug`; raises UnknownSurvey."""
    survey = find_survey(slug)
    if survey is None or survey.current_version is None:
        raise UnknownSurvey(f"no survey called {slug!r}")
    return survey


def surveys_by_slug(slugs: Sequence[str] | None = None) -> list[Survey]:
    """The loaded surveys named by `slugs`, in that order (every one, by slug, when empty).

    Raises UnknownSurvey naming every slug that is not a loaded survey.
    """
    query = select(Survey).where(Survey.current_version_id.is_not(None)).order_by(Survey.slug)
    if not slugs:
        return list(db.session.scalars(query))
    found = {s.slug: s for s in db.session.scalars(query.where(Survey.slug.in_(list(slugs))))}
    missing = [slug for slug in dict.fromkeys(slugs) if slug not in found]
    if missing:
        raise UnknownSurvey(f"no survey called {', '.join(map(repr, missing))}")
    return [found[slug] for slug in dict.fromkeys(slugs)]


@lru_cache(maxsize=1)
def bundled_slugs() -> frozenset[str]:
    """Slugs of the bundled surveys (forms/library/<slug>.yaml)."""
    return frozenset(path.stem for path in library_paths())


def survey_by_id(survey_id: int) -> Survey | None:
    """The survey with this id, or None."""
    return db.session.get(Survey, survey_id)


def surveys_by_title() -> list[Survey]:
    """Every survey, loaded or not, by title (for choosing one from a list)."""
    return list(db.session.scalars(select(Survey).order_by(Survey.title)))


def titles_by_id(ids: set[int]) -> dict[int, str]:
    """Title by survey id for `ids`."""
    if not ids:
        return {}
    rows = db.session.execute(select(Survey.id, Survey.title).where(Survey.id.in_(ids)))
    return {survey_id: title for survey_id, title in rows}
