"""`heard demo`: one training course run whose before, after and follow-up answers pair up.

People use the demo codes DEMO000, DEMO001... at every stage, so the course page has a
before-and-after picture to show: confidence rises after the course and mostly holds a
few months on. A few loose ends are left on purpose (someone who only came to the
pre-course survey, a mistyped code, a paper form with no code) so the page shows how
unpaired answers are counted.
"""

from __future__ import annotations

import random
import secrets
from datetime import date, datetime, time, timedelta

from flask import current_app

from feedback.demo.answers import answer
from feedback.models import Campaign
from feedback.services.surveys.courses import course_campaigns, create_course_run
from feedback.services.surveys.responses import record_response

DEMO_SECRET = "demo"  # the pairing secret feedback.demo.responses uses too
PEOPLE = 16


def _conf(value: float) -> str:
    return str(max(0, min(10, round(value))))


def _answers(
    rng: random.Random,
    campaign: Campaign,
    code: str | None,
    confidence: dict[str, float],
    mood: float,
) -> dict[str, object]:

    definition = campaign.survey.live_version.definition
    answers: dict[str, object] = {}
    for q in definition.questions():
        if q.show_if is not None and not q.show_if.holds(answers):
            continue
        if q.id in confidence:
            value: object = _conf(confidence[q.id])
        elif q.type == "pairing_code":
            value = code
        else:
            value = answer(rng, definition, q, mood, code or "")
        if value is not None:
            answers[q.id] = value
    return answers


def _store(campaign: Campaign, answers: dict[str, object], when: datetime) -> None:
    record_response(
        version=campaign.survey.live_version,
        campaign=campaign,
        answers=answers,
        token=secrets.token_urlsafe(16),
        secret=DEMO_SECRET,
        submitted_at=when,
    )


def add_demo_course(rng: random.Random, today: date | None = None) -> int:
    """Create the demo course run and its paired answers; returns the responses stored."""
    today = today or date.today()
    run_date = today - timedelta(days=120)
    course = create_course_run(
        title="Multi-agency safeguarding: recognising and responding (demo)",
        run_date=run_date,
        trainer="Demo Trainer",
        cohort_size=PEOPLE + 2,
        secret=current_app.config["SECRET_KEY"],
    )
    stages = course_campaigns(course)
    assert stages.pre and stages.post and stages.followup
    items = [
        q.id for q in stages.pre.survey.live_version.definition.questions() if q.qtype.paired_scale
    ]
    morning = datetime.combine(run_date, time(9, 0))
    stored = 0
    for i in range(PEOPLE):
        code = f"DEMO{i:03d}"
        before = {q: rng.gauss(4.5, 1.6) for q in items}
        _store(stages.pre, _answers(rng, stages.pre, code, before, 0.5), morning)
        stored += 1
        if i == PEOPLE - 1:
            continue  # left at lunchtime: a pre-course answer with no partner
        after = {q: v + rng.choice([0, 1, 1, 2, 2, 2, 3, 4]) for q, v in before.items()}
        typo = "DEMO9" + code[-2:] if i == PEOPLE - 2 else code
        _store(
            stages.post, _answers(rng, stages.post, typo, after, 0.8), morning + timedelta(hours=7)
        )
        stored += 1
        if i % 3 == 0:
            continue  # not everyone answers a follow-up months later
        later = {q: v - rng.choice([0, 0, 0, 1, 1, 2]) for q, v in after.items()}
        when = morning + timedelta(days=90 + rng.randint(0, 20), hours=rng.randint(0, 8))
        _store(stages.followup, _answers(rng, stages.followup, code, later, 0.75), when)
        stored += 1
    no_code = _answers(rng, stages.post, None, {q: 7 for q in items}, 0.8)
    _store(stages.post, no_code, morning + timedelta(hours=7, minutes=5))  # a paper form
    return stored + 1
