"""Staff accounts in the browser: roles, deactivation, the last admin, invitations."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from feedback.extensions import db
from feedback.models import AuditEvent, Invitation, User
from feedback.models._time import utcnow
from tests.feedback.admin_helpers import csrf, make_user, sign_in, sign_in_as
from tests.feedback.helpers import hidden


def _actions(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The audited changes to accounts, in order (sign-ins and enrolments left out)."""
    with app.app_context():
        actions = db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id))
        return [a for a in actions if not a.startswith(("signin.", "mfa."))]


def _user(app, user_id: int) -> User:  # type: ignore[no-untyped-def]
    with app.app_context():
        user = db.session.get(User, user_id)
        db.session.expunge(user)
        return user


def test_users_page_lists_accounts_escaped(app, client):
    sign_in_as(app, client, "admin")
    make_user(app, "<b>odd</b>@example.org", "analyst")
    page = client.get("/admin/users").get_data(as_text=True)
    assert "admin@example.org" in page
    assert "&lt;b&gt;odd&lt;/b&gt;@example.org" in page and "<b>odd</b>" not in page


def test_admin_changes_a_role_and_it_is_audited(app, client):
    sign_in_as(app, client, "admin")
    other = make_user(app, "worker@example.org", "analyst")
    reply = client.post(
        f"/admin/users/{other}/role", data={"csrf_token": csrf(client), "role": "facilitator"}
    )
    assert reply.status_code == 302
    assert _user(app, other).role == "facilitator"
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "user.role"))
        assert event.target_id == str(other)
        assert event.detail == {"before": "analyst", "after": "facilitator"}


def test_unknown_role_is_refused(app, client):
    sign_in_as(app, client, "admin")
    other = make_user(app, "worker@example.org", "analyst")
    client.post(f"/admin/users/{other}/role", data={"csrf_token": csrf(client), "role": "root"})
    assert _user(app, other).role == "analyst"


def test_the_last_admin_cannot_be_demoted_or_deactivated(app, client):
    me = sign_in_as(app, client, "admin")
    reply = client.post(
        f"/admin/users/{me}/role",
        data={"csrf_token": csrf(client), "role": "analyst"},
        follow_redirects=True,
    )
    assert "last active admin" in reply.get_data(as_text=True)
    assert _user(app, me).role == "admin"
    # With a second admin the first may step down...
    second = make_user(app, "second@example.org", "admin")
    client.post(f"/admin/users/{me}/role", data={"csrf_token": csrf(client), "role": "analyst"})
    assert _user(app, me).role == "analyst"
    # ...and is then no longer allowed in: a role change ends that person's sessions.
    assert client.get("/admin/users").status_code == 302
    assert _user(app, second).role == "admin"


def test_a_deactivated_admin_does_not_count_as_the_other_admin(app, client):
    me = sign_in_as(app, client, "admin")
    other = make_user(app, "second@example.org", "admin")
    client.post(f"/admin/users/{other}/active", data={"csrf_token": csrf(client), "active": "0"})
    assert _user(app, other).active is False
    client.post(f"/admin/users/{me}/role", data={"csrf_token": csrf(client), "role": "analyst"})
    assert _user(app, me).role == "admin"


def test_nobody_deactivates_themselves(app, client):
    me = sign_in_as(app, client, "admin")
    make_user(app, "second@example.org", "admin")
    reply = client.post(
        f"/admin/users/{me}/active",
        data={"csrf_token": csrf(client), "active": "0"},
        follow_redirects=True,
    )
    assert "cannot deactivate your own account" in reply.get_data(as_text=True)
    assert _user(app, me).active is True


def test_deactivation_ends_sessions_and_sign_in_and_reactivation_restores(app):
    admin, worker = app.test_client(), app.test_client()
    sign_in_as(app, admin, "admin")
    worker_id = sign_in_as(app, worker, "analyst")
    assert worker.get("/staff").status_code == 200
    admin.post(f"/admin/users/{worker_id}/active", data={"csrf_token": csrf(admin), "active": "0"})
    # The session the analyst already had stops working at once.
    assert worker.get("/staff").status_code == 302
    assert sign_in(worker, "analyst@example.org").status_code == 200  # refused: form again
    admin.post(f"/admin/users/{worker_id}/active", data={"csrf_token": csrf(admin), "active": "1"})
    assert sign_in(app.test_client(), "analyst@example.org").status_code == 302
    assert _actions(app)[-2:] == ["user.deactivate", "user.reactivate"]


def _invite(client, email: str = "new.person@example.org", role: str = "trainer"):  # type: ignore[no-untyped-def]
    return client.post(
        "/admin/invitations", data={"csrf_token": csrf(client), "email": email, "role": role}
    )


def _link(html: str) -> str:
    match = re.search(r'value="https?://[^"/]+(/invite/[^"]+)"', html)
    assert match, "no invitation link on the page"
    return match.group(1)


def _accept(client, path: str, password: str, confirm: str | None = None):  # type: ignore[no-untyped-def]
    page = client.get(path)
    assert page.status_code == 200
    return client.post(
        path,
        data={
            "csrf_token": hidden(page.get_data(as_text=True), "csrf_token"),
            "password": password,
            "confirm": password if confirm is None else confirm,
        },
    )


