"""Security headers, session cookies and inline-free pages, on every kind of page.

The Content-Security-Policy forbids inline script and style, so a page that carried any
would break in a browser; this test finds such markup first. Every GET route is walked
(as someone allowed to see it, with real URL values), and so are the public pages a
respondent meets: consent, questions, an error, check your answers, the thank-you pages
(plain, with a receipt, help-first after a disclosure, kiosk), withdrawal, 400, 403,
404, 410 and 503.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from flask import Flask
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import Survey
from tests.feedback.access_helpers import build_world, methods, route_url, rules
from tests.feedback.admin_helpers import PASSWORD, make_user, sign_in
from tests.feedback.helpers import hidden, post_page, start
from tests.feedback.safeguarding_helpers import DISCLOSURE, submit
from tests.feedback.staff_helpers import every_role
from tests.feedback.test_access import ACCESS, PUBLIC

#: The Board report and the chart SVGs are self-contained documents (the report must open
#: from a file, or print as a PDF), so their styles are inline. Their own policy allows
#: inline style and nothing else: default-src 'none' forbids every script.
SELF_CONTAINED = ("analyse.report_view", "analyse.report_download", "analyse.chart")


class _InlineFinder(HTMLParser):
    """Collects markup the policy would block: inline script, handlers, style, javascript:."""

    def __init__(self, allow_style: bool) -> None:
        super().__init__()
        self.allow_style = allow_style
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        if tag == "script" and "src" not in names:
            self.problems.append("<script> without src")
        if tag == "style" and not self.allow_style:
            self.problems.append("<style> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            if name == "style" and not self.allow_style:
                self.problems.append(f'<{tag} style="{value}">')
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.problems.append(f"<{tag} {name}=javascript:...>")


def inline_problems(html: str, allow_style: bool = False) -> list[str]:
    finder = _InlineFinder(allow_style)
    finder.feed(html)
    return finder.problems


def _policy(header: str) -> dict[str, list[str]]:
    directives = (part.split() for part in header.split(";") if part.strip())
    return {d[0]: d[1:] for d in directives}


def header_problems(reply, self_contained: bool = False) -> list[str]:  # type: ignore[no-untyped-def]
    """What is missing or weak in the response's security headers."""
    problems = []
    csp = _policy(reply.headers.get("Content-Security-Policy", ""))
    if not csp:
        return ["no Content-Security-Policy"]
    script = csp.get("script-src", csp.get("default-src", ["*"]))
    if not set(script) <= {"'self'", "'none'"}:
        problems.append(f"script-src allows {script}")
    style = csp.get("style-src", csp.get("default-src", ["*"]))
    if not self_contained and not set(style) <= {"'self'", "'none'"}:
        problems.append(f"style-src allows {style}")
    for directive in ("frame-ancestors", "base-uri"):
        if csp.get(directive) != ["'none'"]:
            problems.append(f"{directive} is {csp.get(directive)}")
    if csp.get("object-src", csp.get("default-src")) != ["'none'"]:
        problems.append("object-src is not 'none'")
    if reply.headers.get("X-Content-Type-Options") != "nosniff":
        problems.append("no X-Content-Type-Options: nosniff")
    if reply.headers.get("Referrer-Policy") not in ("no-referrer", "same-origin"):
        problems.append(f"Referrer-Policy is {reply.headers.get('Referrer-Policy')}")
    if reply.headers.get("X-Frame-Options") != "DENY":
        problems.append("no X-Frame-Options: DENY")
    return problems


def _check(label: str, reply, found: list[str], self_contained: bool = False) -> None:  # type: ignore[no-untyped-def]
    body = reply.get_data()
    reply.close()
    problems = header_problems(reply, self_contained)
    if reply.mimetype in ("text/html", "image/svg+xml"):
        # Chart SVGs style their shapes inline; as images they run nothing, but an opened
        # SVG is a document, so script and handlers are looked for all the same.
        allow_style = self_contained or reply.mimetype == "image/svg+xml"
        problems += inline_problems(body.decode("utf-8"), allow_style)
    found.extend(f"{label} ({reply.status_code}): {p}" for p in problems)


def test_every_routed_page_has_the_headers_and_no_inline_script_or_style(app, runner):
    values = build_world(app, runner)
    clients = every_role(app)
    found: list[str] = []
    walked = 0
    for rule in rules(app):
        if "GET" not in methods(rule):
            continue
        allowed = ACCESS[rule.endpoint]
        client = clients[None] if allowed == PUBLIC else clients[allowed[0]]
        url = route_url(app, rule, values)
        _check(url, client.get(url), found, rule.endpoint in SELF_CONTAINED)
        walked += 1
    # Also the same pages as strangers see them (the sign-in redirect) and a refusal.
    _check("403", clients["facilitator"].get("/admin/users"), found)
    _check("redirect to sign in", clients[None].get("/analyse/"), found)
    assert walked > 30
    assert not found, "\n".join(found)


def _close(app: Flask, slug: str) -> None:
    with app.app_context():
        db.session.scalar(select(Survey).where(Survey.slug == slug)).is_open = False
        db.session.commit()


