"""Campaigns: the ways into a survey (a link, a QR code, dates, an access code, kiosk mode).

Access codes are stored hashed (werkzeug's generate_password_hash). Before hashing or
checking, a code is normalised: spaces and dashes removed, letters upper-cased, so
"ab12-cd34", "AB12 CD34" and "AB12CD34" are the same code on a poster or a slide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from feedback.extensions import db
from feedback.models import Campaign, Response, Survey
from feedback.services.audit import audit
from feedback.services.surveys.entry import LiveCampaign

#: A campaign slug is the last part of its public link /s/<slug>.
SLUG_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{1,78}[a-z0-9])$")
#: Letters and digits that cannot be mistaken for each other when read aloud or printed.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


class CampaignError(ValueError):
    """A campaign could not be saved; the message says why, for the person editing it."""


def normalise_code(code: str) -> str:
    """The form of an access code that is hashed and compared."""
    return re.sub(r"[\s-]+", "", code or "").upper()


def hash_access_code(code: str) -> str:
    return generate_password_hash(normalise_code(code))


def check_access_code(campaign: Campaign | LiveCampaign, code: str) -> bool:
    """Whether `code` opens `campaign`; a campaign without an access code is always open."""
    if not campaign.access_code_hash:
        return True
    normal = normalise_code(code)
    return bool(normal) and check_password_hash(campaign.access_code_hash, normal)


def format_code(raw: str) -> str:
    """Group an access code in fours for reading: ABCD-EFGH."""
    normal = normalise_code(raw)
    return "-".join(normal[i : i + 4] for i in range(0, len(normal), 4))


def slugify(text: str) -> str:
    """A lower-case, hyphenated slug from a campaign name (ASCII letters and digits)."""
    slug = re.sub(r"[^a-z0-9]+", "-", (text or "").lower()).strip("-")
    return slug[:60].strip("-") or "campaign"


def unique_slug(base: str, exclude_id: int | None = None) -> str:
    """`base`, or `base-2`, `base-3`... whichever no other campaign or survey uses."""
    from feedback.services.surveys.lookup import bundled_slugs, find_survey

    base = slugify(base)
    if len(base) < 3:
        base = f"{base}-campaign"
    candidate, n = base, 1
    while True:
        query = select(Campaign.id).where(Campaign.slug == candidate)
        if exclude_id is not None:
            query = query.where(Campaign.id != exclude_id)
        free = db.session.scalar(query) is None and candidate not in bundled_slugs()
        if free and find_survey(candidate) is None:
            return candidate
        n += 1
        candidate = f"{base}-{n}"


def day_start(day: date | None) -> datetime | None:
    """A campaign opens at the start of its first day (UTC)."""
    return datetime.combine(day, time.min) if day else None


def day_after(day: date | None) -> datetime | None:
    """A campaign closes at the end of its last day: the start of the day after."""
    return datetime.combine(day + timedelta(days=1), time.min) if day else None


def last_day(closes_at: datetime | None) -> date | None:
    """The last open day shown in forms, from the stored closing moment."""
    return (closes_at - timedelta(days=1)).date() if closes_at else None


@dataclass
class CampaignFields:
    """What a person edits about a campaign. `access_code` None keeps the current one."""

    name: str
    service: str | None = None
    slug: str | None = None
    opens_on: date | None = None
    closes_on: date | None = None
    access_code: str | None = None
    remove_access_code: bool = False
    kiosk: bool = False


def _apply(campaign: Campaign, fields: CampaignFields) -> None:
    name = (fields.name or "").strip()
    if not name:
        raise CampaignError(_l("Enter a name for the campaign"))
    if fields.opens_on and fields.closes_on and fields.closes_on < fields.opens_on:
        raise CampaignError(_l("The last day must be on or after the first day"))
    slug = (fields.slug or "").strip().lower()
    if slug:
        if not SLUG_PATTERN.match(slug):
            raise CampaignError(
                _l("The link name can use lower-case letters, digits and dashes (3 to 80)")
            )
        from feedback.services.surveys.slugs import campaign_slug_problem

        # no_autoflush: a campaign being edited must not be written before it is checked.
        with db.session.no_autoflush:
            problem = campaign_slug_problem(slug, campaign.survey_id, campaign.id)
        if problem:
            raise CampaignError(problem)
    else:
        slug = campaign.slug or unique_slug(name, exclude_id=campaign.id)
    campaign.slug = slug
    campaign.name = name[:200]
    campaign.service = (fields.service or "").strip()[:200] or None
    campaign.opens_at = day_start(fields.opens_on)
    campaign.closes_at = day_after(fields.closes_on)
    campaign.kiosk = bool(fields.kiosk)
    if fields.remove_access_code:
        campaign.access_code_hash = None
    elif fields.access_code and normalise_code(fields.access_code):
        if len(normalise_code(fields.access_code)) < 4:
            raise CampaignError(_l("An access code needs at least 4 letters or digits"))
        campaign.access_code_hash = hash_access_code(fields.access_code)


def create_campaign(
    survey: Survey,
    fields: CampaignFields,
    course_run_id: int | None = None,
    commit: bool = True,
    by_id: int | None = None,
) -> Campaign:
    """Add a campaign to `survey`; raises CampaignError with a message for the form.

    commit=False leaves the transaction (and its audit row) to the caller: a course run
    makes three campaigns and audits itself once. by_id: who made it (audit log).
    """
    campaign = Campaign(survey_id=survey.id, course_run_id=course_run_id)
    _apply(campaign, fields)
    db.session.add(campaign)
    if commit:
        db.session.flush()
        # In the change's own transaction: the log cannot miss a campaign, or hold one
        # that was never made.
        audit("campaign.create", "campaign", campaign.id, commit=False, user_id=by_id)
        db.session.commit()
    return campaign


def update_campaign(
    campaign: Campaign, fields: CampaignFields, by_id: int | None = None
) -> Campaign:
    """Change a campaign; its survey and course never change (responses point at it).

    by_id: who changed it, recorded in the audit log in the same transaction.
    """
    try:
        _apply(campaign, fields)
    except CampaignError:
        db.session.rollback()
        raise
    audit("campaign.update", "campaign", campaign.id, commit=False, user_id=by_id)
    db.session.commit()
    return campaign


def response_counts(campaign_ids: list[int] | None = None) -> dict[int, int]:
    """Responses per campaign id, counted in SQL."""
    query = (
        select(Response.campaign_id, func.count(Response.id))
        .where(Response.campaign_id.is_not(None))
        .group_by(Response.campaign_id)
    )
    if campaign_ids is not None:
        if not campaign_ids:
            return {}
        query = query.where(Response.campaign_id.in_(campaign_ids))
    return {cid: n for cid, n in db.session.execute(query) if cid is not None}


def list_campaigns(survey_id: int | None = None, courses_only: bool = False) -> list[Campaign]:
    """Campaigns, grouped by survey then newest first; optionally one survey or courses."""
    query = select(Campaign).join(Survey).order_by(Survey.title, Campaign.created_at.desc())
    if survey_id is not None:
        query = query.where(Campaign.survey_id == survey_id)
    if courses_only:
        query = query.where(Campaign.course_run_id.is_not(None))
    return list(db.session.scalars(query))


def minutes_to_answer(question_count: int) -> int:
    """A plain estimate for a poster: about four questions a minute, never under 2."""
    return max(2, -(-question_count // 4))


def campaign_by_id(campaign_id: int) -> Campaign | None:
    """The campaign with this id, or None."""
    return db.session.get(Campaign, campaign_id)
