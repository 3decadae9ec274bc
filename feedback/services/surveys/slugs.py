"""One namespace for public links: a survey's slug and every campaign's slug are /s/<slug>.

A new survey gets a first campaign with its own slug, so a survey slug that a campaign
of another survey already used broke the UNIQUE constraint mid-load (a 500). Both sides
are checked up front instead: loading a survey, and creating or renaming a campaign.
The bundled library's slugs are kept for the bundled surveys even before they are
loaded, so a course campaign renamed by a trainer cannot block one.
"""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import Campaign, Survey
from feedback.services.surveys.lookup import bundled_slugs, find_survey


def survey_slug_problem(slug: str) -> str | None:
    """Why a survey with `slug` cannot be loaded, or None.

    Its link is free when no campaign uses it, or only campaigns of that same survey.
    """
    survey = find_survey(slug)
    survey_id = survey.id if survey else None
    row = db.session.execute(
        select(Campaign.name, Survey.title)
        .join(Survey, Survey.id == Campaign.survey_id)
        .where(Campaign.slug == slug, Campaign.survey_id != (survey_id or -1))
    ).first()
    if row is None:
        return None
    return _(
        "The link /s/%(slug)s is already used by the campaign “%(campaign)s” of the survey "
        "“%(survey)s”. Give this survey another slug, or change that campaign's link name "
        "first.",
        slug=slug,
        campaign=row.name,
        survey=row.title,
    )


def campaign_slug_problem(slug: str, survey_id: int, campaign_id: int | None) -> str | None:
    """Why a campaign of survey `survey_id` cannot use `slug`, or None."""
    taken = select(Campaign.id).where(Campaign.slug == slug)
    if campaign_id is not None:
        taken = taken.where(Campaign.id != campaign_id)
    if db.session.scalar(taken) is not None:
        return _("Another campaign already uses that link name")
    owner = find_survey(slug)
    if owner is not None and owner.id != survey_id:
        return _("That link name belongs to the survey “%(survey)s”", survey=owner.title)
    if owner is None and slug in bundled_slugs():
        return _("That link name is kept for the bundled survey %(slug)s", slug=slug)
    return None