def test_every_public_page_a_respondent_meets_is_clean(library_loaded):
    app = library_loaded
    found: list[str] = []
    client = app.test_client()
    # Consent, then each page of the parents' survey, with an error on the way.
    _check("consent", client.get("/s/parents-carers"), found)
    html = start(client, "parents-carers")
    refused = post_page(client, "parents-carers", html, {})
    assert "There is a problem" in refused.get_data(as_text=True)
    _check("error summary", refused, found)
    seen: list[str] = []
    thanks = submit(client, "parents-carers", {"service": "early_help"}, seen=seen)
    assert any("Check your answers" in page for page in seen)
    for number, page in enumerate(seen):
        found.extend(f"parents-carers screen {number}: {p}" for p in inline_problems(page))
    found.extend(f"thank-you with receipt: {p}" for p in inline_problems(thanks))
    receipt = re.search(r'class="receipt">([^<]+)<', thanks)
    assert receipt, "the parents' survey allows withdrawal: its thank-you page gives a code"
    # A disclosure: help comes first on the thank-you page.
    help_first = submit(app.test_client(), "children-8-11", {"anything_else": DISCLOSURE})
    assert "0800 1111" in help_first
    found.extend(f"help-first thank-you: {p}" for p in inline_problems(help_first))
    # Withdrawal: the form, its error, and (with the receipt) done.
    _check("withdraw", client.get("/withdraw"), found)
    token = hidden(client.get("/withdraw").get_data(as_text=True), "csrf_token")
    _check("withdraw error", client.post("/withdraw", data={"csrf_token": token}), found)
    done = client.post("/withdraw", data={"csrf_token": token, "receipt": receipt.group(1)})
    assert "could not find" not in done.get_data(as_text=True)
    _check("withdrawn", done, found)
    # Sign-in and its error, a forged form (400), unknown (404) and closed (410) surveys.
    _check("login", client.get("/login"), found)
    make_user(app, "analyst@example.org", "analyst")
    _check("login error", sign_in(client, "analyst@example.org", PASSWORD + "x"), found)
    _check("400", client.post("/login", data={"csrf_token": "forged"}), found)
    _check("404", client.get("/s/no-such-survey"), found)
    _close(app, "community")
    _check("410", client.get("/s/community"), found)
    assert not found, "\n".join(found)


def test_kiosk_thank_you_page_is_clean(library_loaded):
    from feedback.services.surveys.campaigns import CampaignFields, create_campaign

    app = library_loaded
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.slug == "community"))
        create_campaign(survey, CampaignFields(name="Fun day", slug="fun-day", kiosk=True))
    client = app.test_client()
    thanks = submit(client, "fun-day", {})
    assert "kiosk.js" in thanks
    assert inline_problems(thanks) == []


def test_the_unavailable_page_is_clean(make_app, tmp_path):
    """With the database unreachable, the friendly 503 has the same headers and markup."""
    app = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'missing' / 'heard.sqlite'}")
    found: list[str] = []
    reply = app.test_client().get("/s/children-8-11")
    assert reply.status_code == 503
    _check("503", reply, found)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("env", ["production", "development"])
def test_session_cookie_flags_by_environment(make_app, monkeypatch, env):
    """Secure outside development (make run serves plain HTTP on a laptop); always HttpOnly
    and SameSite=Lax, so another site cannot read the cookie or send it with a form."""
    monkeypatch.setenv("HEARD_ENV", env)
    app = make_app(SECRET_KEY="k" * 64, RATELIMIT_ENABLED=False, HEARD_BASE_URL="https://x.org")
    assert app.config["HEARD_ENV"] == env
    make_user(app, "admin@example.org", "admin")
    client = app.test_client()
    reply = sign_in(client, "admin@example.org")
    assert reply.status_code == 302
    cookie = reply.headers["Set-Cookie"]
    assert cookie.startswith("session=")
    flags = {part.strip().split("=")[0].lower() for part in cookie.split(";")}
    assert {"httponly", "samesite"} <= flags and "SameSite=Lax" in cookie
    assert ("secure" in flags) is (env == "production")
    hsts = reply.headers.get("Strict-Transport-Security", "")
    assert ("max-age=" in hsts) is (env == "production")


def test_production_will_not_start_without_a_secret_key(make_app, monkeypatch, tmp_path):
    monkeypatch.setenv("HEARD_ENV", "production")
    # An empty instance folder: `make run` leaves a key in the repository's own.
    monkeypatch.setattr("flask.Flask.auto_find_instance_path", lambda self: str(tmp_path))
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        make_app(SECRET_KEY=None, RATELIMIT_ENABLED=False)


def test_the_finder_catches_what_the_policy_would_block():
    """The checker itself: each kind of inline markup is reported."""
    html = (
        '<script>alert(1)</script><script src="/static/heard.js"></script>'
        '<p style="color:red" onclick="x()">a</p><a href="javascript:x()">b</a><style>p{}</style>'
    )
    problems = inline_problems(html)
    assert len(problems) == 5, problems
    assert inline_problems('<script src="/a.js"></script><p class="x">ok</p>') == []
