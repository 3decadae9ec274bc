"""Sign-in throttling counts per account as well as per address, in a store workers share."""

from __future__ import annotations

import http.client
import logging
import re
import secrets
import sys
from urllib.parse import urlencode

import pytest

from tests.feedback.admin_helpers import PASSWORD, make_user
from tests.feedback.helpers import hidden

WRONG = "not the password at all"
RIGHT = PASSWORD


def _attempt(client, email: str, password: str, address: str):  # type: ignore[no-untyped-def]
    page = client.get("/login", environ_base={"REMOTE_ADDR": address}).get_data(as_text=True)
    return client.post(
        "/login",
        data={"csrf_token": hidden(page, "csrf_token"), "email": email, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def test_wrong_passwords_for_one_account_are_limited_whatever_the_address(make_app, redis_url):
    app = make_app(RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI=redis_url)
    make_user(app, "lead@example.org", "safeguarding")
    make_user(app, "other@example.org", "analyst")
    client = app.test_client()
    # An attacker spreading guesses over many addresses: each address stays under its own
    # limit, but the account's failures add up.
    for n in range(10):
        assert _attempt(client, "lead@example.org", WRONG, f"10.0.0.{n}").status_code == 200, n
    refused = _attempt(client, "LEAD@example.org ", WRONG, "10.0.1.1")
    assert refused.status_code == 429
    assert "Too many tries" in refused.get_data(as_text=True)
    # While the account is throttled even the right password waits (or guessing would go on).
    assert _attempt(client, "lead@example.org", RIGHT, "10.0.1.2").status_code == 429
    # Another account, from the same addresses, is not affected.
    assert _attempt(client, "other@example.org", RIGHT, "10.0.0.1").status_code == 302


def test_a_successful_sign_in_does_not_count_against_the_account(make_app, redis_url):
    app = make_app(RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI=redis_url)
    make_user(app, "busy@example.org", "analyst")
    for n in range(12):
        client = app.test_client()
        assert _attempt(client, "busy@example.org", RIGHT, f"10.1.0.{n}").status_code == 302


def _sign_in_over_http(host: str, email: str) -> int:
    """One wrong sign-in through a real socket: GET /login for the cookie and token, POST."""
    conn = http.client.HTTPConnection(host, timeout=60)
    conn.request("GET", "/login")
    page = conn.getresponse()
    html = page.read().decode()
    cookie = page.getheader("Set-Cookie", "").split(";", 1)[0]
    token = re.search(r'name="csrf_token"[^>]*value="([^"]*)"', html).group(1)  # type: ignore[union-attr]
    body = urlencode({"csrf_token": token, "email": email, "password": WRONG})
    headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
    conn.request("POST", "/login", body=body, headers=headers)
    reply = conn.getresponse()
    reply.read()
    conn.close()
    return reply.status


@pytest.mark.slow
def test_two_servers_share_sign_in_counts_through_redis(database_url, redis_url):
    """Two gunicorn processes, one store: an address gets 10 tries in all, not 10 each."""
    from tests.load.harness import gunicorn

    shared = {
        "HEARD_RATELIMIT_ENABLED": "1",
        "HEARD_RATELIMIT_STORAGE_URI": redis_url,
        "SECRET_KEY": secrets.token_hex(16),
        "HEARD_BASE_URL": "https://heard.example",
    }
    with gunicorn(database_url, 1, shared) as first, gunicorn(database_url, 1, shared) as second:
        # Different accounts each time, so only the per-address count is in play.
        statuses = [
            _sign_in_over_http((first, second)[n % 2], f"person{n}@example.org") for n in range(20)
        ]
    assert statuses.count(200) == 10, statuses
    assert statuses.count(429) == 10, statuses


def test_several_workers_on_the_memory_store_warn_at_start(make_app, monkeypatch, caplog):
    monkeypatch.setattr(sys, "argv", ["gunicorn", "-w", "4", "feedback:create_app()"])
    with caplog.at_level(logging.WARNING):
        make_app(RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI="memory://")
    assert "HEARD_RATELIMIT_STORAGE_URI" in caplog.text
    assert "4 workers" in caplog.text


def test_workers_from_the_environment_count_too(make_app, monkeypatch, caplog):
    monkeypatch.setattr(sys, "argv", ["gunicorn", "feedback:create_app()"])
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    with caplog.at_level(logging.WARNING):
        make_app(RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI="memory://")
    assert "3 workers" in caplog.text


def test_a_shared_store_or_one_worker_does_not_warn(make_app, monkeypatch, caplog, redis_url):
    monkeypatch.setattr(sys, "argv", ["gunicorn", "--workers=4", "feedback:create_app()"])
    with caplog.at_level(logging.WARNING):
        make_app(RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI=redis_url)
    monkeypatch.setattr(sys, "argv", ["gunicorn", "-w", "1", "feedback:create_app()"])
    with caplog.at_level(logging.WARNING):
        make_app(RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI="memory://")
    assert "HEARD_RATELIMIT_STORAGE_URI" not in caplog.text
