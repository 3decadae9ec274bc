"""What an alert keeps of its response, so the safeguarding record outlives the answers.

While the response exists, the alert page reads it live. When it goes (the respondent
withdraws it, or its retention period ends), :func:`keep_records` copies onto each of
its alerts what the lead needs to act and to account later: every text as written, the
question each answered, and where and when the response came from. Only then is the
response deleted, in the same transaction; the alert's link to it becomes NULL.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select, update

from feedback.extensions import db
from feedback.models import (
    Answer,
    Campaign,
    ConcernAlert,
    Response,
    SubmissionToken,
    SurveyVersion,
)


@dataclass(frozen=True)
class KeptText:
    """One free-text answer: the question it answered and the words as written."""

    question: str
    text: str
    #: the answer this alert was raised on (the others are the response's other texts)
    flagged: bool


@dataclass
class AlertRecord:
    """What the alert page shows about the response, live or kept."""

    texts: list[KeptText] = field(default_factory=list)
    submitted_at: datetime | None = None
    campaign: str | None = None
    service: str | None = None
    audience: str | None = None
    age_band: str | None = None
    language: str | None = None
    mode: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "texts": [vars(t) for t in self.texts],
            "submitted_at": self.submitted_at.isoformat() if self.submitted_at else None,
            "campaign": self.campaign,
            "service": self.service,
            "audience": self.audience,
            "age_band": self.age_band,
            "language": self.language,
            "mode": self.mode,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AlertRecord:
        when = data.get("submitted_at")
        return cls(
            texts=[KeptText(**t) for t in data.get("texts", ())],
            submitted_at=datetime.fromisoformat(when) if when else None,
            campaign=data.get("campaign"),
            service=data.get("service"),
            audience=data.get("audience"),
            age_band=data.get("age_band"),
            language=data.get("language"),
            mode=data.get("mode"),
        )


def _live(alert: ConcernAlert, response: Response) -> AlertRecord:
    version = db.session.get(SurveyVersion, response.version_id)
    definition = version.definition if version else None
    free = {q.id: q.text for q in definition.questions() if q.free_text} if definition else {}
    answers = db.session.scalars(
        select(Answer)
        .where(Answer.response_id == response.id, Answer.question_id.in_(list(free)))
        .order_by(Answer.id)
    )
    texts = [
        KeptText(free[a.question_id], a.value, a.id == alert.answer_id)
        for a in answers
        if a.value.strip()
    ]
    texts.sort(key=lambda t: not t.flagged)  # the flagged text first
    campaign = db.session.get(Campaign, response.campaign_id) if response.campaign_id else None
    return AlertRecord(
        texts=texts,
        submitted_at=response.submitted_at,
        campaign=campaign.name if campaign else None,
        service=campaign.service if campaign else None,
        audience=response.audience,
        age_band=response.age_band,
        language=response.language,
        mode=response.mode,
    )


def alert_record(alert: ConcernAlert) -> AlertRecord | None:
    """The response behind `alert`: read live, or as kept when the response went."""
    if alert.response_id is not None:
        response = db.session.get(Response, alert.response_id)
        if response is not None:
            return _live(alert, response)
    return AlertRecord.from_json(alert.record) if alert.record else None


def keep_records(
    response_ids: Collection[int] | Select[int], reason: str, now: datetime
) -> list[int]:
    """Before `response_ids` are deleted: keep their alerts' records, free their tokens.

    response_ids: ids, or a SELECT of them (retention: however many). reason:
    "withdrawn" or "retention". Returns the ids of the alerts kept. Does not commit: the
    caller deletes the responses and writes the audit row in the same transaction, so a
    record is never half kept.
    """
    ids = response_ids if isinstance(response_ids, Select) else list(response_ids)
    alerts = list(
        db.session.scalars(
            select(ConcernAlert).where(ConcernAlert.response_id.in_(ids)).order_by(ConcernAlert.id)
        )
    )
    for alert in alerts:
        record = alert_record(alert)
        alert.record = record.to_json() if record else None
        alert.response_removed_at = now
        alert.response_removed_reason = reason
        alert.response_id = None
        alert.answer_id = None
    # A used token stays used after its response goes: a replayed final page stores nothing.
    db.session.execute(
        update(SubmissionToken)
        .where(SubmissionToken.response_id.in_(ids))
        .values(response_id=None),
        execution_options={"synchronize_session": False},
    )
    db.session.flush()
    return [a.id for a in alerts]
