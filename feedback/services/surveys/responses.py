"""Storing a completed survey: one transaction, once."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.session import make_transient_to_detached

from feedback.extensions import db
from feedback.models import Answer, Campaign, Response, SubmissionToken, SurveyVersion
from feedback.services.safeguarding.contact import ContactRequest
from forms.flow import answered_visible
from forms.schema import Definition

_TOKENS = SubmissionToken.__table__


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
    statement = insert(Answer).returning(Answer.id, sort_by_parameter_order=True)
    ids = db.session.scalars(statement, rows).all()
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
    version: SurveyVersion,
    campaign: Campaign | None,
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
    if db.session.scalar(select(SubmissionToken.token).where(SubmissionToken.token == token)):
        return None
    definition = version.definition
    kept = answered_visible(definition, answers)
    filled = _response_values(definition, kept, secret)
    response = Response(
        survey_id=version.survey_id,
        version_id=version.id,
        campaign_id=campaign.id if campaign else None,
        audience=definition.audience,
        age_band=definition.age_band,
        language=language,
        mode=mode,
        completed_on=completed_on,
        completed_with_help=completed_with_help or filled.get("completed_with_help"),
        consent_to_quote=filled.get("consent_to_quote"),
        pairing_hash=filled.get("pairing_hash"),
        entered_by_id=entered_by_id,
        receipt_hash=receipt_hash,
    )
    if submitted_at is not None:
        response.submitted_at = submitted_at
    from feedback.services.surveys.hooks import after_response_stored, before_response_stored

    # Everything slow happens before the first INSERT; from there to the commit is only
    # writing rows, so the writer (SQLite's one lock) is held briefly.
    analysed = before_response_stored(definition, kept, language)
    db.session.add(response)
    try:
        db.session.flush()
        _insert_answers(response, _answer_rows(definition, kept, secret))
        # A Core INSERT, not an object for the commit's flush: a duplicate token (two taps
        # racing) raises IntegrityError here, as the flush did.
        db.session.connection().execute(
            _TOKENS.insert(), {"token": token, "response_id": response.id}
        )
        after_response_stored(response, definition, contact, analysed=analysed)
        db.session.commit()
    except IntegrityError:
        # Two taps raced past the check above: the other one stored it.
        db.session.rollback()
        return None
    return response
