"""Surveys are found by slug in one place, with one behaviour for every caller."""

from __future__ import annotations

import pytest
from flask import Flask

from feedback.models import Survey
from feedback.services.surveys.lookup import UnknownSurvey, survey_by_slug, surveys_by_slug
from feedback.services.surveys.versions import bundled_survey
from tests.feedback.staff_helpers import signed_in


def test_surveys_come_in_the_order_asked_and_every_missing_slug_is_named(
    library_loaded: Flask,
) -> None:
    with library_loaded.app_context():
        found = surveys_by_slug(["staff-survey", "children-8-11", "staff-survey"])
        assert [s.slug for s in found] == ["staff-survey", "children-8-11"]
        every = [s.slug for s in surveys_by_slug()]
        assert every == sorted(every) and "children-8-11" in every
        with pytest.raises(UnknownSurvey, match=r"'nope'.*'gone'"):
            surveys_by_slug(["children-8-11", "nope", "gone"])
        with pytest.raises(LookupError):  # callers that catch LookupError still do
            survey_by_slug("nope")


def test_a_bundled_survey_is_loaded_on_first_use(app: Flask) -> None:
    with app.app_context():
        with pytest.raises(UnknownSurvey):
            survey_by_slug("focus-group")
        assert bundled_survey("focus-group").current_version is not None
        assert survey_by_slug("focus-group").slug == "focus-group"
        with pytest.raises(UnknownSurvey):
            bundled_survey("not-in-the-library")


def test_live_version_is_the_current_one_and_names_a_survey_without_one(app: Flask) -> None:
    with app.app_context():
        loaded = bundled_survey("focus-group")
        assert loaded.live_version is loaded.current_version is not None
        assert loaded.live_version.definition.title
        never_loaded = Survey(slug="half-made", title="Half made", audience="adult")
        with pytest.raises(LookupError, match="'half-made' has no current version"):
            never_loaded.live_version  # noqa: B018 (the property raises)


def test_an_unknown_slug_is_a_404_on_every_staff_page(library_loaded: Flask) -> None:
    admin = signed_in(library_loaded, "admin")
    for path in (
        "/admin/surveys/nope",
        "/analyse/surveys/nope",
        "/analyse/surveys/nope/export",
        "/analyse/surveys/nope/charts/themes.svg",
        "/facilitate/paper/nope",
        "/api/surveys/nope/outcomes",
    ):
        assert admin.get(path).status_code == 404, path
