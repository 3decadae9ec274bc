"""`heard demo`: realistic synthetic responses for every bundled survey.

Answers lean positive and improve slowly over the 18 months, so the outcome statements and
the change since last period have something to say. All text is invented.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

from sqlalchemy import select

from feedback.demo import texts as demo_text
from feedback.demo.answers import answer
from feedback.demo.audits import add_demo_audits
from feedback.demo.reading import add_demo_reading
from feedback.demo.training import add_demo_course
from feedback.extensions import db
from feedback.models import Campaign, SurveyVersion
from feedback.models._time import utcnow
from feedback.services.surveys.responses import record_response
from feedback.services.surveys.versions import load_library
from forms.schema import Definition

DAYS = 548  # about 18 months


def _responses(
    definition: Definition, n: int, rng: random.Random
) -> Iterator[tuple[dict, datetime]]:
    now = utcnow()
    codes = [f"DEMO{i:03d}" for i in range(max(10, n))]
    for i in range(n):
        age = rng.randint(0, DAYS)
        mood = 0.55 + 0.3 * (1 - age / DAYS)  # things get a little better over time
        code = codes[i % len(codes)]
        answers: dict[str, object] = {}
        for q in definition.questions():
            if q.show_if is not None and not q.show_if.holds(answers):
                continue
            value = answer(rng, definition, q, mood, code)
            if value is not None:
                answers[q.id] = value
        yield answers, now - timedelta(days=age, minutes=rng.randint(0, 1440))


def fill(responses: int, seed: int = 7, progress: Callable[[int], object] | None = None) -> int:
    """Load the library and add `responses` made-up responses to each survey."""
    rng = random.Random(seed)
    stored = 0
    for survey in load_library():
        version = survey.live_version
        definition = version.definition
        campaign = db.session.scalar(select(Campaign).where(Campaign.survey_id == survey.id))
        langs = list(definition.languages)
        for answers, when in _responses(definition, responses, rng):
            language = langs[0] if rng.random() < 0.8 or len(langs) == 1 else rng.choice(langs)
            record_response(
                version=version,
                campaign=campaign,
                answers=answers,
                token=secrets.token_urlsafe(16),
                secret="demo",
                language=language,
                mode=rng.choice(["online"] * 8 + ["paper", "facilitated"]),
                submitted_at=when,
            )
            stored += 1
            if progress:
                progress(1)
        if definition.audience == "child":
            _add_disclosures(version, campaign, rng)
    from feedback.demo.evidence import add_demo_evidence

    stored += add_demo_course(rng)  # a course run whose answers pair up
    add_demo_audits(seed)  # Section 11 rounds and a case audit
    stored += add_demo_reading(rng)
    add_demo_evidence(utcnow().date())  # priorities' figures and actions, no responses
    return stored


def _add_disclosures(version: SurveyVersion, campaign: Campaign | None, rng: random.Random) -> None:
    """One disclosure per children's survey, so the safeguarding screens have work to show."""
    definition = version.definition
    texts = [q for q in definition.questions() if q.free_text and q.show_if is None]
    if not texts:
        return
    answers = {texts[0].id: rng.choice(demo_text.CHILD_CONCERN)}
    for q in definition.questions():
        if q.required and q.id not in answers and q.closed and q.show_if is None:
            answers[q.id] = q.choices[0].value
    record_response(
        version=version,
        campaign=campaign,
        answers=answers,
        token=secrets.token_urlsafe(16),
        secret="demo",
        submitted_at=utcnow() - timedelta(hours=2),
    )
