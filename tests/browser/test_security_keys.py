"""Security keys and passkeys in Chromium, through its virtual authenticator (DevTools).

An admin with no second factor adds a key on the security page (navigator.credentials.
create answered by the virtual authenticator), makes recovery codes, signs out, and signs
in again with the password and the key (navigator.credentials.get). py_webauthn checks
both ceremonies against the challenge, origin and relying-party id on the server.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select
from werkzeug.serving import make_server

from feedback import create_app
from feedback.extensions import db
from feedback.models import AuditEvent, SecurityKey
from feedback.services.people.users import create_user
from tests.browser.axe_helpers import assert_accessible
from tests.conftest import ON_POSTGRES
from tests.feedback.catalog_helpers import ensure_compiled

pytestmark = pytest.mark.browser
PASSWORD = "a long enough passphrase"


@pytest.fixture
def key_site(template_db: str, tmp_path: Path) -> Iterator[tuple[Flask, str]]:
    """The app served at http://localhost:PORT (WebAuthn needs a host name, not an IP)."""
    if ON_POSTGRES:
        pytest.skip("the WebAuthn journey needs no second database engine; SQLite covers it")
    ensure_compiled()
    shutil.copy(template_db, tmp_path / "heard.sqlite")
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'heard.sqlite'}",
            "HEARD_OUTBOX": str(tmp_path / "outbox"),
        }
    )
    server = make_server("127.0.0.1", 0, app, threaded=True)
    base = f"http://localhost:{server.server_port}"
    app.config["HEARD_BASE_URL"] = base  # the origin and relying-party id the key signs
    with app.app_context():
        create_user("keyholder@example.org", "admin", PASSWORD)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield app, base
    finally:
        server.shutdown()
        thread.join(timeout=5)
        with app.app_context():
            db.engine.dispose()


@pytest.fixture
def key_page(browser: Any) -> Iterator[Any]:
    """A tab whose browser has a virtual platform authenticator (a passkey on the device)."""
    context = browser.new_context()
    page = context.new_page()
    devtools = context.new_cdp_session(page)
    devtools.send("WebAuthn.enable")
    devtools.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    try:
        yield page
    finally:
        context.close()


def _password(page: Any, base: str) -> None:
    page.goto(f"{base}/login")
    page.fill("#email", "keyholder@example.org")
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")


def test_an_admin_adds_a_passkey_and_signs_in_with_it(key_site, key_page):
    app, base = key_site
    page = key_page
    _password(page, base)
    assert page.url == f"{base}/account/security"
    page.goto(f"{base}/admin/users")
    assert page.url == f"{base}/account/security"  # no admin page before enrolling
    page.fill("[data-webauthn-name]", "Laptop passkey")
    with page.expect_navigation():
        page.click("[data-webauthn-register] [data-webauthn-go]")
    assert "Your security key is added." in page.inner_text("main")
    assert "Laptop passkey" in page.inner_text("main")
    assert_accessible(page, "the security page with a key")
    with page.expect_navigation():
        page.get_by_role("button", name="Make my recovery codes").click()
    assert page.locator("#recovery-codes li").count() == 10
    page.goto(f"{base}/admin/users")
    assert page.url == f"{base}/admin/users"
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()

    _password(page, base)
    assert page.url == f"{base}/login/second-factor"
    assert_accessible(page, "the second step with a key")
    with page.expect_navigation():
        page.click("[data-webauthn-sign-in] [data-webauthn-go]")
    assert page.url == f"{base}/staff"
    page.goto(f"{base}/admin/users")
    assert page.url == f"{base}/admin/users"
    with app.app_context():
        key = db.session.scalar(select(SecurityKey))
        assert key is not None and key.last_used_at is not None
        actions = [
            (e.action, (e.detail or {}).get("factor") or (e.detail or {}).get("second_factor"))
            for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))
        ]
    assert ("mfa.enrol", "webauthn") in actions and ("signin.ok", "webauthn") in actions


def test_a_key_answer_for_another_challenge_is_refused(key_site, key_page):
    """A signed answer replayed to a fresh sign-in: the challenge no longer matches."""
    app, base = key_site
    page = key_page
    _password(page, base)
    page.fill("[data-webauthn-name]", "Key")
    with page.expect_navigation():
        page.click("[data-webauthn-register] [data-webauthn-go]")
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
    _password(page, base)
    # Capture the answer the page sends, then replay it in a new sign-in.
    with page.expect_request("**/login/second-factor/key") as sent:
        with page.expect_navigation():
            page.click("[data-webauthn-sign-in] [data-webauthn-go]")
    answer = sent.value.post_data
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
    _password(page, base)
    status = page.evaluate(
        """async ([answer]) => {
            const csrf = document.querySelector('[data-webauthn-sign-in]').dataset.csrf;
            await fetch('/login/second-factor/key/options', {method: 'POST',
                headers: {'X-CSRFToken': csrf}});
            const reply = await fetch('/login/second-factor/key', {method: 'POST',
                headers: {'Content-Type': 'application/json', 'X-CSRFToken': csrf},
                body: answer});
            return reply.status;
        }""",
        [answer],
    )
    assert status == 400
    with app.app_context():
        reasons = [
            (e.detail or {}).get("reason")
            for e in db.session.scalars(
                select(AuditEvent).where(AuditEvent.action == "signin.refused")
            )
        ]
    assert reasons == ["wrong_security_key"]
