"""A survey link as a respondent's request sees it: one Core query, read fresh every time.

Every respondent request needs the campaign, whether it is open, and the survey's current
version. Loading the three as ORM objects with joinedloads was about a seventh of a
survey's server CPU (bench/NOTES.md). The row is read afresh on every request, not kept
between requests, so a campaign closed or a version published in one worker is seen by
every other worker on its next request; only the parsed definition is kept per process,
by content hash, because a version never changes (feedback.models.survey).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select

from feedback.extensions import db
from feedback.models import Campaign, Survey, SurveyVersion
from feedback.models.survey import parsed_definition
from forms.schema import Definition


class LiveVersion:
    """The immutable parts of a SurveyVersion a respondent needs (a plain class: the
    respondent flow caches its extended definition in the instance's __dict__)."""

    def __init__(self, version_id: int, survey_id: int, sha256: str) -> None:
        self.id = version_id
        self.survey_id = survey_id
        self.sha256 = sha256

    @property
    def definition(self) -> Definition:
        return parsed_definition(self.sha256, self._load_json)

    def _load_json(self) -> dict[str, Any]:
        return db.session.connection().execute(_VERSION_JSON, {"id": self.id}).scalar_one()


class LiveCampaign:
    """The columns of a campaign (and of its survey) the respondent pages read."""

    def __init__(self, row: Any) -> None:
        self.id: int = row.id
        self.slug: str = row.slug
        self.survey_id: int = row.survey_id
        self.kiosk: bool = row.kiosk
        self.access_code_hash: str | None = row.access_code_hash
        self.opens_at: datetime | None = row.opens_at
        self.closes_at: datetime | None = row.closes_at
        self.survey_open: bool = row.survey_open
        self.survey_audience: str = row.survey_audience
        self.version = LiveVersion(row.version_id, row.survey_id, row.sha256)

    def is_open(self, now: datetime) -> bool:
        """As Campaign.is_open: the survey open and `now` within the campaign's dates."""
        if not self.survey_open:
            return False
        if self.opens_at and now < self.opens_at:
            return False
        return not (self.closes_at and now >= self.closes_at)


_campaign = Campaign.__table__.c
_survey = Survey.__table__.c
_version = SurveyVersion.__table__.c

# Built once, on the tables rather than the ORM classes, and run on the session's
# connection: the ORM's per-statement work was most of the lookup's cost.
_BY_SLUG = (
    select(
        _campaign.id,
        _campaign.slug,
        _campaign.survey_id,
        _campaign.kiosk,
        _campaign.access_code_hash,
        _campaign.opens_at,
        _campaign.closes_at,
        _survey.is_open.label("survey_open"),
        _survey.audience.label("survey_audience"),
        _version.id.label("version_id"),
        _version.sha256,
    )
    .select_from(
        Campaign.__table__.join(Survey.__table__, _survey.id == _campaign.survey_id).outerjoin(
            SurveyVersion.__table__, _version.id == _survey.current_version_id
        )
    )
    .where(_campaign.slug == bindparam("slug"))
)
_VERSION = select(_version.survey_id, _version.sha256).where(_version.id == bindparam("id"))
_VERSION_JSON = select(_version.definition_json).where(_version.id == bindparam("id"))


def live_campaign(slug: str) -> LiveCampaign | None:
    """The campaign at /s/<slug> with its survey's current version; None when there is no
    such campaign or its survey has no version yet (nothing a respondent can answer)."""
    row = db.session.connection().execute(_BY_SLUG, {"slug": slug}).first()
    return None if row is None or row.version_id is None else LiveCampaign(row)


def live_version(version_id: int) -> LiveVersion | None:
    """A version by id (a draft started before the survey's current version changed)."""
    row = db.session.connection().execute(_VERSION, {"id": version_id}).first()
    return None if row is None else LiveVersion(version_id, row.survey_id, row.sha256)
