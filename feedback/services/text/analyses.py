"""Storing text analysis: a TextAnalysis per free-text answer, and alerts for concerns.

Runs inside the transaction that stores a response (feedback.services.surveys.hooks), or later
for answers stored before the analyser existed (`heard analyse`, :func:`backfill`).
The analyser itself is pure Python in analysis.text; this module only writes rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from flask import current_app
from sqlalchemy import Select, Table, func, select

from feedback.extensions import db
from feedback.logsafe import describe
from feedback.models import Answer, ConcernAlert, Response, SurveyVersion, TextAnalysis, TextTheme
from feedback.services.safeguarding.contact import (
    ContactRequest,
    contact_available,
    encrypt_contact,
)
from feedback.services.safeguarding.notify import queue_alerts
from feedback.services.text import model as text_model
from forms.schema import Definition

if TYPE_CHECKING:
    from analysis.text import TextResult

#: a respondent asked to be contacted: a likely concern even when nothing else was written
CONTACT_LEVEL = 2


def free_text_ids(definition: Definition) -> frozenset[str]:
    """Ids of the questions whose answers are analysed (types text and textarea)."""
    return frozenset(q.id for q in definition.questions() if q.free_text)


def _extra_names() -> tuple[str, ...]:
    return tuple(current_app.config.get("HEARD_REDACT_NAMES") or ())


def _analyse(
    text: str,
    language: str | None,
    prompt: str | None,
    themes: Mapping[str, Iterable[str]] | None,
) -> TextResult | None:
    try:
        return text_model.analyse(
            text,
            language,
            extra_names=_extra_names(),
            extra_themes=themes or None,
            prompt=prompt,
        )
    except Exception as error:  # never lose a child's response to an analyser bug
        # Named by type and frame only: an analyser's message may quote the text.
        current_app.logger.error(
            "text analysis failed; the answer is flagged for reading: %s", describe(error)
        )
        return None


def _prompt(definition: Definition, question_id: str) -> str | None:
    try:
        return definition.question(question_id).text
    except KeyError:
        return None


def _has_alert(answer_id: int) -> bool:
    query = select(ConcernAlert.id).where(ConcernAlert.answer_id == answer_id).limit(1)
    return db.session.scalar(query) is not None


def analyse_value(
    value: str, language: str | None, question_id: str, definition: Definition
) -> TextResult | None:
    """Run the analyser on one answer's text; None when it failed. Pure CPU, no database.

    Called before a write transaction opens: analysis is the slow part of storing a
    response, and on SQLite every other writer waits while a transaction is open.
    """
    themes = dict(definition.themes) or None
    return _analyse(value, language, _prompt(definition, question_id), themes)


def analyse_answer(
    answer: Answer, survey_id: int, language: str | None, definition: Definition
) -> ConcernAlert | None:
    """Analyse one stored answer and add its rows (see :func:`store_analysis`)."""
    result = analyse_value(answer.value, language, answer.question_id, definition)
    return store_analysis(answer, survey_id, result)


def store_analysis(
    answer: Answer, survey_id: int, result: TextResult | None, fresh: bool = False
) -> ConcernAlert | None:
    """Add the TextAnalysis (and TextTheme rows) of one answer; return its alert, if any.

    `result` is the analyser's verdict (:func:`analyse_value`); None means it failed: no
    TextAnalysis is written (`heard analyse` retries it) and an alert with no categories
    asks a lead to read the text, since a missed concern is worse than a false alarm.
    `fresh`: the answer was stored in this transaction, so it cannot have an alert yet.
    """
    if result is None:
        if not fresh and _has_alert(answer.id):
            return None
        alert = ConcernAlert(
            response_id=answer.response_id,
            answer_id=answer.id,
            survey_id=survey_id,
            categories=[],
            matches=[],
            level=1,
        )
        db.session.add(alert)
        return alert
    analysis = TextAnalysis(**_analysis_values(answer, result))
    analysis.themes = [TextTheme(**values) for values in _theme_values(result)]
    db.session.add(analysis)
    return _raise_alert(answer, survey_id, result, fresh)


def _analysis_values(answer: Answer, result: TextResult) -> dict[str, object]:
    return {
        "answer_id": answer.id,
        "response_id": answer.response_id,
        "language": result.language,
        "english_analysed": result.english_analysed,
        "sentiment": result.sentiment,
        "polarity": result.polarity,
        "concern": result.concern,
        "concern_categories": list(result.concern_categories),
        "concern_score": result.concern_score,
        "redacted": result.redacted,
    }


def _theme_values(result: TextResult) -> list[dict[str, object]]:
    return [
        {"theme": theme, "sentiment": result.theme_sentiment.get(theme, "neutral")}
        for theme in result.themes
    ]


def _insert_analyses(verdicts: list[tuple[Answer, TextResult]]) -> None:
    """The TextAnalysis and TextTheme rows of a just-stored response, two Core INSERTs.

    As ORM objects they were flushed one by one at the commit, about a twelfth of a
    submission's CPU time (bench/NOTES.md). Nothing reads them back in this transaction.
    """
    if not verdicts:
        return
    table = cast(Table, TextAnalysis.__table__)
    connection = db.session.connection()
    ids = connection.execute(
        table.insert().returning(table.c.id, sort_by_parameter_order=True),
        [_analysis_values(answer, result) for answer, result in verdicts],
    ).scalars()
    themes = [
        {"analysis_id": analysis_id, **values}
        for analysis_id, (_answer, result) in zip(ids, verdicts, strict=True)
        for values in _theme_values(result)
    ]
    if themes:
        connection.execute(cast(Table, TextTheme.__table__).insert(), themes)


def _raise_alert(
    answer: Answer, survey_id: int, result: TextResult, fresh: bool
) -> ConcernAlert | None:
    """A concern alert for `answer` when the analyser found a concern in it."""
    if not result.concern:
        return None
    if not fresh and _has_alert(answer.id):  # flagged earlier, when the analyser failed on it
        return None
    alert = ConcernAlert(
        response_id=answer.response_id,
        answer_id=answer.id,
        survey_id=survey_id,
        categories=list(result.concern_categories),
        # One phrase can support two categories; the lead needs to read it once.
        matches=list(dict.fromkeys(result.concern_matches)),
        score=result.concern_score,
        model_words=[w for w in result.concern_reasons if w not in result.concern_matches],
        level=max(1, min(3, int(result.concern_level))),
    )
    db.session.add(alert)
    return alert


def _attach_contact(
    response: Response, alerts: list[ConcernAlert], contact: ContactRequest
) -> list[ConcernAlert]:
    """Put the contact request on the most severe alert, or on a new asks_for_help alert."""
    if alerts:
        alert = max(alerts, key=lambda a: a.level)
    else:
        alert = ConcernAlert(
            response_id=response.id,
            survey_id=response.survey_id,
            categories=[],
            matches=[],
            level=CONTACT_LEVEL,
        )
        db.session.add(alert)
        alerts = [alert]
    if "asks_for_help" not in alert.categories:
        alert.categories = [*alert.categories, "asks_for_help"]
    alert.level = max(alert.level, CONTACT_LEVEL)
    details = contact.details.strip()
    if details and contact_available():
        alert.contact_encrypted = encrypt_contact(details)
    return alerts


def analyse_answers(
    definition: Definition, answers: Mapping[str, object], language: str | None
) -> dict[str, TextResult | None]:
    """The analyser's verdict on each free-text answer, by question id, before any write."""
    ids = free_text_ids(definition)
    return {
        qid: analyse_value(str(value), language, qid, definition)
        for qid, value in answers.items()
        if qid in ids and isinstance(value, str) and value.strip()
    }


