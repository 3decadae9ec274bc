"""A breakdown by a question uses only the versions where it is closed (issue 12, item 5).

The probe: `club` was free text in version 1 and a closed question in version 2. Broken
down by `club`, the outcomes joined version 1's answers too, and a child's raw words,
a flagged disclosure among them, became a group name in the API and on the page.
"""

from __future__ import annotations

from tests.feedback.outcome_helpers import answer, load
from tests.feedback.safeguarding_helpers import DISCLOSURE
from tests.feedback.staff_helpers import signed_in

HEAD = """
slug: club-voices
title: Club voices
audience: child
consent: You do not have to answer.
min_n: 2
pages:
  - title: You
    questions:
      - id: heard_me
        type: smiley3
        text: Did the club listen to you?
"""
FREE = '      - {id: club, type: text, text: "Which club do you go to?"}\n'
CLOSED = (
    '      - {id: club, type: single, text: "Which club do you go to?", '
    "choices: [{value: art, label: Art}, {value: sport, label: Sport}]}\n"
)
TAIL = """outcomes:
  - id: club_listened
    statement: Children the club listened to
    question: heard_me
    positive: [happy]
"""


def _two_versions(app) -> str:  # type: ignore[no-untyped-def]
    slug = load(app, HEAD + FREE + TAIL)
    answer(app, slug, {"heard_me": "happy", "club": DISCLOSURE}, times=3)
    answer(app, slug, {"heard_me": "happy", "club": "sport"}, times=3)  # typed, not chosen
    load(app, HEAD + CLOSED + TAIL)
    answer(app, slug, {"heard_me": "happy", "club": "art"}, times=3)
    answer(app, slug, {"heard_me": "sad", "club": "sport"}, times=3)
    return slug


def _groups(rows: list[dict]) -> dict[str, int]:
    return {r["group"]["club"]: r["denominator"] for r in rows if r["group"]}


def test_api_breakdown_never_makes_free_text_a_group(app):
    slug = _two_versions(app)
    client = signed_in(app, "analyst")
    reply = client.get(f"/api/v1/surveys/{slug}/outcomes?by=club")
    assert reply.status_code == 200
    assert "boyfriend" not in reply.get_data(as_text=True)
    rows = reply.get_json()
    # Version 1's answers are not counted under version 2's choices: the 3 typed "sport"
    # are no sport group members. Its responses have no club group ("not answered"),
    # so the groups still add up to everyone.
    assert _groups(rows) == {"art": 3, "sport": 3, "not answered": 6}
    overall = next(r for r in rows if r["group"] is None)
    assert overall["denominator"] == 12


def test_analyst_page_and_command_line_never_show_free_text_groups(app, runner):
    slug = _two_versions(app)
    page = signed_in(app, "analyst").get(f"/analyse/surveys/{slug}?by=club")
    assert page.status_code == 200 and "boyfriend" not in page.get_data(as_text=True)
    result = runner.invoke(args=["outcomes", slug, "--by", "club", "--format", "json"])
    assert result.exit_code == 0 and "boyfriend" not in result.output
