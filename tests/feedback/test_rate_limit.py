"""Stored submissions are limited per client address, and the address is never stored.

(The limits that spare a classroom are in test_classroom_throttle.py.)
"""

from __future__ import annotations

from sqlalchemy import inspect, select, text

from feedback.extensions import db
from tests.feedback.helpers import hidden, load_test_survey, post_page, start


def test_submissions_are_rate_limited_per_address_and_the_address_is_not_stored(make_app):
    app = make_app(RATELIMIT_ENABLED=True, HEARD_SUBMIT_RATE="1 per minute")
    slug = load_test_survey(app)
    client = app.test_client()
    html = start(client, slug)  # one POST
    html = post_page(client, slug, html, {"had_worker": "no"}).get_data(as_text=True)
    html = post_page(client, slug, html, {}).get_data(as_text=True)
    assert post_page(client, slug, html, {}, action="submit").status_code == 303  # stored
    page = client.get(f"/s/{slug}").get_data(as_text=True)
    limited = client.post(
        f"/s/{slug}", data={"csrf_token": hidden(page, "csrf_token"), "action": "start"}
    )
    assert limited.status_code == 429
    assert "Too many tries" in limited.get_data(as_text=True)
    # Another address is not affected.
    other = client.post(
        f"/s/{slug}",
        data={"csrf_token": hidden(page, "csrf_token"), "action": "start"},
        environ_base={"REMOTE_ADDR": "127.0.0.2"},
    )
    assert other.status_code == 200
    with app.app_context():
        for table in inspect(db.engine).get_table_names():
            for row in db.session.execute(select(text("*")).select_from(text(f'"{table}"'))):
                assert "127.0.0." not in " ".join(map(str, row)), table