def analyse_response(
    response: Response,
    definition: Definition,
    contact: ContactRequest | None = None,
    analysed: Mapping[str, TextResult | None] | None = None,
) -> list[ConcernAlert]:
    """Store the analysis of every free-text answer of a just-flushed `response`.

    `definition` is the version the response answered (its free-text questions and its
    own themes). `contact` is the answer to the contact question, when the survey offered
    it. `analysed` holds verdicts made before the transaction (:func:`analyse_answers`);
    an answer missing from it is analysed here. Returns the new alerts; leads are
    notified once the surrounding transaction commits.
    """
    ids = free_text_ids(definition)
    alerts: list[ConcernAlert] = []
    verdicts: list[tuple[Answer, TextResult]] = []
    for answer in response.answers:
        if answer.question_id in ids and answer.value.strip():
            if analysed is not None and answer.question_id in analysed:
                result = analysed[answer.question_id]
            else:
                result = analyse_value(
                    answer.value, response.language, answer.question_id, definition
                )
            if result is None:  # the analyser failed: an alert asks a lead to read it
                alert = store_analysis(answer, response.survey_id, None, fresh=True)
            else:
                verdicts.append((answer, result))
                alert = _raise_alert(answer, response.survey_id, result, fresh=True)
            if alert is not None:
                alerts.append(alert)
    _insert_analyses(verdicts)
    if contact is not None and contact.wanted:
        alerts = _attach_contact(response, alerts, contact)
    if alerts:
        db.session.flush()
        queue_alerts(db.session, [a.id for a in alerts])
    return alerts


