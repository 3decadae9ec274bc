"""Storing a completed survey: one transaction, once."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import cast

from sqlalchemy import Table, bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.session import make_transient_to_detached

from feedback.extensions import db
from feedback.models import Answer, Campaign, Response, SubmissionToken, SurveyVersion
from feedback.models._time import utcnow
from feedback.services.safeguarding.contact import ContactRequest
from feedback.services.surveys.entry import LiveCampaign, LiveVersion
from forms.flow import answered_visible
from forms.schema import Definition

# Declarative tables are Tables; their type says FromClause, which has no insert().
_TOKENS = cast(Table, SubmissionToken.__table__)
_RESPONSES = cast(Table, Response.__table__)
_ANSWERS = cast(Table, Answer.__table__)
_TOKEN_USED = select(_TOKENS.c.token).where(_TOKENS.c.token == bindparam("token"))
_INSERT_RESPONSE = _RESPONSES.insert().returning(_RESPONSES.c.id)
_INSERT_ANSWERS = _ANSWERS.insert().returning(_ANSWERS.c.id, sort_by_parameter_order=True)


def _answer_rows(
    definition: Definition, answers: Mapping[str, object], secret: str
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for question in definition.questions():
        value = answers.get(question.id)
        if value in (None, "", []):
            continue
        rows += [
            {"question_id": question.id, "value": stored, "number_value": number}
            for stored, number in question.qtype.rows(value, secret)
        ]
    return rows


def _insert_answers(response: Response, rows: list[dict[str, object]]) -> None:
    """All the answers in one INSERT, in the definition's order (ids follow it).

    Ten ORM objects cost the unit of work about a tenth of a submission's CPU time
    (bench/NOTES.md). The inserted rows are handed to `response.answers` as already
    loaded, so the text analysis in the same transaction reads them without a query;
    after the commit the collection is expired and reloaded like any other.
    """
    if not rows:
        set_committed_value(response, "answers", [])
        return
    for row in rows:
        row["response_id"] = response.id
    ids = db.session.connection().execute(_INSERT_ANSWERS, rows).scalars().all()
    loaded = [Answer(id=i, **row) for i, row in zip(ids, rows, strict=True)]
    for answer in loaded:
        # Detached copies of the inserted rows: make_transient_to_detached keeps the ORM
        # from inserting them again, while their attributes stay readable.
        make_transient_to_detached(answer)
    set_committed_value(response, "answers", loaded)


def _response_values(
    definition: Definition, answers: Mapping[str, object], secret: str
) -> dict[str, object]:
    """Response columns some answers also fill (consent to quote, who helped, pairing hash);
    the first question of a kind that was answered wins."""
    values: dict[str, object] = {}
    for question in definition.questions():
        value = answers.get(question.id)
        if value not in (None, "") and question.qtype.response_column:
            for column, filled in question.qtype.response_values(value, secret).items():
                values.setdefault(column, filled)
    return values


def record_response(
    *,
    version: SurveyVersion | LiveVersion,
    campaign: Campaign | LiveCampaign | None,
    answers: Mapping[str, object],
    token: str,
    secret: str,
    language: str = "en",
    mode: str = "online",
    completed_on: date | None = None,
    submitted_at: datetime | None = None,
    entered_by_id: int | None = None,
    completed_with_help: str | None = None,
    contact: ContactRequest | None = None,
    receipt_hash: str | None = None,
) -> Response | None:
    """Store a response and its answers; None when `token` was already used (a retry).

    Answers to questions hidden by `show_if` are dropped: only what the respondent saw counts.
    `contact` (the optional "Would you like someone to contact you?") is never an answer:
    it goes, encrypted, onto a safeguarding alert.
    """
    connection = db.session.connection()
    if connection.execute(_TOKEN_USED, {"token": token}).first() is not None:
        return None
    definition = version.definition
    kept = answered_visible(definition, answers)
    filled = _response_values(definition, kept, secret)
    values = {
        "survey_id": version.survey_id,
        "version_id": version.id,
        "campaign_id": campaign.id if campaign else None,
        "audience": definition.audience,
        "age_band": definition.age_band,
        "language": language,
        "mode": mode,
        "submitted_at": submitted_at or utcnow(),
        "completed_on": completed_on,
        "completed_with_help": completed_with_help or filled.get("completed_with_help"),
        "consent_to_quote": filled.get("consent_to_quote"),
        "pairing_hash": filled.get("pairing_hash"),
        "entered_by_id": entered_by_id,
        "receipt_hash": receipt_hash,
    }
    from feedback.services.surveys.hooks import after_response_stored, before_response_stored

    # Everything slow happens before the first INSERT; from there to the commit is only
    # writing rows, so the writer (SQLite's one lock) is held briefly.
    analysed = before_response_stored(definition, kept, language)
    try:
        db.session.flush()  # anything a caller added first (nothing, for a respondent)
        # Core INSERTs, not objects for the unit of work: the ORM's flush of one Response
        # and a token cost more than the statements. A duplicate token or receipt (two
        # taps racing) raises IntegrityError here, as the flush did.
        response_id = connection.execute(_INSERT_RESPONSE, values).scalar_one()
        response = Response(id=response_id, **values)
        make_transient_to_detached(response)  # the row exists: attach it, insert nothing
        db.session.add(response)
        _insert_answers(response, _answer_rows(definition, kept, secret))
        connection.execute(_TOKENS.insert(), {"token": token, "response_id": response_id})
        after_response_stored(response, definition, contact, analysed=analysed)
        db.session.commit()
    except IntegrityError:
        # Two taps raced past the check above: the other one stored it.
        db.session.rollback()
        return None
    return response


def answer_by_id(answer_id: int) -> Answer | None:
    """The answer with this id, or None."""
    return db.session.get(Answer, answer_id)
