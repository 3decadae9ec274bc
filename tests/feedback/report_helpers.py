"""Known figures for the Board report's summary and the "what changed" page.

24 of 30 children felt listened to in 2026-H1 against 12 of 30 in 2025-H2 (80%, up from
40%: a real change); themes with set numbers of mentions in 2026-H1 and none before (10, 3 and 2);
twelve flagged texts (each with an alert, raised in 2026-H1) that must never count or
appear anywhere.
"""

from __future__ import annotations

from datetime import datetime

from feedback.extensions import db
from feedback.models import Answer, ConcernAlert, Response
from tests.feedback.textdata import add_text, survey

H1 = datetime(2026, 3, 2, 12, 0)
H2_BEFORE = datetime(2025, 9, 2, 12, 0)
FLAGGED = "Waiting words a lead flagged, which no Board page may quote"
FLAGGED_COUNT = 12


def respond(slug: str, answers: dict[str, str], when: datetime) -> None:
    target = survey(slug)
    version = target.current_version
    response = Response(
        survey_id=target.id,
        version_id=version.id,
        audience=target.audience,
        age_band=version.definition.age_band,
        mode="online",
        language="en",
        submitted_at=when,
    )
    response.answers = [Answer(question_id=q, value=v) for q, v in answers.items()]
    db.session.add(response)


def known_data(app) -> None:  # type: ignore[no-untyped-def]
    from feedback.services.surveys.versions import load_library

    with app.app_context():
        load_library()
        for when, positive in ((H1, 24), (H2_BEFORE, 12)):
            for i in range(30):
                value = "very_happy" if i < positive else "sad"
                respond("children-8-11", {"listened": value, "respected": "happy"}, when)
        db.session.commit()
        texts = [
            ("children-8-11", "They listened to me every time", "listened_to", "positive", 10),
            ("children-8-11", "I feel safe at home now, thank you", "safety", "positive", 3),
            ("staff-survey", "My workload is far too heavy this year", "workload", "negative", 2),
        ]
        for slug, words, theme, sentiment, count in texts:
            for i in range(count):
                add_text(slug, f"{words} {i}", [(theme, sentiment)], when=H1)
        # Flagged mentions of one theme: enough to top the list (and to rise
        # significantly on the "what changed" page) if they counted.
        for i in range(FLAGGED_COUNT):
            add_text(
                "children-8-11",
                f"{FLAGGED} {i}",
                [("timeliness", "negative")],
                concern=True,
                when=H1,
            )
        for alert in db.session.scalars(db.select(ConcernAlert)):
            alert.created_at = H1  # raised in the period, like the texts
        db.session.commit()
