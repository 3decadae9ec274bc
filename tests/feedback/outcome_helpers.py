"""Two small children's surveys that share an outcome id, and a way to answer them quickly."""

from __future__ import annotations

import itertools
from datetime import date, datetime

from flask import Flask
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import Campaign, Survey
from feedback.services.surveys.responses import record_response
from feedback.services.surveys.versions import load_survey
from forms.loader import load_text

YOUNG = """
slug: little-voices
title: Little voices
audience: child
age_band: "5-7"
description: A few questions about your worker.
consent: You do not have to answer.
min_n: 3
languages: [en, pl]
pages:
  - title: You
    questions:
      - id: listened
        type: smiley3
        text: Did your worker listen to you?
        prefer_not_to_say: true
      - id: had_worker
        type: yes_no
        text: Do you have a worker?
      - id: helpers
        type: multi
        text: Who helped you?
        choices:
          - {value: teacher, label: A teacher}
          - {value: nurse, label: A nurse}
          - {value: nobody, label: Nobody}
outcomes:
  - id: felt_listened_to
    statement: Children who felt listened to
    question: listened
    positive: [happy]
  - id: someone_helped
    statement: Children who had someone to help them
    question: helpers
    positive: [teacher, nurse]
"""

OLDER = """
slug: older-voices
title: Older voices
audience: child
age_band: "12-17"
description: Tell us how it went.
consent: You do not have to answer.
min_n: 5
pages:
  - title: You
    questions:
      - id: heard_me
        type: likert5
        text: My worker heard what I said
        prefer_not_to_say: true
outcomes:
  - id: felt_listened_to
    statement: Young people who felt listened to
    question: heard_me
    positive: [agree, strongly_agree]
"""

_tokens = itertools.count()


def load(app: Flask, text: str) -> str:
    """Load a definition given as YAML text; return its slug."""
    with app.app_context():
        return load_survey(load_text(text, "test")).survey.slug


def answer(
    app: Flask,
    slug: str,
    answers: dict[str, object],
    *,
    when: datetime = datetime(2026, 3, 1, 12),
    times: int = 1,
    language: str = "en",
    mode: str = "online",
    completed_on: date | None = None,
) -> None:
    """Store *times* identical responses to the current version of *slug*."""
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.slug == slug))
        campaign = db.session.scalar(select(Campaign).where(Campaign.survey_id == survey.id))
        for _ in range(times):
            stored = record_response(
                version=survey.current_version,
                campaign=campaign,
                answers=answers,
                token=f"t{next(_tokens)}",
                secret="test",
                language=language,
                mode=mode,
                submitted_at=when,
                completed_on=completed_on,
            )
            assert stored is not None
