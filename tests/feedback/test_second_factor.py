"""The second factor for local accounts: TOTP codes (pyotp), recovery codes, the admin's
reset, and the audit rows of every sign-in."""

from __future__ import annotations

import time

import pyotp
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import AuditEvent, TotpSecret
from tests.feedback.admin_helpers import PASSWORD, csrf, make_user, sign_in, sign_in_as
from tests.feedback.helpers import hidden
from tests.feedback.mfa_helpers import enrol_app


def _password(client, email: str, password: str = PASSWORD, path: str = "/login"):  # type: ignore[no-untyped-def]
    page = client.get("/login").get_data(as_text=True)
    return client.post(
        path,
        data={"csrf_token": hidden(page, "csrf_token"), "email": email, "password": password},
    )


def _code(client, code: str):  # type: ignore[no-untyped-def]
    page = client.get("/login/second-factor").get_data(as_text=True)
    return client.post(
        "/login/second-factor", data={"csrf_token": hidden(page, "csrf_token"), "code": code}
    )


def _enrolled_lead(app):  # type: ignore[no-untyped-def]
    """A lead who set up an app through the pages; (secret, recovery codes)."""
    make_user(app, "lead@example.org", "safeguarding")
    client = app.test_client()
    first = _password(client, "lead@example.org")
    assert first.headers["Location"] == "/account/security"
    secret, codes = enrol_app(client)
    return secret, codes


def _audit(app, action: str) -> list[dict]:  # type: ignore[no-untyped-def]
    with app.app_context():
        rows = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
        )
        return [{"user": r.user_id, **(r.detail or {})} for r in rows]


def test_a_lead_without_a_second_factor_reaches_only_the_enrolment_page(app):
    make_user(app, "lead@example.org", "safeguarding")
    client = app.test_client()
    assert _password(client, "lead@example.org").headers["Location"] == "/account/security"
    for path in ("/staff", "/safeguarding/", "/admin/users"):
        reply = client.get(path)
        if path.startswith("/admin"):
            assert reply.status_code == 403  # not their role: the table's answer stands
            continue
        assert reply.status_code == 302 and reply.headers["Location"] == "/account/security"
    page = client.get("/account/security/app").get_data(as_text=True)
    assert "<svg" in page and 'id="totp-secret"' in page  # the QR code and the typed key
    assert client.get("/safeguarding/").status_code == 302


def test_enrolment_shows_ten_codes_once_and_opens_the_pages(app):
    secret, codes = _enrolled_lead(app)
    assert len(codes) == 10 and len(set(codes)) == 10
    with app.app_context():
        stored = db.session.scalars(select(TotpSecret.secret)).all()
        from feedback.models import RecoveryCode

        hashes = db.session.scalars(select(RecoveryCode.code_hash)).all()
    assert stored == [secret]
    assert len(hashes) == 10 and not any(c.replace("-", "") in h for c in codes for h in hashes)
    assert _audit(app, "mfa.enrol")[0]["factor"] == "totp"


def test_enrolling_ends_the_sessions_signed_in_with_the_password_alone(app):
    make_user(app, "admin2@example.org", "admin")
    earlier, now = app.test_client(), app.test_client()
    _password(earlier, "admin2@example.org")
    _password(now, "admin2@example.org")
    enrol_app(now)
    assert now.get("/admin/users").status_code == 200
    reply = earlier.get("/account/security")
    assert reply.status_code == 302 and reply.headers["Location"].startswith("/login")


def test_the_next_sign_in_asks_for_the_code_and_accepts_it_once(app):
    secret, _ = _enrolled_lead(app)
    totp = pyotp.TOTP(secret)
    client = app.test_client()
    held = _password(client, "lead@example.org", path="/login?next=/safeguarding/")
    assert held.headers["Location"] == "/login/second-factor"
    assert client.get("/safeguarding/").status_code == 302  # not signed in yet
    later = totp.at(time.time() + 30)  # the next step: the enrolment used this one
    done = _code(client, later)
    assert done.status_code == 302 and done.headers["Location"] == "/safeguarding/"
    assert client.get("/safeguarding/").status_code == 200
    # The same code again, from another browser: refused.
    other = app.test_client()
    _password(other, "lead@example.org")
    reused = _code(other, later)
    assert reused.status_code == 400
    assert "not right, or it was used already" in reused.get_data(as_text=True)
    ok = _audit(app, "signin.ok")
    assert ok[-1]["method"] == "password" and ok[-1]["second_factor"] == "totp"
    assert _audit(app, "signin.refused")[-1]["reason"] == "wrong_second_factor"


