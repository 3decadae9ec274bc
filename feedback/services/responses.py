"""Storing a completed survey: one transaction, once."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from feedback.extensions import db
from feedback.models import Answer, Campaign, Response, SubmissionToken, SurveyVersion
from feedback.services.contact import ContactRequest
from forms.flow import answered_visible
from forms.schema import Definition


def pairing_hash(code: str, secret: str) -> str:
    """A keyed hash of a self-made pairing code; the code itself is never stored."""
    normal = "".join(code.split()).upper()
    return hmac.new(secret.encode(), normal.encode(), hashlib.sha256).hexdigest()


def _answer_rows(
    definition: Definition, answers: Mapping[str, object], secret: str
) -> list[Answer]:
    rows: list[Answer] = []
    for question in definition.questions():
        value = answers.get(question.id)
        if value in (None, "", []):
            continue
        if isinstance(value, list):
            rows += [Answer(question_id=question.id, value=str(v)) for v in value]
        elif question.type == "pairing_code":
            rows.append(Answer(question_id=question.id, value=pairing_hash(str(value), secret)))
        elif question.type == "number":
            rows.append(
                Answer(question_id=question.id, value=str(value), number_value=float(value))
            )  # type: ignore[arg-type]
        else:
            rows.append(Answer(question_id=question.id, value=str(value)))
    return rows


def _first_of_type(definition: Definition, answers: Mapping[str, object], kind: str) -> object:
    for question in definition.questions():
        if question.type == kind and answers.get(question.id) not in (None, ""):
            return answers[question.id]
    return None


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
    kept = answered_visible(definition, answers)  # type: ignore[arg-type]
    quote = _first_of_type(definition, kept, "consent_to_quote")
    code = _first_of_type(definition, kept, "pairing_code")
    response = Response(
        survey_id=version.survey_id,
        version_id=version.id,
        campaign_id=campaign.id if campaign else None,
        audience=definition.audience,
        age_band=definition.age_band,
        language=language,
        mode=mode,
        completed_on=completed_on,
        completed_with_help=completed_with_help
        or _first_of_type(definition, kept, "completed_with_help"),  # type: ignore[arg-type]
        consent_to_quote=None if quote is None else quote == "yes",
        pairing_hash=pairing_hash(str(code), secret) if code else None,
        entered_by_id=entered_by_id,
        receipt_hash=receipt_hash,
    )
    if submitted_at is not None:
        response.submitted_at = submitted_at
    response.answers = _answer_rows(definition, kept, secret)
    from feedback.services.hooks import after_response_stored, before_response_stored

    # Everything slow happens before the first INSERT; from there to the commit is only
    # writing rows, so the writer (SQLite's one lock) is held briefly.
    analysed = before_response_stored(definition, kept, language)
    db.session.add(response)
    try:
        db.session.flush()
        db.session.add(SubmissionToken(token=token, response_id=response.id))
        after_response_stored(response, definition, contact, analysed=analysed)
        db.session.commit()
    except IntegrityError:
        # Two taps raced past the check above: the other one stored it.
        db.session.rollback()
        return None
    return response
