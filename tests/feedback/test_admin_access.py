"""Every admin page for every role: strangers are sent to sign in, other roles get 403."""

from __future__ import annotations

import pytest

from feedback.extensions import db
from feedback.models import Invitation
from feedback.services.people.invitations import create_invitation
from tests.feedback.admin_helpers import ROLES, csrf, make_user, sign_in_as
from tests.feedback.helpers import load_test_survey

SLUG = "test-branching"
#: (method, path) of every route this area adds under /admin; ids are filled in below
ROUTES = [
    ("GET", "/admin/users"),
    ("POST", "/admin/users/{user}/role"),
    ("POST", "/admin/users/{user}/active"),
    ("POST", "/admin/users/{user}/second-factor/reset"),
    ("POST", "/admin/invitations"),
    ("POST", "/admin/invitations/{invitation}/revoke"),
    ("GET", "/admin/audit"),
    ("GET", "/admin/surveys"),
    ("GET", "/admin/upload"),
    ("POST", "/admin/upload"),
    ("GET", f"/admin/surveys/{SLUG}"),
    ("POST", f"/admin/surveys/{SLUG}/state"),
    ("GET", f"/admin/surveys/{SLUG}/preview"),
    ("POST", f"/admin/surveys/{SLUG}/preview"),
    ("GET", f"/admin/surveys/{SLUG}/versions/1/preview"),
    ("POST", f"/admin/surveys/{SLUG}/versions/1/preview"),
]
#: the view modules of this area (campaigns belong to another area and have their own tests)
MODULES = ("audit_log", "preview", "surveys", "users")


@pytest.fixture
def world(app):  # type: ignore[no-untyped-def]
    load_test_survey(app)
    other = make_user(app, "someone@example.org", "analyst")
    with app.test_request_context():
        invitation = create_invitation("new@example.org", "trainer").invitation.id
    return {"user": other, "invitation": invitation}


def _call(client, method: str, path: str):  # type: ignore[no-untyped-def]
    if method == "GET":
        return client.get(path)
    return client.post(path, data={"csrf_token": csrf(client)})


def test_the_route_table_lists_every_route_of_this_area(app):
    found = {
        rule.rule
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("admin.")
        and app.view_functions[rule.endpoint].__module__.rsplit(".", 1)[-1] in MODULES
    }
    listed = {path.replace("{user}", "<int:user_id>") for _, path in ROUTES}
    listed = {
        p.replace("{invitation}", "<int:invitation_id>")
        .replace(SLUG, "<slug>")
        .replace("/versions/1/", "/versions/<int:number>/")
        for p in listed
    }
    assert found == listed


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_strangers_are_sent_to_sign_in(app, client, world, method, path):
    reply = _call(client, method, path.format(**world))
    assert reply.status_code == 302
    assert reply.headers["Location"].startswith("/login")


@pytest.mark.parametrize("role", [r for r in ROLES if r != "admin"])
def test_other_roles_get_403_everywhere(app, client, world, role):
    sign_in_as(app, client, role)
    for method, path in ROUTES:
        reply = _call(client, method, path.format(**world))
        assert reply.status_code == 403, (method, path, role)


def test_admins_get_every_page(app, client, world):
    sign_in_as(app, client, "admin")
    for method, path in ROUTES:
        reply = _call(client, method, path.format(**world))
        if method == "GET":
            assert reply.status_code == 200, path
        else:
            # Empty POSTs are refused as incomplete, or carried out and redirected: never a lock.
            assert reply.status_code in (200, 302, 400), (path, reply.status_code)


def test_the_invitation_page_is_public(app, client):
    with app.test_request_context():
        token = create_invitation("new@example.org", "analyst").token
    assert client.get(f"/invite/{token}").status_code == 200
    with app.app_context():
        assert db.session.query(Invitation).count() == 1
