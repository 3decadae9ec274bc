"""Training course runs: one course, three campaigns (before, after, a few months on).

The three campaigns share one access code. It is never stored in plain text: it is
derived from the app's secret key and the course id (an HMAC), so the course page can
show it again to the trainer while the database holds only its hash. If the secret key
changes, the page notices (the hash no longer matches) and offers to renew the code.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import Campaign, CourseRun, Survey
from feedback.services.audit import audit
from feedback.services.surveys.campaigns import (
    CODE_ALPHABET,
    CampaignFields,
    check_access_code,
    create_campaign,
    format_code,
    hash_access_code,
    unique_slug,
)
from feedback.services.surveys.lookup import UnknownSurvey
from feedback.services.surveys.versions import bundled_survey

#: (stage, survey slug, how the stage is named to people), in the order they happen.
STAGES = (
    ("pre", "training-pre", _l("Before the course")),
    ("post", "training-post", _l("After the course")),
    ("followup", "training-followup", _l("A few months on")),
)


#: Stored campaign names are data (shown in analysis breakdowns), so they are not translated.
_NAME_SUFFIX = {"pre": "pre-course", "post": "post-course", "followup": "follow-up"}


class CourseError(ValueError):
    """A course run could not be created; the message is for the person filling the form."""


@dataclass(frozen=True)
class CourseCampaigns:
    """A course run's campaigns by stage; any may be None if someone deleted it."""

    pre: Campaign | None
    post: Campaign | None
    followup: Campaign | None

    def by_stage(self) -> list[tuple[str, Campaign | None]]:
        return [("pre", self.pre), ("post", self.post), ("followup", self.followup)]


def course_access_code(course_id: int, secret: str) -> str:
    """The course's access code, e.g. "K7MP-Q3RX": the same every time for one course."""
    digest = hmac.new(secret.encode(), f"heard.course:{course_id}".encode(), hashlib.sha256)
    number = int.from_bytes(digest.digest()[:10], "big")
    chars = []
    for _ in range(8):
        number, index = divmod(number, len(CODE_ALPHABET))
        chars.append(CODE_ALPHABET[index])
    return format_code("".join(chars))


def _training_survey(slug: str) -> Survey:
    try:
        return bundled_survey(slug)
    except UnknownSurvey:
        raise CourseError(_l("The training survey %(slug)s is missing", slug=slug)) from None


def create_course_run(
    *,
    title: str,
    run_date: date,
    trainer: str,
    cohort_size: int,
    secret: str,
    created_by_id: int | None = None,
) -> CourseRun:
    """Store a course run and its three campaigns, sharing one access code."""
    title, trainer = (title or "").strip(), (trainer or "").strip()
    if not title or not trainer:
        raise CourseError(_l("Enter the course title and the trainer"))
    if cohort_size < 1:
        raise CourseError(_l("The number of people booked must be 1 or more"))
    surveys = {slug: _training_survey(slug) for _stage, slug, _label in STAGES}
    course = CourseRun(
        title=title[:300],
        run_date=run_date,
        trainer=trainer[:200],
        cohort_size=cohort_size,
        created_by_id=created_by_id,
    )
    db.session.add(course)
    db.session.flush()
    code = course_access_code(course.id, secret)
    for stage, slug, _label in STAGES:
        fields = CampaignFields(
            name=f"{title} ({run_date.isoformat()}): {_NAME_SUFFIX[stage]}",
            service="Training",
            slug=unique_slug(f"course-{course.id}-{stage}"),
            access_code=code,
        )
        create_campaign(surveys[slug], fields, course_run_id=course.id, commit=False)
    # One row for the run and its three campaigns, written with them.
    audit("course.create", "course_run", course.id, commit=False, user_id=created_by_id)
    db.session.commit()
    return course


def course_campaigns(course: CourseRun) -> CourseCampaigns:
    """The course's campaign for each stage, found by the survey each one answers."""
    rows = db.session.execute(
        select(Survey.slug, Campaign)
        .join(Campaign, Campaign.survey_id == Survey.id)
        .where(Campaign.course_run_id == course.id)
        .order_by(Campaign.id)
    ).all()
    found: dict[str, Campaign] = {}
    for slug, campaign in rows:
        found.setdefault(slug, campaign)
    return CourseCampaigns(
        pre=found.get("training-pre"),
        post=found.get("training-post"),
        followup=found.get("training-followup"),
    )


def access_code_matches(course: CourseRun, secret: str) -> bool:
    """Whether the code the page would show still opens every one of the course's campaigns."""
    code = course_access_code(course.id, secret)
    campaigns = [c for _s, c in course_campaigns(course).by_stage() if c is not None]
    return all(check_access_code(c, code) for c in campaigns)


def renew_access_code(course: CourseRun, secret: str, by_id: int | None = None) -> str:
    """Hash the course's code again (after a change of secret key) into its campaigns.

    by_id: who renewed it, recorded in the audit log in the same transaction.
    """
    code = course_access_code(course.id, secret)
    for _stage, campaign in course_campaigns(course).by_stage():
        if campaign is not None:
            campaign.access_code_hash = hash_access_code(code)
    audit("course.access_code", "course_run", course.id, commit=False, user_id=by_id)
    db.session.commit()
    return code


def list_course_runs() -> list[CourseRun]:
    """Every course run, the most recent first."""
    return list(
        db.session.scalars(select(CourseRun).order_by(CourseRun.run_date.desc(), CourseRun.id))
    )


def course_by_id(course_id: int) -> CourseRun | None:
    """The course run with this id, or None."""
    return db.session.get(CourseRun, course_id)
