"""The demo's reading list: a few recent children's texts waiting, the older ones read.

A real partnership reads as texts arrive, so the demo marks every child's text older
than a fortnight as read by the demo lead (a day or two after it came in, as the
monthly summary expects), and adds a handful of fresh ones over the last few days, some
already overdue, one of them a worry the analyser's rules do not catch.
"""

from __future__ import annotations

import random
import secrets
from datetime import timedelta

from sqlalchemy import select

from feedback.demo import texts as demo_text
from feedback.extensions import db
from feedback.models import Campaign, ReadingDecision, Survey, User
from feedback.models._time import utcnow
from feedback.services.audit import audit
from feedback.services.safeguarding.reading import unread_before
from feedback.services.surveys.responses import record_response

#: Texts older than this were read long ago.
READ_AFTER = timedelta(days=14)
#: Hours ago of the fresh texts per children's survey: some new, some overdue.
FRESH_HOURS = (3, 20, 50, 90)


def _fresh_texts(rng: random.Random) -> int:
    added = 0
    surveys = db.session.scalars(select(Survey).where(Survey.audience == "child"))
    for survey in surveys:
        definition = survey.live_version.definition
        texts = [q for q in definition.questions() if q.free_text and q.show_if is None]
        if not texts:
            continue
        campaign = db.session.scalar(select(Campaign).where(Campaign.survey_id == survey.id))
        for hours in FRESH_HOURS:
            words = rng.choice(demo_text.CHILD + demo_text.CHILD_UNFLAGGED)
            record_response(
                version=survey.live_version,
                campaign=campaign,
                answers={texts[-1].id: words},
                token=secrets.token_urlsafe(16),
                secret="demo",
                submitted_at=utcnow() - timedelta(hours=hours, minutes=rng.randint(0, 50)),
            )
            added += 1
    return added


def add_demo_reading(rng: random.Random) -> int:
    """Fresh children's texts for the list, and the old ones read; returns responses added."""
    added = _fresh_texts(rng)
    lead = db.session.scalar(
        select(User.id).where(User.role == "safeguarding", User.active.is_(True)).order_by(User.id)
    )
    old = unread_before(utcnow() - READ_AFTER)
    for answer_id, response_id, sent in old:
        db.session.add(
            ReadingDecision(
                answer_id=answer_id,
                response_id=response_id,
                decision="no_concern",
                user_id=lead,
                decided_at=sent + timedelta(hours=rng.uniform(2, 60)),
                bulk=True,
            )
        )
    if old:
        audit("reading.demo", None, None, commit=False, user_id=lead, read=len(old))
    db.session.commit()
    return added