def test_invitation_happy_path(app, client):
    sign_in_as(app, client, "admin")
    reply = _invite(client)
    assert reply.status_code == 200
    assert reply.headers["Cache-Control"] == "no-store"
    path = _link(reply.get_data(as_text=True))
    with app.app_context():
        stored = db.session.scalar(select(Invitation))
        # Only a hash of the token is kept, and the link works for seven days.
        assert path.rsplit("/", 1)[1] not in stored.token_hash
        assert timedelta(days=6, hours=23) < stored.expires_at - stored.created_at
    newcomer = app.test_client()
    done = _accept(newcomer, path, "my new long passphrase")
    assert done.status_code == 302 and done.headers["Location"] == "/login"
    assert sign_in(newcomer, "new.person@example.org", "my new long passphrase").status_code == 302
    home = newcomer.get("/staff").get_data(as_text=True)
    assert "new.person@example.org" in home and "(Trainer)" in home  # the role in words
    assert _actions(app)[-2:] == ["user.invite", "user.invite.accept"]
    # The link is not shown again anywhere.
    assert path not in client.get("/admin/users").get_data(as_text=True)


def test_a_used_invitation_cannot_be_used_again(app, client):
    sign_in_as(app, client, "admin")
    path = _link(_invite(client).get_data(as_text=True))
    # A second browser opens the form before the link is used...
    slow = app.test_client()
    form = hidden(slow.get(path).get_data(as_text=True), "csrf_token")
    assert _accept(app.test_client(), path, "first long passphrase").status_code == 302
    again = app.test_client().get(path)
    assert again.status_code == 410
    assert "cannot be used" in again.get_data(as_text=True)
    # ...and cannot use it afterwards either.
    late = slow.post(path, data={"csrf_token": form, "password": "x" * 20, "confirm": "x" * 20})
    assert late.status_code == 410
    with app.app_context():
        people = db.session.scalars(select(User.email).order_by(User.email)).all()
        assert people == ["admin@example.org", "new.person@example.org"]
        assert db.session.scalar(
            select(User).where(User.email == "new.person@example.org")
        ).check_password("first long passphrase")


def test_an_expired_invitation_is_refused(app, client):
    sign_in_as(app, client, "admin")
    path = _link(_invite(client).get_data(as_text=True))
    with app.app_context():
        stored = db.session.scalar(select(Invitation))
        stored.expires_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
    reply = app.test_client().get(path)
    assert reply.status_code == 410
    assert "has expired" in reply.get_data(as_text=True)


def test_invite_days_come_from_the_setting(app, client):
    app.config["HEARD_INVITE_DAYS"] = 2
    sign_in_as(app, client, "admin")
    _invite(client)
    with app.app_context():
        stored = db.session.scalar(select(Invitation))
        assert stored.expires_at - stored.created_at == timedelta(days=2)


def test_a_withdrawn_or_replaced_invitation_stops_working(app, client):
    sign_in_as(app, client, "admin")
    first = _link(_invite(client).get_data(as_text=True))
    second = _link(_invite(client).get_data(as_text=True))
    assert app.test_client().get(first).status_code == 410  # replaced by the newer link
    assert app.test_client().get(second).status_code == 200
    with app.app_context():
        live = db.session.scalars(select(Invitation).where(Invitation.expires_at > utcnow()))
        (invitation,) = live.all()
    client.post(f"/admin/invitations/{invitation.id}/revoke", data={"csrf_token": csrf(client)})
    assert app.test_client().get(second).status_code == 410
    assert "user.invite.revoke" in _actions(app)


def test_password_rules_on_the_invitation_page(app, client):
    sign_in_as(app, client, "admin")
    path = _link(_invite(client).get_data(as_text=True))
    newcomer = app.test_client()
    short = _accept(newcomer, path, "too short")
    assert short.status_code == 400
    assert "at least 12 characters" in short.get_data(as_text=True)
    same = _accept(newcomer, path, "New.Person@example.org")
    assert "must not be the email address" in same.get_data(as_text=True)
    differ = _accept(newcomer, path, "a good long passphrase", "another long passphrase")
    assert "The two passwords differ" in differ.get_data(as_text=True)
    # None of these used the link up.
    assert _accept(newcomer, path, "a good long passphrase").status_code == 302


def test_inviting_an_existing_account_is_refused(app, client):
    sign_in_as(app, client, "admin")
    reply = _invite(client, email="Admin@Example.org")
    assert reply.status_code == 400
    assert "already an account" in reply.get_data(as_text=True)


def test_an_unknown_token_gets_the_friendly_page(client):
    reply = client.get("/invite/not-a-real-token")
    assert reply.status_code == 410
    assert "ask an administrator" in reply.get_data(as_text=True)


class _FakeSMTP:
    sent: list = []

    def __init__(self, host: str, port: int, timeout: float) -> None:
        self.host = host

    def __enter__(self):  # type: ignore[no-untyped-def]
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def starttls(self, context: object) -> None:
        return None

    def send_message(self, msg) -> None:  # type: ignore[no-untyped-def]
        _FakeSMTP.sent.append(msg)


def test_invitation_is_emailed_when_smtp_is_set(app, client, monkeypatch):
    import feedback.services.people.invite_mail as invite_mail

    _FakeSMTP.sent = []
    monkeypatch.setattr(invite_mail.smtplib, "SMTP", _FakeSMTP)
    app.config.update(HEARD_SMTP_HOST="mail.example.org", HEARD_BASE_URL="https://heard.example")
    sign_in_as(app, client, "admin")
    page = _invite(client).get_data(as_text=True)
    assert "has been e-mailed" in page
    (message,) = _FakeSMTP.sent
    assert message["To"] == "new.person@example.org"
    assert "https://heard.example/invite/" in message.get_content()


def test_without_smtp_the_link_is_only_on_screen(app, client):
    sign_in_as(app, client, "admin")
    page = _invite(client).get_data(as_text=True)
    assert "E-mail is not set up" in page
    # The link is a key to an account: it is never written to the outbox folder.
    outbox = Path(app.config["HEARD_OUTBOX"])
    assert not outbox.exists() or not any(outbox.iterdir())
