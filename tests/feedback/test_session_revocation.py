"""Staff sessions end on the server: sign-out, deactivation, role and password changes,
and an absolute lifetime that activity cannot extend."""

from __future__ import annotations

import time

from tests.feedback.admin_helpers import csrf, sign_in, sign_in_as


def _replay(app, cookie: str):  # type: ignore[no-untyped-def]
    """A fresh browser holding a session cookie captured earlier."""
    thief = app.test_client()
    thief.set_cookie("session", cookie)
    return thief


def test_a_cookie_captured_before_sign_out_no_longer_opens_analyse(app, client):
    sign_in_as(app, client, "analyst")
    assert client.get("/analyse/").status_code == 200
    captured = client.get_cookie("session").value
    assert client.post("/logout", data={"csrf_token": csrf(client)}).status_code == 302
    replayed = _replay(app, captured).get("/analyse/")
    assert replayed.status_code == 302
    assert replayed.headers["Location"].startswith("/login")


def test_an_old_cookie_does_not_work_after_deactivation_and_reactivation(app):
    admin, worker = app.test_client(), app.test_client()
    sign_in_as(app, admin, "admin")
    worker_id = sign_in_as(app, worker, "analyst")
    captured = worker.get_cookie("session").value
    for active in ("0", "1"):
        admin.post(
            f"/admin/users/{worker_id}/active", data={"csrf_token": csrf(admin), "active": active}
        )
    assert _replay(app, captured).get("/analyse/").status_code == 302
    assert worker.get("/staff").status_code == 302
    # Signing in again works as usual.
    assert sign_in(app.test_client(), "analyst@example.org").status_code == 302


def test_a_role_change_ends_the_sessions_of_that_person(app):
    admin, worker = app.test_client(), app.test_client()
    sign_in_as(app, admin, "admin")
    worker_id = sign_in_as(app, worker, "analyst")
    admin.post(
        f"/admin/users/{worker_id}/role", data={"csrf_token": csrf(admin), "role": "facilitator"}
    )
    assert worker.get("/staff").status_code == 302
    assert admin.get("/staff").status_code == 200  # the admin's own session is untouched


def test_a_password_change_ends_the_sessions_of_that_person(app, client):
    sign_in_as(app, client, "analyst")
    result = app.test_cli_runner().invoke(args=["users", "ensure-demo-staff"])
    assert result.exit_code == 0
    assert client.get("/staff").status_code == 200  # other people's passwords changed
    from feedback.extensions import db
    from feedback.models import User

    with app.app_context():
        user = db.session.query(User).filter_by(email="analyst@example.org").one()
        user.set_password("another long passphrase")
        db.session.commit()
    assert client.get("/staff").status_code == 302


def test_activity_cannot_keep_a_session_alive_past_its_maximum_age(app, client, monkeypatch):
    sign_in_as(app, client, "analyst")
    real = time.time
    start = real()
    # One request every 25 minutes, well inside the 30-minute idle window, for 13 hours.
    seen = []
    for step in range(1, 13 * 60 // 25 + 1):
        monkeypatch.setattr(time, "time", lambda step=step: start + step * 25 * 60)
        seen.append((step * 25, client.get("/staff").status_code))
    monkeypatch.setattr(time, "time", real)
    alive = [minutes for minutes, status in seen if status == 200]
    assert max(alive) < 12 * 60, seen
    assert min(minutes for minutes, status in seen if status == 302) <= 12 * 60 + 25
    assert alive == [minutes for minutes, _ in seen][: len(alive)]  # alive, then ended
    assert app.config["HEARD_SESSION_MAX_HOURS"] == 12  # the default
