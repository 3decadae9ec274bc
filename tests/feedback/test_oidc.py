"""Single sign-on against a real OpenID provider started on loopback (tests/oidc).

The whole code flow runs: Heard's redirect with state, nonce and a PKCE challenge, the
provider's authorisation endpoint, the way back, the code exchanged at the token
endpoint, the ID token checked against the provider's published keys. The provider can
be asked to spoil one ID token (wrong audience, expired, another key's signature).
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import requests
from flask import Flask
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import ROLES, AuditEvent, Invitation, User
from feedback.services.assurance.agencies import ensure_agency
from feedback.services.people.invitations import create_invitation
from tests.oidc_provider import CLIENT_ID, CLIENT_SECRET, RunningProvider, oidc_provider

BASE = "http://localhost"  # HEARD_BASE_URL in the tests
CALLBACK = f"{BASE}/login/oidc/council/callback"
ROLE_MAP = {"g-safeguarding": "safeguarding", "g-analysts": "analyst", "g-admins": "admin"}


@pytest.fixture(scope="session")
def provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningProvider]:
    with oidc_provider(CALLBACK, tmp_path_factory.mktemp("oidc")) as running:
        yield running


@pytest.fixture
def sso(make_app, provider: RunningProvider):  # type: ignore[no-untyped-def]
    """Build the app with the provider configured (discovery is read as it starts)."""

    def build(**settings: object) -> Flask:
        council = {
            "issuer": provider.issuer,
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "label": "Council",
        }
        settings.setdefault("HEARD_OIDC_ROLE_MAP", ROLE_MAP)
        return make_app(HEARD_OIDC_PROVIDERS={"council": council}, **settings)

    return build


def _through_provider(client, provider, account: str, tamper: str | None = None) -> str:  # type: ignore[no-untyped-def]
    """Press "Sign in with Council", sign in at the provider; the callback path it sends."""
    provider.next_sign_in(account, tamper)
    start = client.get("/login/oidc/council")
    assert start.status_code == 302, start.status_code
    url = start.headers["Location"]
    with requests.Session() as browser:  # the person's browser at the provider
        for _hop in range(10):
            reply = browser.get(url, allow_redirects=False, timeout=30)
            assert reply.status_code in (302, 303), reply.text[:500]
            url = urljoin(url, reply.headers["Location"])
            if url.startswith(BASE + "/"):
                return url[len(BASE) :]
    raise AssertionError("the provider never sent the browser back")


def _refusals(app: Flask) -> list[str]:
    with app.app_context():
        rows = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "signin.refused").order_by(AuditEvent.id)
        )
        return [r.detail["reason"] for r in rows]


def _invite(app: Flask, email: str, role: str = "trainer") -> None:
    with app.test_request_context():
        create_invitation(email, role)


def test_the_redirect_carries_state_nonce_and_a_pkce_challenge(sso):
    app = sso()
    client = app.test_client()
    login = client.get("/login").get_data(as_text=True)
    assert "Sign in with Council" in login and 'href="/login/oidc/council' in login
    start = client.get("/login/oidc/council")
    query = parse_qs(urlsplit(start.headers["Location"]).query)
    assert query["client_id"] == [CLIENT_ID] and query["response_type"] == ["code"]
    assert query["redirect_uri"] == [CALLBACK]
    assert query["code_challenge_method"] == ["S256"] and len(query["code_challenge"][0]) >= 43
    assert query["state"][0] and query["nonce"][0]


def test_an_invited_lead_signs_in_and_the_invitation_is_linked(sso, provider):
    app = sso()
    _invite(app, "lead@council.example")
    client = app.test_client()
    done = client.get(_through_provider(client, provider, "lead"))
    assert done.status_code == 302 and done.headers["Location"] == "/staff"
    # The provider's own multi-factor policy applies: no second prompt from Heard.
    assert client.get("/safeguarding/").status_code == 200
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == "lead@council.example"))
        assert user.role == "safeguarding" and user.oidc_subject == "lead"
        assert user.oidc_issuer == provider.issuer
        assert db.session.scalar(select(Invitation.used_at)) is not None
        ok = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "signin.ok"))
        assert ok.detail["method"] == "oidc:council" and ok.user_id == user.id


def test_without_an_invitation_nobody_gets_in_unless_accounts_are_made_on_sign_in(sso, provider):
    app = sso()
    client = app.test_client()
    refused = client.get(_through_provider(client, provider, "newcomer"))
    assert refused.status_code == 403
    assert client.get("/analyse/").status_code == 302
    assert _refusals(app) == ["not_invited"]
    jit = sso(HEARD_OIDC_JIT=True)
    other = jit.test_client()
    done = other.get(_through_provider(other, provider, "newcomer"))
    assert done.status_code == 302 and other.get("/analyse/").status_code == 200


def test_the_most_trusted_mapped_role_wins_and_follows_the_groups(sso, provider):
    app = sso(HEARD_OIDC_JIT=True)
    client = app.test_client()
    client.get(_through_provider(client, provider, "chief"))
    assert client.get("/admin/users").status_code == 200  # analysts and admins: an admin


def test_a_person_whose_groups_map_to_no_role_gets_a_clear_page(sso, provider):
    app = sso(HEARD_OIDC_JIT=True)
    client = app.test_client()
    refused = client.get(_through_provider(client, provider, "stranger"))
    page = refused.get_data(as_text=True)
    assert refused.status_code == 403 and "Your account has no role in Heard" in page
    assert _refusals(app) == ["unmapped"]
    with app.app_context():
        assert db.session.scalar(select(User.id)) is None


@pytest.mark.parametrize(
    ("tamper", "reason"),
    [
        ("aud", "claim:aud"),
        ("aud+azp", "claim:aud"),  # another audience that names Heard as azp
        ("expired", "expired"),
        ("signature", "signature"),
    ],
)
def test_a_spoiled_id_token_is_refused(sso, provider, tamper, reason):
    app = sso(HEARD_OIDC_JIT=True)
    client = app.test_client()
    refused = client.get(_through_provider(client, provider, "analyst", tamper))
    assert refused.status_code == 403
    assert "Signing in did not work" in refused.get_data(as_text=True)
    assert client.get("/analyse/").status_code == 302
    assert _refusals(app) == [reason]


def test_a_replayed_callback_is_refused(sso, provider):
    app = sso(HEARD_OIDC_JIT=True)
    client = app.test_client()
    callback = _through_provider(client, provider, "analyst")
    assert client.get(callback).status_code == 302
    page = client.get("/staff").get_data(as_text=True)
    from tests.feedback.helpers import hidden

    client.post("/logout", data={"csrf_token": hidden(page, "csrf_token")})
    assert client.get(callback).status_code == 403  # the state was used up
    stranger = app.test_client()  # another browser with the stolen link
    assert stranger.get(callback).status_code == 403
    assert _refusals(app) == ["state", "state"]


def test_a_deactivated_person_is_refused_whatever_the_provider_says(sso, provider):
    app = sso(HEARD_OIDC_JIT=True)
    client = app.test_client()
    client.get(_through_provider(client, provider, "analyst"))
    with app.app_context():
        user = db.session.scalar(select(User).where(User.oidc_subject == "analyst"))
        user.active = False
        user.end_sessions()
        db.session.commit()
    again = app.test_client()
    assert again.get(_through_provider(again, provider, "analyst")).status_code == 403
    assert _refusals(app) == ["deactivated"]


def test_an_unverified_address_does_not_link_an_existing_account(sso, provider):
    app = sso()
    from tests.feedback.admin_helpers import make_user

    make_user(app, "lead@council.example", "safeguarding")
    client = app.test_client()
    assert client.get(_through_provider(client, provider, "unverified")).status_code == 403
    assert _refusals(app) == ["no_verified_email"]


def test_passwords_can_be_switched_off(sso, provider):
    app = sso(HEARD_LOCAL_PASSWORDS=False)
    from tests.feedback.admin_helpers import PASSWORD, make_user
    from tests.feedback.helpers import hidden

    make_user(app, "analyst@example.org", "analyst")
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    assert 'type="password"' not in page and "Sign in with Council" in page
    # A script posting a password anyway (with a valid token from another form).
    token = hidden(client.get("/withdraw").get_data(as_text=True), "csrf_token")
    reply = client.post(
        "/login",
        data={
            "csrf_token": token,
            "email": "analyst@example.org",
            "password": PASSWORD,
        },
    )
    assert reply.status_code == 400 and client.get("/analyse/").status_code == 302
    assert _refusals(app) == ["passwords_off"]


AGENCY_MAP = {"g-analysts": "agency_lead", "g-other": "moderator", "g-admins": "admin"}


def test_partnership_roles_outrank_an_agency_lead_and_a_moderator_outranks_an_analyst():
    from feedback.services.people.oidc_accounts import ROLE_ORDER

    assert ROLE_ORDER.index("moderator") < ROLE_ORDER.index("analyst")
    assert ROLE_ORDER[-1] == "agency_lead"
    assert set(ROLE_ORDER) == set(ROLES)  # every role can come from a provider's groups


def test_an_agency_lead_without_an_invited_agency_is_refused_with_a_clear_page(sso, provider):
    app = sso(HEARD_OIDC_JIT=True, HEARD_OIDC_ROLE_MAP=AGENCY_MAP)
    client = app.test_client()
    refused = client.get(_through_provider(client, provider, "newcomer"))
    page = refused.get_data(as_text=True)
    assert refused.status_code == 403 and "Your account is not linked to an agency" in page
    assert _refusals(app) == ["no_agency"]
    with app.app_context():
        assert db.session.scalar(select(User.id)) is None  # no account made half-way
    assert client.get("/assurance/").status_code == 302


def test_an_agency_lead_invited_to_an_agency_signs_in_as_its_lead(sso, provider):
    app = sso(HEARD_OIDC_ROLE_MAP=AGENCY_MAP)
    with app.test_request_context():
        agency_id = ensure_agency("Northshire Police", "police").id
        create_invitation("newcomer@council.example", "agency_lead", agency_id=agency_id)
    client = app.test_client()
    done = client.get(_through_provider(client, provider, "newcomer"))
    assert done.status_code == 302
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == "newcomer@council.example"))
        assert user.role == "agency_lead" and user.agency_id == agency_id


def test_an_account_moved_to_agency_lead_by_its_groups_keeps_its_role_without_an_agency(
    sso, provider
):
    app = sso(HEARD_OIDC_JIT=True)
    client = app.test_client()
    client.get(_through_provider(client, provider, "newcomer"))  # an analyst, no agency
    moved = sso(HEARD_OIDC_ROLE_MAP=AGENCY_MAP)
    other = moved.test_client()
    refused = other.get(_through_provider(other, provider, "newcomer"))
    assert refused.status_code == 403
    assert "not linked to an agency" in refused.get_data(as_text=True)
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == "newcomer@council.example"))
        assert user.role == "analyst"  # the refused change was rolled back


def test_a_moderator_in_the_agency_leads_group_too_signs_in_as_moderator(sso, provider):
    app = sso(HEARD_OIDC_JIT=True, HEARD_OIDC_ROLE_MAP=AGENCY_MAP)
    client = app.test_client()
    assert client.get(_through_provider(client, provider, "analyst")).status_code == 302
    with app.app_context():
        assert db.session.scalar(select(User.role)) == "moderator"