@dataclass
class BackfillResult:
    """What `heard analyse` did: answers analysed and alerts raised."""

    analysed: int = 0
    alerts: int = 0


def _unanalysed(version_id: int, question_ids: frozenset[str]) -> Select[Answer, int, str]:
    return (
        select(Answer, Response.survey_id, Response.language)
        .join(Response, Response.id == Answer.response_id)
        .outerjoin(TextAnalysis, TextAnalysis.answer_id == Answer.id)
        .where(
            Response.version_id == version_id,
            Answer.question_id.in_(question_ids),
            TextAnalysis.id.is_(None),
        )
    )


def _versions() -> list[tuple[int, Definition]]:
    rows = db.session.execute(select(SurveyVersion.id, SurveyVersion.definition_json)).all()
    out = [(vid, Definition.from_dict(data)) for vid, data in rows]
    return [(vid, d) for vid, d in out if free_text_ids(d)]


def count_unanalysed() -> int:
    """How many free-text answers have no TextAnalysis yet."""
    total = 0
    for vid, definition in _versions():
        query = _unanalysed(vid, free_text_ids(definition)).with_only_columns(func.count(Answer.id))
        total += db.session.scalar(query) or 0
    return total


def backfill(
    progress: Callable[[int], object] | None = None, batch_size: int = 500
) -> BackfillResult:
    """Analyse free-text answers that have no TextAnalysis, committing batch by batch.

    `progress` is called with the number of answers done after each batch (a tqdm
    bar's update). Alerts are raised and leads notified as at submission.
    """
    result = BackfillResult()
    for vid, definition in _versions():
        ids = free_text_ids(definition)
        last_id = 0
        while True:
            rows = db.session.execute(
                _unanalysed(vid, ids)
                .where(Answer.id > last_id)
                .order_by(Answer.id)
                .limit(batch_size)
            ).all()
            if not rows:
                break
            last_id = rows[-1][0].id  # read before the commit expires the rows
            # The whole batch is analysed first, then written: the writer is held only
            # for the inserts, not for 500 analyses.
            verdicts = [
                analyse_value(answer.value, language, answer.question_id, definition)
                for answer, _survey_id, language in rows
            ]
            with db.session.no_autoflush:
                alerts = [
                    store_analysis(answer, survey_id, verdict)
                    for (answer, survey_id, _language), verdict in zip(rows, verdicts, strict=True)
                ]
            raised = [a for a in alerts if a is not None]
            if raised:
                db.session.flush()
                queue_alerts(db.session, [a.id for a in raised])
            db.session.commit()
            db.session.expunge_all()  # keep memory flat over a large backlog
            result.analysed += len(rows)
            result.alerts += len(raised)
            if progress:
                progress(len(rows))
    return result


def redacted_text(answer_id: int) -> str | None:
    """The answer's text with names and contact details taken out, if it has been read."""
    query = select(TextAnalysis.redacted).where(TextAnalysis.answer_id == answer_id)
    return db.session.scalar(query)
