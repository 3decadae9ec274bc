"""After an action, staff pages say what happened at the top: a success banner, or the
GOV.UK error pattern (a summary at the top linking to the message next to the field)."""

from __future__ import annotations

import re

import pytest

from tests.feedback.admin_helpers import csrf, make_user, sign_in_as
from tests.feedback.helpers import hidden
from tests.feedback.safeguarding_helpers import DISCLOSURE, alerts, lead_client, submit

SLUG = "children-12-17"


@pytest.fixture
def lead(library_loaded):  # type: ignore[no-untyped-def]
    return lead_client(library_loaded)


@pytest.fixture
def alert_id(library_loaded) -> int:  # type: ignore[no-untyped-def]
    submit(library_loaded.test_client(), SLUG, {"anything_else": DISCLOSURE})
    return alerts(library_loaded)[-1].id


def _post(client, url: str, data: dict[str, str]):  # type: ignore[no-untyped-def]
    token = hidden(client.get("/staff").get_data(as_text=True), "csrf_token")
    return client.post(url, data={**data, "csrf_token": token})


def _summary(html: str) -> str:
    """The error summary's HTML (the staff menu has lists of its own before it)."""
    start = html.index('class="error-summary"')
    return html[start : html.index("</ul>", start)]


def _banner(html: str) -> str:
    """The text of the success banner, or "" when the page has none."""
    found = re.search(
        r'<div class="notification-banner success" role="alert".*?</div>\s*</div>', html, re.S
    )
    return re.sub(r"<[^>]+>|\s+", " ", found.group(0)).strip() if found else ""


def test_an_alert_action_lands_at_the_top_with_a_success_banner(lead, alert_id):
    reply = _post(lead, f"/safeguarding/alerts/{alert_id}/state", {"state": "in_review"})
    assert reply.status_code == 303
    # Regression: the redirect went to #workflow, below the fold, away from the message.
    assert reply.headers["Location"].endswith(f"/safeguarding/alerts/{alert_id}")
    page = lead.get(reply.headers["Location"]).get_data(as_text=True)
    assert "Success" in _banner(page) and "The alert is now: In review." in _banner(page)
    assert page.index("notification-banner") < page.index("<h1")
    assert "data-notification-banner" in page  # heard.js moves the focus to it
    # Said once: the next page has no banner.
    assert _banner(lead.get(reply.headers["Location"]).get_data(as_text=True)) == ""


def test_a_refused_note_is_in_the_summary_and_next_to_the_field(lead, alert_id):
    reply = _post(lead, f"/safeguarding/alerts/{alert_id}/notes", {"note_text": "   "})
    page = lead.get(reply.headers["Location"]).get_data(as_text=True)
    summary = _summary(page)
    assert 'href="#note_text"' in summary and "Write a note first" in summary
    assert page.index('class="error-summary"') < page.index("<h1")
    assert re.search(r'<p class="error-message" id="note_text-error">.*Write a note first', page)
    assert re.search(r'<textarea id="note_text"[^>]*aria-describedby="note_text-error"', page)
    assert _banner(page) == ""


def test_closing_without_a_note_points_at_the_note_field(lead, alert_id):
    _post(lead, f"/safeguarding/alerts/{alert_id}/state", {"state": "in_review"})
    reply = _post(lead, f"/safeguarding/alerts/{alert_id}/state", {"state": "actioned"})
    page = lead.get(reply.headers["Location"]).get_data(as_text=True)
    assert '<a href="#state_note">Say what was done before closing the alert.</a>' in page
    assert 'id="state_note-error"' in page
    assert "The alert is now" not in page


def test_assigning_says_so(lead, alert_id):
    reply = _post(lead, f"/safeguarding/alerts/{alert_id}/assign", {"assignee": ""})
    assert "Assignment saved." in _banner(
        lead.get(reply.headers["Location"]).get_data(as_text=True)
    )


def test_the_invite_form_chooses_no_role_for_the_admin(app, client):
    sign_in_as(app, client, "admin")
    page = client.get("/admin/users").get_data(as_text=True)
    radios = re.findall(r'<input type="radio" id="invite-role-\d+" name="role"[^>]*>', page)
    assert len(radios) >= 5
    assert not [r for r in radios if "checked" in r]


def test_an_invite_without_a_role_is_refused_in_the_gov_uk_pattern(app, client):
    sign_in_as(app, client, "admin")
    reply = client.post(
        "/admin/invitations", data={"csrf_token": csrf(client), "email": "new@example.org"}
    )
    assert reply.status_code == 400
    page = reply.get_data(as_text=True)
    summary = _summary(page)
    assert (
        'href="#invite-role-0"' in summary and "Choose the role this person will have." in summary
    )
    # The summary is first in the page's content, not halfway down beside the form.
    assert page.index('class="error-summary"') < page.index("<table")
    assert re.search(r'<p class="error-message" id="invite-role-0-error">.*Choose the role', page)
    assert 'value="new@example.org"' in page  # what was typed is kept


def test_an_invite_with_a_role_then_shows_the_link(app, client):
    sign_in_as(app, client, "admin")
    reply = client.post(
        "/admin/invitations",
        data={"csrf_token": csrf(client), "email": "new@example.org", "role": "analyst"},
    )
    assert reply.status_code == 200 and "/invite/" in reply.get_data(as_text=True)


def test_a_role_change_says_so_in_a_banner(app, client):
    admin_id = sign_in_as(app, client, "admin")
    other = make_user(app, "sam@example.org", "analyst")
    reply = client.post(
        f"/admin/users/{other}/role", data={"csrf_token": csrf(client), "role": "trainer"}
    )
    page = client.get(reply.headers["Location"]).get_data(as_text=True)
    assert "sam@example.org is now: Trainer." in _banner(page)
    # Refused (the last admin cannot demote themselves): a problem, not a success.
    reply = client.post(
        f"/admin/users/{admin_id}/role", data={"csrf_token": csrf(client), "role": "analyst"}
    )
    page = client.get(reply.headers["Location"]).get_data(as_text=True)
    assert _banner(page) == "" and 'class="error-summary"' in page