def test_codes_outside_the_window_are_refused(app):
    secret, _ = _enrolled_lead(app)
    totp = pyotp.TOTP(secret)
    client = app.test_client()
    _password(client, "lead@example.org")
    for offset in (-90, -60, 60, 90):  # two steps and more away from now
        assert _code(client, totp.at(time.time() + offset)).status_code == 400, offset
    assert _code(client, "12345").status_code == 400  # not even six digits


def test_a_recovery_code_works_once(app):
    _, codes = _enrolled_lead(app)
    client = app.test_client()
    _password(client, "lead@example.org")
    done = _code(client, codes[3].lower().replace("-", " "))  # typed loosely from paper
    assert done.status_code == 302
    assert "9 left" in client.get(done.headers["Location"]).get_data(as_text=True)
    again = app.test_client()
    _password(again, "lead@example.org")
    assert _code(again, codes[3]).status_code == 400
    assert _audit(app, "signin.ok")[-1]["second_factor"] == "recovery"


def test_the_second_step_expires_with_a_password_change(app):
    _enrolled_lead(app)
    client = app.test_client()
    _password(client, "lead@example.org")
    with app.app_context():
        from feedback.models import User

        user = db.session.scalar(select(User).where(User.email == "lead@example.org"))
        user.set_password("another long passphrase 77")
        db.session.commit()
    reply = client.get("/login/second-factor")  # the waiting sign-in is gone
    assert reply.status_code == 302 and reply.headers["Location"] == "/login"


def test_failures_read_the_same_whether_or_not_the_account_exists(app):
    make_user(app, "analyst@example.org", "analyst")
    client = app.test_client()
    known = _password(client, "analyst@example.org", "not the password at all")
    unknown = _password(client, "nobody@example.org", "not the password at all")
    assert known.status_code == unknown.status_code == 200
    strip = lambda r: r.get_data(as_text=True).replace("nobody@", "analyst@")  # noqa: E731
    assert (
        strip(known).split("<main")[1].split('value="')[0]
        == strip(unknown).split("<main")[1].split('value="')[0]
    )
    reasons = [r["reason"] for r in _audit(app, "signin.refused")]
    assert reasons == ["wrong_password", "unknown_account"]


def test_an_admin_resets_a_second_factor_and_it_is_audited(app):
    _enrolled_lead(app)
    admin = app.test_client()
    sign_in_as(app, admin, "admin")
    with app.app_context():
        from feedback.models import User

        lead_id = db.session.scalar(select(User.id).where(User.email == "lead@example.org"))
    users = admin.get("/admin/users").get_data(as_text=True)
    assert f"/admin/users/{lead_id}/second-factor/reset" in users
    reset = admin.post(
        f"/admin/users/{lead_id}/second-factor/reset", data={"csrf_token": csrf(admin)}
    )
    assert reset.status_code == 302
    assert _audit(app, "mfa.reset")[-1]["user"] is not None
    with app.app_context():
        assert db.session.scalars(select(TotpSecret)).all() == [
            t for t in db.session.scalars(select(TotpSecret)) if t.user_id != lead_id
        ]
    # The lead signs in with the password and is asked to enrol again.
    client = app.test_client()
    assert sign_in(client, "lead@example.org").headers["Location"] == "/account/security"


def test_an_analyst_may_enrol_and_is_then_asked_for_the_code(app):
    make_user(app, "analyst@example.org", "analyst")
    client = app.test_client()
    assert _password(client, "analyst@example.org").headers["Location"] == "/staff"
    assert client.get("/analyse/").status_code == 200
    enrol_app(client)
    again = app.test_client()
    assert _password(again, "analyst@example.org").headers["Location"] == "/login/second-factor"


def test_every_demo_sign_in_works_with_what_ensure_demo_staff_prints(app):
    import re

    result = app.test_cli_runner().invoke(args=["users", "ensure-demo-staff"])
    assert result.exit_code == 0, result.output
    passwords = dict(re.findall(r"^\s+\w+\s+(\S+@heard\.example)\s+(\S+)$", result.output, re.M))
    keys = dict(re.findall(r"^\s+(\S+@heard\.example)\s+([A-Z2-7]{32})$", result.output, re.M))
    assert sorted(keys) == ["admin@heard.example", "safeguarding@heard.example"]
    for email in passwords:
        if email in keys:
            continue
        client = app.test_client()
        assert _password(client, email, passwords[email]).headers["Location"] == "/staff"
    for email, key in keys.items():
        client = app.test_client()
        reply = _password(client, email, passwords[email])
        assert reply.headers["Location"] == "/login/second-factor"
        done = _code(client, pyotp.TOTP(key).now())
        assert done.status_code == 302 and done.headers["Location"] == "/staff", email
        assert client.get("/staff").status_code == 200
