"""/analyse opens with "what changed": known figures in (tests/feedback/report_helpers.py)."""

from __future__ import annotations

import re

from feedback.services.outcomes.periods import default_period
from tests.feedback.report_helpers import FLAGGED, known_data
from tests.feedback.textdata import make_user, sign_in


def _card(html: str, voice: str) -> str:
    opening = f'<section class="change-card" aria-labelledby="changes-{voice}">'
    match = re.search(re.escape(opening) + ".*?</section>", html, re.S)
    assert match, f"no card for {voice}"
    return re.sub(r"\s+", " ", match.group(0))


def test_what_changed_per_voice_against_the_period_before(app, client):
    known_data(app)
    make_user(app, "analyst@example.org", "analyst")
    sign_in(client, "analyst@example.org")
    html = client.get("/analyse/?period=2026-H1").get_data(as_text=True)
    assert "What changed in 2026-H1" in html and "Against 2025-H2." in html
    children = _card(html, "child")
    # 30 closed-answer responses and 25 with text in 2026-H1; 30 in 2025-H2.
    assert "55 new responses" in children and "(30 in 2025-H2)" in children
    assert "Children who felt listened to</a>:" in children
    assert "<strong>80%</strong>, up from 40% in 2025-H2: a real change" in children
    assert "/analyse/surveys/children-8-11?period=2026-H1" in children
    # 10 of 55 responses mention being listened to, none before: a real rise. The flagged
    # texts (12, with their alerts) never move a theme, and are never shown.
    assert "Being listened to: up from 0% to 18% of responses" in children
    assert "Waiting and delays" not in html and FLAGGED not in html
    # Alerts as counts: all twelve are open, and overdue (raised in March). Analysts
    # cannot open the alert list, so there is no link to it.
    assert "12 open, 12 overdue" in children and "/safeguarding" not in children
    staff = _card(html, "staff")
    assert "2 new responses" in staff and "No outcome changed significantly." in staff


def test_default_period_is_the_latest_complete_half_year_and_all_is_refused(app, client):
    known_data(app)
    make_user(app, "admin@example.org", "admin")
    sign_in(client, "admin@example.org")
    html = client.get("/analyse/").get_data(as_text=True)
    assert f"What changed in {default_period().label}" in html
    # "all" has no earlier figure: the page says so, and shows the default instead.
    reply = client.get("/analyse/?period=all")
    assert reply.status_code == 400
    assert "Choose a half-year or a financial year from the list." in reply.get_data(as_text=True)
    # Admins can open the alert list, so the count links to it.
    children = _card(client.get("/analyse/?period=2026-H1").get_data(as_text=True), "child")
    assert 'href="/safeguarding/"' in children
