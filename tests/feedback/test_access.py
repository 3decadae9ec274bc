"""Every route, every role: walk app.url_map and hold each rule to an explicit table.

The table below is the access policy written down. A route that is added without an
entry here fails `test_every_route_has_an_entry`, so nobody can add a page without
saying who may see it. The walk builds real URLs (a demo database gives surveys,
campaigns, alerts, a course and a focus-group session), so each request reaches the
role lock rather than stopping at a 404; POSTs carry a valid CSRF token from a page of
the same client, so it is the role check that answers, not the CSRF check.

Expected answers: strangers to a staff route are sent to /login; a signed-in role the
table does not list gets 403; a listed role gets neither (and never a 5xx).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from feedback.extensions import db
from tests.feedback.access_helpers import build_world, methods, route_url, rules
from tests.feedback.staff_helpers import ROLES, any_csrf, every_role, signed_in

PUBLIC = "public"
EVERY_STAFF = ROLES
ADMIN = ("admin",)
ANALYSTS = ("analyst", "admin")
LEADS = ("safeguarding", "admin")
TRAINERS = ("trainer", "admin")
FACILITATORS = ("facilitator", "admin")
MODERATORS = ("moderator", "admin")
#: Audits: moderators, and agency leads (who reach only their own agency's returns: the
#: walk's return belongs to the test agency lead's agency; test_assurance_scope.py proves
#: another agency's return is a 404 to them).
AUDITS = ("moderator", "admin", "agency_lead")
EVIDENCE_READERS = ("analyst", "admin", "agency_lead")

#: endpoint -> who may use it: "public" (anyone, signed in or not) or the staff roles.
ACCESS: dict[str, str | tuple[str, ...]] = {
    # Respondents, staff sign-in and the machinery.
    "static": PUBLIC,
    "health.healthz": PUBLIC,
    "respond.start": PUBLIC,
    "respond.answer": PUBLIC,
    "respond.thanks": PUBLIC,
    "respond.withdraw_answers": PUBLIC,
    "respond.you_said_page": PUBLIC,
    "auth.login": PUBLIC,
    "auth.logout": PUBLIC,
    "auth.accept_invite": PUBLIC,
    "auth.home": EVERY_STAFF,
    # Signing in: the second step, single sign-on, and each person's own second factor.
    "auth.second_factor": PUBLIC,
    "auth.key_sign_in_options": PUBLIC,
    "auth.key_sign_in": PUBLIC,
    "auth.oidc_start": PUBLIC,
    "auth.oidc_callback": PUBLIC,
    "auth.security": EVERY_STAFF,
    "auth.security_app": EVERY_STAFF,
    "auth.security_codes": EVERY_STAFF,
    "auth.security_key_options": EVERY_STAFF,
    "auth.security_key_add": EVERY_STAFF,
    # Admin: people, surveys, the audit log, translations.
    "admin.users": ADMIN,
    "admin.user_role": ADMIN,
    "admin.user_active": ADMIN,
    "admin.user_reset_second_factor": ADMIN,
    "admin.invite": ADMIN,
    "admin.revoke": ADMIN,
    "admin.audit": ADMIN,
    "admin.surveys": ADMIN,
    "admin.survey": ADMIN,
    "admin.survey_state": ADMIN,
    "admin.upload": ADMIN,
    "admin.preview": ADMIN,
    "admin.preview_version": ADMIN,
    "admin.translations": ADMIN,
    "admin.agencies": ADMIN,
    "admin.agency": ADMIN,
    "admin.agency_active": ADMIN,
    "admin.settings": ADMIN,
    "admin.new_campaign": ADMIN,
    # Trainers manage their courses' campaigns (the walk uses a course's campaign).
    "admin.campaigns": TRAINERS,
    "admin.edit_campaign": TRAINERS,
    "admin.campaign_poster": TRAINERS,
    "admin.campaign_qr_svg": TRAINERS,
    "admin.campaign_qr_png": TRAINERS,
    # Analysis, exports, the Board report and the API.
    "analyse.index": ANALYSTS,
    "analyse.survey": ANALYSTS,
    "analyse.chart": ANALYSTS,
    "analyse.export": ANALYSTS,
    "analyse.export_raw": ANALYSTS,
    "analyse.responses": ANALYSTS,
    "analyse.response": ANALYSTS,
    "analyse.report": ANALYSTS,
    "analyse.report_view": ANALYSTS,
    "analyse.report_download": ANALYSTS,
    "analyse.story": ANALYSTS,
    "api.survey_outcomes": ANALYSTS,
    # The partnership's evidence: priorities, the dataset, actions. Agency leads read the
    # plan; they update only their own agency's actions, and the walk's action belongs to
    # another agency, so they get 403 there (test_evidence_actions.py holds the rule).
    "evidence.index": EVIDENCE_READERS,
    "evidence.indicator": EVIDENCE_READERS,
    "evidence.dataset_upload": ANALYSTS,
    "evidence.definitions": ADMIN,
    "evidence.actions": EVIDENCE_READERS,
    "evidence.action_new": ANALYSTS,
    "evidence.action": EVIDENCE_READERS,
    "evidence.action_update": ANALYSTS,
    "evidence.action_publication": ANALYSTS,
    # Concern alerts: what a child wrote is for safeguarding leads (and admins) only.
    "safeguarding.index": LEADS,
    "safeguarding.alert": LEADS,
    "safeguarding.assign": LEADS,
    "safeguarding.add_note": LEADS,
    "safeguarding.change_state": LEADS,
    # The reading list: every child's free text, read as written, by leads only.
    "safeguarding.reading": LEADS,
    "safeguarding.mark_read_view": LEADS,
    "safeguarding.reading_alert": LEADS,
    # Anyone on the staff may raise a concern about a text they were shown.
    "safeguarding.raise_concern": EVERY_STAFF,
    # Training courses.
    "staff.courses": TRAINERS,
    "staff.course": TRAINERS,
    "staff.new_course": TRAINERS,
    "staff.renew_code": TRAINERS,
    # Focus groups and paper questionnaires.
    "facilitate.sessions": FACILITATORS,
    "facilitate.session": FACILITATORS,
    "facilitate.new_session": FACILITATORS,
    "facilitate.review_themes": FACILITATORS,
    "facilitate.paper": FACILITATORS,
    "facilitate.paper_entry": FACILITATORS,
    "facilitate.paper_new_batch": FACILITATORS,
    # Audits (Section 11 rounds and returns).
    "assurance.index": AUDITS,
    "assurance.new_round": ADMIN,
    "assurance.new_case_audit": ADMIN,
    "assurance.definitions": ADMIN,
    "assurance.case_panel": MODERATORS,
    "assurance.round": MODERATORS,
    "assurance.round_xlsx": MODERATORS,
    "assurance.publish": MODERATORS,
    # Leads see the partnership-wide heat map once published (the walk's round is).
    "assurance.published": AUDITS,
    "assurance.audit_return": AUDITS,
    "assurance.save": ("agency_lead",),
    "assurance.comment": AUDITS,
    "assurance.agree": MODERATORS,
    "assurance.agree_rest": MODERATORS,
    "facilitate.paper_delete": FACILITATORS,
}

#: GET routes whose normal answer to an allowed visitor is a redirect, not a page:
#: endpoint -> who is redirected (a signed-in member of staff opening /login goes home).
REDIRECTING_GETS: dict[str, Callable[[str | None], bool]] = {
    "auth.login": lambda role: role is not None,
}
#: Send everyone to the sign-in page by design: signing out, and the second step of a
#: sign-in when no sign-in is waiting for it.
TO_LOGIN = {"auth.logout", "auth.second_factor"}
LOGOUT = "auth.logout"
#: Single sign-on pages: 404 here, where no provider is configured (test_oidc.py runs them
#: against a real provider).
SSO = {"auth.oidc_start", "auth.oidc_callback"}
#: What a role that must have a second factor reaches before enrolling: only these.
BEFORE_ENROLMENT = {e for e in ACCESS if e.startswith("auth.security")}


def test_every_route_has_an_entry(app):
    """A new route fails here until someone decides who may use it."""
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    missing = sorted(endpoints - ACCESS.keys())
    assert not missing, f"add these endpoints to ACCESS in {__file__}: {missing}"
    stale = sorted(ACCESS.keys() - endpoints)
    assert not stale, f"these ACCESS entries name no route any more: {stale}"
    for endpoint, allowed in ACCESS.items():
        assert allowed == PUBLIC or set(allowed) <= set(ROLES), endpoint


def _to_login(reply) -> bool:  # type: ignore[no-untyped-def]
    return reply.status_code in (301, 302, 303) and reply.headers.get("Location", "").startswith(
        "/login"
    )


def _judge(endpoint: str, method: str, role: str | None, reply) -> str | None:  # type: ignore[no-untyped-def]
    """What is wrong with `reply`, or None when it is what the table says."""
    allowed = ACCESS[endpoint]
    status = reply.status_code
    if status >= 500:
        return f"{status} (a server error)"
    if allowed == PUBLIC or (role is not None and role in allowed):
        if endpoint in TO_LOGIN:
            return None if _to_login(reply) else f"{status}: should go to /login"
        if endpoint in SSO and status == 404:
            return None
        if status == 403 or _to_login(reply):
            return f"{status} {reply.headers.get('Location', '')}: should be allowed"
        if method == "GET" and status != 200:
            if status in (302, 303) and REDIRECTING_GETS.get(endpoint, lambda r: False)(role):
                return None
            return f"{status}: a GET with real values should give the page"
        return None
    if role is None:
        return None if _to_login(reply) else f"{status}: a stranger should go to /login"
    return None if status == 403 else f"{status}: should be 403"


def _call(client: FlaskClient, method: str, url: str):  # type: ignore[no-untyped-def]
    if method == "GET":
        reply = client.get(url)
    else:
        # A valid token from a page of this client: the CSRF check passes, the lock answers.
        reply = client.post(url, data={"csrf_token": any_csrf(client)})
    # Read and close it as a server would: a streamed export keeps its context open until then.
    reply.get_data()
    reply.close()
    return reply


def test_every_route_answers_every_role_as_the_table_says(app, runner):
    values = build_world(app, runner)
    clients: dict[str | None, FlaskClient] = every_role(app)
    calls = [(rule, m) for rule in rules(app) for m in methods(rule)]
    # Pages first, then the forms (which may change things), signing out last of all.
    calls.sort(key=lambda c: (c[0].endpoint == LOGOUT, c[1] != "GET"))
    problems = []
    checked = 0
    for rule, method in calls:
        url = route_url(app, rule, values)
        for role, client in clients.items():
            reply = _call(client, method, url)
            problem = _judge(rule.endpoint, method, role, reply)
            checked += 1
            if problem:
                problems.append(f"{method} {url} as {role or 'stranger'}: {problem}")
    assert not problems, "\n".join(problems)
    assert checked == len(calls) * (len(ROLES) + 1)


@pytest.mark.parametrize("role", ROLES)
def test_a_deactivated_account_is_locked_out_everywhere(app, role):
    """Switching an account off ends what its open session could do."""
    client = signed_in(app, role)
    assert client.get("/staff").status_code == 200
    from feedback.models import User

    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == f"{role}@example.org"))
        user.active = False
        db.session.commit()
    locked = [
        rule.rule
        for rule in rules(app)
        if ACCESS[rule.endpoint] != PUBLIC and "GET" in methods(rule) and not rule.arguments
    ]
    for path in locked:
        reply = client.get(path)
        assert _to_login(reply) or reply.status_code == 403, (path, reply.status_code)


def _to_enrolment(reply) -> bool:  # type: ignore[no-untyped-def]
    return reply.status_code == 302 and reply.headers["Location"] == "/account/security"


def test_roles_that_need_a_second_factor_reach_only_enrolment_before_it(app, runner):
    """Signed in with the password alone (HEARD_MFA_REQUIRED_ROLES: admin, safeguarding):
    every page of their role sends them to set up a second factor; other roles' pages
    still answer 403; roles without the requirement get the table's answers."""
    values = build_world(app, runner)
    clients = {role: signed_in(app, role, second_factor=False) for role in ROLES}
    required = set(app.config["HEARD_MFA_REQUIRED_ROLES"])
    assert required == {"admin", "safeguarding"}
    calls = [(rule, m) for rule in rules(app) for m in methods(rule)]
    calls = [(rule, m) for rule, m in calls if rule.endpoint != LOGOUT]
    calls.sort(key=lambda c: c[1] != "GET")
    problems = []
    for rule, method in calls:
        url = route_url(app, rule, values)
        allowed = ACCESS[rule.endpoint]
        for role, client in clients.items():
            reply = _call(client, method, url)
            staff_page = allowed != PUBLIC and role in allowed
            if role in required and staff_page and rule.endpoint not in BEFORE_ENROLMENT:
                problem = None if _to_enrolment(reply) else f"{reply.status_code}: not enrolment"
            else:
                problem = _judge(rule.endpoint, method, role, reply)
            if problem:
                problems.append(f"{method} {url} as {role}: {problem}")
    assert not problems, "\n".join(problems)
