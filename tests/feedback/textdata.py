"""Build responses with free text and hand-made text analysis, without the analyser.

Tests of stories, exports and the report decide themes, sentiment and flags themselves,
so they do not depend on how the analyser scores a sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select

from feedback.extensions import db
from feedback.models import (
    Answer,
    ConcernAlert,
    Response,
    Survey,
    TextAnalysis,
    TextTheme,
)
from feedback.services.people.users import create_user

PASSWORD = "correct-horse-battery"


def survey(slug: str) -> Survey:
    found = db.session.scalar(select(Survey).where(Survey.slug == slug))
    assert found is not None, slug
    return found


def add_text(
    slug: str,
    text: str,
    themes: Sequence[tuple[str, str]] = (),
    *,
    question: str = "anything_else",
    redacted: str | None = None,
    consent: bool | None = True,
    concern: bool = False,
    alert: bool = False,
    when: datetime | None = None,
    closed: dict[str, str] | None = None,
    mode: str = "online",
    analysed: bool = True,
    language: str = "en",
) -> Response:
    """One response to `slug` with `text` as its answer to `question`, analysed by hand.

    themes: (theme, sentiment) pairs. redacted: the redacted copy (defaults to `text`).
    alert: also raise a ConcernAlert on the response. language: the response's and the
    text's language; any but "en" is stored as not analysed in English.
    """
    target = survey(slug)
    version = target.current_version
    response = Response(
        survey_id=target.id,
        version_id=version.id,
        audience=target.audience,
        age_band=version.definition.age_band,
        mode=mode,
        language=language,
        consent_to_quote=consent,
        submitted_at=when or datetime(2026, 3, 2, 12, 0),
    )
    answer = Answer(question_id=question, value=text)
    response.answers = [answer] + [
        Answer(question_id=q, value=v) for q, v in (closed or {}).items()
    ]
    db.session.add(response)
    db.session.flush()
    if analysed:
        analysis = TextAnalysis(
            answer_id=answer.id,
            response_id=response.id,
            language=language,
            english_analysed=language == "en",
            sentiment=themes[0][1] if themes else "neutral",
            polarity=0.0,
            concern=concern,
            concern_categories=["neglect"] if concern else [],
            redacted=text if redacted is None else redacted,
        )
        analysis.themes = [TextTheme(theme=t, sentiment=s) for t, s in themes]
        db.session.add(analysis)
    if alert or concern:
        db.session.add(
            ConcernAlert(
                response_id=response.id,
                answer_id=answer.id,
                survey_id=target.id,
                categories=["neglect"],
                matches=["left alone"],
            )
        )
    db.session.commit()
    return response


def make_user(app, email: str, role: str) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        create_user(email, role, PASSWORD)


def sign_in(client, email: str) -> None:  # type: ignore[no-untyped-def]
    from tests.feedback.helpers import hidden
    from tests.feedback.mfa_helpers import pass_second_factor

    page = client.get("/login").get_data(as_text=True)
    reply = client.post(
        "/login",
        data={"csrf_token": hidden(page, "csrf_token"), "email": email, "password": PASSWORD},
    )
    reply = pass_second_factor(client, reply)
    assert reply.status_code == 302, reply.get_data(as_text=True)
