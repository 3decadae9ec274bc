"""Focus-group sessions: storing one, and keeping a person's choice of themes.

A session is a Response of the bundled `focus-group` survey with mode "facilitated", so
outcomes, themes, excerpts and triangulation read it like any other voice. Notes per
prompt are its free-text answers; each verbatim quote is one more answer to the
`quotes` question (so the analyser suggests themes for it), with a FocusQuote row saying
whether the person quoted agreed and which prompt it answered.

Quoting is cautious: the session may be quoted (Response.consent_to_quote) only when the
group agreed *and* every recorded quote was agreed by the person who said it. Code that
picks excerpts from sessions can be finer-grained through FocusQuote.consent.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import (
    Answer,
    Campaign,
    FocusQuote,
    FocusSession,
    Response,
    Survey,
    SurveyVersion,
    TextAnalysis,
    TextTheme,
)
from feedback.models._time import utcnow
from feedback.services.audit import audit
from feedback.services.safeguarding.showable import shown_answer_ids
from feedback.services.surveys.lookup import UnknownSurvey
from feedback.services.surveys.responses import record_response
from feedback.services.surveys.versions import bundled_survey

FOCUS_SLUG = "focus-group"
QUOTES = "quotes"
#: the answer to "What ages were the participants?" -> the age band analysis groups by
AGE_BANDS = {"5-7": "5-7", "8-11": "8-11", "12-17": "12-17", "adults": "adult"}


class FocusError(ValueError):
    """A session could not be stored; the message is for the facilitator."""


@dataclass(frozen=True)
class QuoteInput:
    """One verbatim quote typed by the facilitator."""

    text: str
    consent: bool
    prompt_id: str | None = None


def focus_survey() -> Survey:
    """The focus-group survey, loaded from the bundled library if it is not there yet."""
    try:
        return bundled_survey(FOCUS_SLUG)
    except UnknownSurvey:
        raise FocusError(_l("The focus-group survey is missing")) from None


def record_session(
    *,
    answers: dict[str, object],
    facilitator: str,
    quotes: list[QuoteInput],
    secret: str,
    entered_by_id: int | None,
    token: str | None = None,
) -> Response | None:
    """Store a session; None when `token` was used before (the form was sent twice).

    answers: question id -> answer, for the focus-group survey's questions other than
    `quotes` (dates as ISO strings). facilitator: who ran the session.
    """
    quotes = [q for q in quotes if q.text.strip()]
    if quotes and answers.get("consent_to_quote") != "yes":
        raise FocusError(
            _l("The group did not agree to be quoted: put what they said in the notes instead.")
        )
    survey = focus_survey()
    campaign = db.session.scalar(
        select(Campaign).where(Campaign.survey_id == survey.id).order_by(Campaign.id)
    )
    stored = dict(answers)
    if quotes:
        stored[QUOTES] = [q.text.strip() for q in quotes]
    day = answers.get("session_date")
    response = record_response(
        version=survey.live_version,
        campaign=campaign,
        answers=stored,
        token=token or secrets.token_urlsafe(24),
        secret=secret,
        mode="facilitated",
        completed_on=date.fromisoformat(str(day)) if day else None,
        entered_by_id=entered_by_id,
        completed_with_help="facilitator",
    )
    if response is None:
        return None
    quote_answers = sorted(
        (a for a in response.answers if a.question_id == QUOTES), key=lambda a: a.id
    )
    for answer, quote in zip(quote_answers, quotes, strict=True):
        db.session.add(
            FocusQuote(
                response_id=response.id,
                answer_id=answer.id,
                prompt_id=quote.prompt_id or None,
                consent=quote.consent,
            )
        )
    if any(not q.consent for q in quotes):
        response.consent_to_quote = False
    response.age_band = AGE_BANDS.get(str(answers.get("age_range") or ""))
    session = FocusSession(response_id=response.id, facilitator=facilitator.strip()[:200])
    db.session.add(session)
    db.session.flush()
    # With the session row it names: a failed audit write leaves no unlogged session.
    audit("focus.record", "focus_session", session.id, commit=False, user_id=entered_by_id)
    db.session.commit()
    return response


@dataclass
class ReviewItem:
    """One note or quote on the review page, with its suggested and chosen themes."""

    answer_id: int
    question_id: str
    text: str
    analysed: bool
    suggested: list[str] = field(default_factory=list)
    chosen: list[str] = field(default_factory=list)
    reviewed: bool = False
    quote: FocusQuote | None = None
    #: False when the shared safeguarding rule withholds the text: `text` is then empty
    shown: bool = True


def review_items(response: Response) -> list[ReviewItem]:
    """Every free-text answer of a session, in the survey's order, with its themes.

    A note or quote that was flagged, or any of a session with a concern alert, comes
    without its text (feedback.services.safeguarding.showable): a lead reads it on the alert.
    """
    definition = db.session.get_one(SurveyVersion, response.version_id).definition
    order = {q.id: i for i, q in enumerate(definition.questions()) if q.free_text}
    answers = db.session.scalars(
        select(Answer).where(Answer.response_id == response.id, Answer.question_id.in_(order))
    ).all()
    analyses = {
        a.answer_id: a
        for a in db.session.scalars(
            select(TextAnalysis).where(TextAnalysis.answer_id.in_([a.id for a in answers]))
        )
    }
    quotes = {
        q.answer_id: q
        for q in db.session.scalars(select(FocusQuote).where(FocusQuote.response_id == response.id))
    }
    shown = shown_answer_ids(response.id)
    items = []
    for answer in sorted(answers, key=lambda a: (order[a.question_id], a.id)):
        analysis = analyses.get(answer.id)
        themes = list(analysis.themes) if analysis else []
        items.append(
            ReviewItem(
                answer_id=answer.id,
                question_id=answer.question_id,
                text=answer.value if answer.id in shown else "",
                shown=answer.id in shown,
                analysed=analysis is not None,
                suggested=[t.theme for t in themes if t.source == "auto"],
                chosen=[t.theme for t in themes],
                reviewed=any(t.source == "human" for t in themes),
                quote=quotes.get(answer.id),
            )
        )
    return items


def _sentiment(analysis: TextAnalysis, theme: str) -> str:
    for row in analysis.themes:
        if row.theme == theme:
            return row.sentiment
    return analysis.sentiment if analysis.sentiment in ("positive", "negative") else "neutral"


def save_human_themes(
    session: FocusSession, chosen: dict[int, list[str]], reviewed_by_id: int | None
) -> int:
    """Replace the themes of each reviewed text by the person's choice (source "human").

    chosen: answer id -> theme ids picked for it (an empty list means "no theme").
    Only answers of this session that have been analysed are changed. Returns how many
    texts were labelled.
    """
    labelled = 0
    analyses = db.session.scalars(
        select(TextAnalysis).where(
            TextAnalysis.response_id == session.response_id,
            TextAnalysis.answer_id.in_(list(chosen)),
        )
    ).all()
    for analysis in analyses:
        themes = list(dict.fromkeys(chosen[analysis.answer_id]))
        rows = [
            TextTheme(theme=theme, sentiment=_sentiment(analysis, theme), source="human")
            for theme in themes
        ]
        analysis.themes = rows  # delete-orphan removes the suggested rows
        labelled += 1
    session.themes_reviewed_at = utcnow()
    session.reviewed_by_id = reviewed_by_id
    audit(
        "focus.themes",
        "focus_session",
        session.id,
        commit=False,
        user_id=reviewed_by_id,
        texts=labelled,
    )
    db.session.commit()
    return labelled


def list_sessions() -> list[tuple[FocusSession, Response]]:
    """Every session with its response, the most recent first."""
    rows = db.session.execute(
        select(FocusSession, Response)
        .join(Response, Response.id == FocusSession.response_id)
        .order_by(Response.completed_on.desc(), Response.id.desc())
    ).all()
    return [(s, r) for s, r in rows]


def session_of_response(response_id: int) -> FocusSession:
    """The focus-group session recorded as `response_id` (it must exist)."""
    return db.session.execute(
        select(FocusSession).where(FocusSession.response_id == response_id)
    ).scalar_one()


def session_with_response(session_id: int) -> tuple[FocusSession, Response] | None:
    """Session `session_id` and the response that holds its notes, or None."""
    session = db.session.get(FocusSession, session_id)
    if session is None:
        return None
    return session, db.session.get_one(Response, session.response_id)
