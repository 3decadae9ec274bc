"""The analyst's outcome pages and the outcomes API: who may see them, and what they show."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from tests.feedback.outcome_helpers import OLDER, YOUNG, answer, load
from tests.feedback.staff_helpers import assert_locked, every_role, signed_in

PATHS = [
    "/analyse/",
    "/analyse/surveys/little-voices",
    "/api/v1/surveys/little-voices/outcomes",
]


@pytest.mark.parametrize("path", PATHS)
def test_only_analysts_and_admins_get_in(app, path):
    load(app, YOUNG)
    assert_locked(every_role(app), path, allowed=("analyst", "admin"))


def test_facilitator_is_refused(app):
    load(app, YOUNG)
    client = signed_in(app, "facilitator")
    assert client.get("/analyse/surveys/little-voices").status_code == 403
    assert client.get("/api/v1/surveys/little-voices/outcomes").status_code == 403


def test_anonymous_visitor_is_sent_to_sign_in(app, client):
    load(app, YOUNG)
    reply = client.get("/analyse/surveys/little-voices")
    assert reply.status_code == 302 and "/login" in reply.headers["Location"]


def test_empty_state_says_how_to_load_surveys(app):
    page = signed_in(app, "analyst").get("/analyse/").get_data(as_text=True)
    assert "heard surveys load forms/library" in page


def test_survey_list_shows_response_counts(app):
    load(app, YOUNG)
    load(app, OLDER)
    answer(app, "older-voices", {"heard_me": "agree"}, times=3)
    page = signed_in(app, "analyst").get("/analyse/").get_data(as_text=True)
    assert 'href="/analyse/surveys/older-voices"' in page
    table = page[page.index('<table class="analyse-surveys"') :]  # below "what changed"
    row = re.search(r"Older voices.*?</tr>", table, re.S)
    assert row and re.search(r'class="num">3</td>', row.group(0))
    assert '<th scope="col"' in page and "<caption>" in page


def test_survey_page_shows_intervals_suppression_and_change(app):
    load(app, YOUNG)
    answer(app, "little-voices", {"listened": "happy"}, times=9, when=datetime(2026, 3, 1))
    answer(app, "little-voices", {"listened": "sad"}, when=datetime(2026, 3, 1))
    answer(app, "little-voices", {"listened": "happy"}, times=3, when=datetime(2025, 10, 1))
    answer(app, "little-voices", {"listened": "sad"}, times=7, when=datetime(2025, 10, 1))
    client = signed_in(app, "analyst")
    reply = client.get("/analyse/surveys/little-voices?period=2026-H1")
    page = reply.get_data(as_text=True)
    assert reply.status_code == 200
    assert "Outcome statements, 2026-H1" in page
    # Whole percents in statements, one decimal in intervals.
    assert "90%" in page and "59.6% to 98.2%" in page
    assert "Up from 30% in 2025-H2; a real change" in page
    # Nobody answered the helpers question: its row is suppressed, and says so.
    assert "Not shown" in page and "fewer than 3 answers" in page
    assert '<th scope="row">Children who had someone to help them</th>' in page
    # The places other parts of the analyse area fill.
    assert '<option value="2026-H1" selected>' in page


def test_survey_page_breakdown_and_pooling(app):
    load(app, YOUNG)
    load(app, OLDER)
    answer(app, "little-voices", {"listened": "happy", "had_worker": "yes"}, times=4)
    answer(app, "older-voices", {"heard_me": "agree"}, times=5)
    client = signed_in(app, "analyst")
    page = client.get("/analyse/surveys/little-voices?by=had_worker&pool=1").get_data(as_text=True)
    # Each survey with its age band (issue 15: wherever staff see them) and its slug.
    assert (
        "All of: Little voices (ages 5\u20137) (little-voices); "
        "Older voices (ages 12\u201317) (older-voices)" in page
    )
    assert "<td>Yes</td>" in page and "Not answered" in page


def test_survey_page_explains_a_bad_period_instead_of_failing(app):
    load(app, YOUNG)
    client = signed_in(app, "analyst")
    reply = client.get("/analyse/surveys/little-voices?period=soon")
    assert reply.status_code == 400
    assert "There is a problem" in reply.get_data(as_text=True)
    assert client.get("/analyse/surveys/little-voices?by=nonsense").status_code == 400


def test_unknown_survey_is_404(app):
    assert signed_in(app, "analyst").get("/analyse/surveys/nope").status_code == 404


def test_respondent_text_in_group_names_is_escaped(app):
    load(app, YOUNG)
    hostile = YOUNG.replace("Little voices", "<script>alert(1)</script>")
    load(app, hostile)
    page = signed_in(app, "analyst").get("/analyse/").get_data(as_text=True)
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page
