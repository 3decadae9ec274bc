"""Nothing a respondent said stays in the browser's cookie (issue 13, item 10).

The session cookie is signed, not encrypted: anyone holding the device can read it.
Between the last POST and the thank-you page it carried {"concern": true, "receipt": ...}.
"""

from __future__ import annotations

import base64
import zlib

from flask.testing import FlaskClient

from tests.feedback.helpers import load_test_survey, post_page, start
from tests.feedback.safeguarding_helpers import DISCLOSURE

SLUG = "children-8-11"


def _readable_cookie(client: FlaskClient) -> str:
    """What anyone holding the device can read from the session cookie, without the key."""
    cookie = client.get_cookie("session")
    if cookie is None:
        return ""
    payload = cookie.value.split(".")
    compressed = payload[0] == ""
    body = payload[1] if compressed else payload[0]
    raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    return (zlib.decompress(raw) if compressed else raw).decode("utf-8", "replace")


def _submit(client: FlaskClient, slug: str, answers: dict[str, str]):  # type: ignore[no-untyped-def]
    html = start(client, slug)
    for _ in range(30):
        shown = {k: v for k, v in answers.items() if f'name="{k}"' in html}
        action = "submit" if "Check your answers" in html else "next"
        reply = post_page(client, slug, html, shown, action=action)
        if reply.status_code == 303:
            return reply
        html = reply.get_data(as_text=True)
    raise AssertionError("the survey did not end")


def test_the_concern_flag_never_reaches_the_cookie(library_loaded):
    client = library_loaded.test_client()
    reply = _submit(client, SLUG, {"anything_else": DISCLOSURE})
    readable = _readable_cookie(client)
    assert "concern" not in readable
    assert "true" not in readable.lower()
    thanks = client.get(reply.headers["Location"]).get_data(as_text=True)
    assert "You can get help now" in thanks  # the page still knows, from the server
    assert "thanks" not in _readable_cookie(client)


def test_the_receipt_is_never_readable_in_the_cookie(app):
    slug = load_test_survey(app, "withdrawable.yaml")
    client = app.test_client()
    reply = _submit(client, slug, {"responsive": "agree"})
    before = _readable_cookie(client)
    thanks = client.get(reply.headers["Location"]).get_data(as_text=True)
    receipt = thanks.split('class="receipt">', 1)[1].split("<", 1)[0]
    assert receipt and receipt not in before
    assert receipt not in _readable_cookie(client)
    again = client.get(reply.headers["Location"]).get_data(as_text=True)
    assert receipt not in again  # shown once


def test_a_second_person_on_the_device_sees_a_plain_thank_you(library_loaded):
    client = library_loaded.test_client()
    reply = _submit(client, SLUG, {"anything_else": DISCLOSURE})
    client.get(reply.headers["Location"])
    later = client.get(reply.headers["Location"]).get_data(as_text=True)
    assert "You can get help now" not in later
