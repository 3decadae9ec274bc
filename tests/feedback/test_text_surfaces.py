"""No text of a response with a concern alert leaves the alert page (issue 12, item 5).

The walk takes every GET route of the app (a new one is walked without anyone adding
it here), with every survey, session and chart kind, every "Break down by" choice of
the analyst page and the API, every export format and layout (redacted and raw), and
the Board report; then the command line's exports, report and outcomes. Only the alert
page itself may show what was written; everything else must not show one word of any
text of an alerted response, while the ordinary texts beside them do appear.
"""

from __future__ import annotations

from itertools import product

import pytest
from flask import Flask, url_for

from feedback.services.outcomes.breakdowns import ATTRIBUTES
from tests.feedback.access_helpers import methods, rules
from tests.feedback.helpers import hidden
from tests.feedback.staff_helpers import signed_in
from tests.feedback.surface_helpers import (
    SHOWN_WORD,
    body_text,
    build_text_world,
    closed_questions,
    leaks,
)

#: the one page where a flagged text is shown as written, to leads and admins
ALERT_PAGE = "safeguarding.alert"
#: GET routes that change nothing and answer with a redirect by design
REDIRECTS = {"auth.login"}
#: single sign-on pages: 404 without a configured provider, and they show no texts
SSO = {"auth.oidc_start", "auth.oidc_callback"}


def _queries(app: Flask, endpoint: str, slug: str | None) -> list[str]:
    """The query strings that change what a route shows."""
    by = [""] + [f"?by={field}" for field in ATTRIBUTES]
    if slug:
        by += [f"?by={question}" for question in closed_questions(app, slug)]
    extra: dict[str, list[str]] = {
        "analyse.survey": by,
        "api.survey_outcomes": by,
        "analyse.export": [
            "?format=csv",
            "?format=csv&layout=long",
            "?format=json",
            "?format=xlsx",
            "?format=csv&q=painting",  # the explorer's filtered download
            "?format=json&q=painting",
        ],
        "analyse.report_view": ["?period=all"] + (["?period=all&survey=" + slug] if slug else []),
        "analyse.report_download": ["?period=all&format=html"],
        # The explorer: everything, and searches for ordinary and alerted words (the
        # search box echoes the words, so those pages are checked in test_explorer).
        "analyse.responses": ["", "?q=painting", "?q=kite"],
    }
    return extra.get(endpoint, [""])


def _urls(app: Flask, world) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    found = []
    for rule in rules(app):
        if "GET" not in methods(rule) or rule.endpoint in (ALERT_PAGE, "static"):
            continue
        names = sorted(rule.arguments)
        missing = [n for n in names if n not in world.values]
        assert not missing, f"{rule.rule}: give the text world a value for {missing}"
        combos: list[dict[str, object]] = [
            dict(zip(names, combo, strict=True))
            for combo in product(*(world.values[n] for n in names))
        ]
        if "response_id" in names:  # each response under its own survey
            combos = [{"slug": slug, "response_id": rid} for slug, rid in world.responses]
        for args in combos:
            with app.test_request_context():
                base = url_for(rule.endpoint, **args)
            slug = args.get("slug")
            for query in _queries(app, rule.endpoint, slug if isinstance(slug, str) else None):
                found.append((rule.endpoint, base + query))
    return found


@pytest.fixture
def world(library_loaded, runner):  # type: ignore[no-untyped-def]
    return build_text_world(library_loaded, runner)


def test_every_page_export_report_and_api_withholds_alerted_responses(library_loaded, world):
    app = library_loaded
    admin = signed_in(app, "admin")  # admins may open every staff page
    problems, showing = [], set()
    for endpoint, url in _urls(app, world):
        if endpoint in SSO:
            continue
        reply = admin.get(url)
        if reply.status_code in (302, 303) and endpoint in REDIRECTS:
            continue
        text = body_text(reply)
        # A survey without outcomes refuses a breakdown by one of its questions (400).
        refused_breakdown = reply.status_code == 400 and "?by=" in url
        if reply.status_code >= 400 and not refused_breakdown:
            problems.append(f"{url}: {reply.status_code}")
        if found := leaks(text):
            problems.append(f"{url} shows {found}")
        if SHOWN_WORD in text:
            showing.add(endpoint)
    # The raw-text export is a POST with a confirmation.
    token = hidden(admin.get("/analyse/").get_data(as_text=True), "csrf_token")
    for slug, fmt in product(world.slugs, ("csv", "json", "xlsx")):
        form = {"csrf_token": token, "format": fmt, "raw_text": "1", "confirm": "1"}
        reply = admin.post(f"/analyse/surveys/{slug}/export", data=form)
        assert reply.status_code == 200
        text = body_text(reply)
        if found := leaks(text):
            problems.append(f"raw {fmt} export of {slug} shows {found}")
        if SHOWN_WORD in text:
            showing.add("analyse.export_raw")
    assert not problems, "\n".join(problems)
    # The walk reached real texts: the ordinary ones are on every kind of surface.
    assert {
        "analyse.survey",
        "analyse.export",
        "analyse.export_raw",
        "analyse.report_view",
        "analyse.report_download",
        "analyse.responses",
        "analyse.response",
        "staff.course",
        "facilitate.session",
    } <= showing


def test_the_command_line_withholds_alerted_responses(library_loaded, world, runner, tmp_path):
    outputs = []
    for slug in world.slugs:
        for extra in (["--format", "csv"], ["--format", "csv", "--long"], ["--format", "json"]):
            for raw in ([], ["--raw-text"]):
                result = runner.invoke(args=["export", slug, *extra, *raw])
                assert result.exit_code == 0, result.output
                outputs.append((f"export {slug} {extra} {raw}", result.output))
        for field in (*ATTRIBUTES, *closed_questions(library_loaded, slug)):
            result = runner.invoke(args=["outcomes", slug, "--by", field, "--format", "json"])
            outputs.append((f"outcomes {slug} --by {field}", result.output))
    report = tmp_path / "board.html"
    result = runner.invoke(args=["report", "--period", "all", "--format", "html", "-o", report])
    assert result.exit_code == 0, result.output
    outputs.append(("report", report.read_text()))
    problems = [f"{name} shows {found}" for name, text in outputs if (found := leaks(text))]
    assert not problems, "\n".join(problems)
    assert any(SHOWN_WORD in text for name, text in outputs if name.startswith("export"))


def test_the_alert_page_is_the_one_place_the_text_is_shown(library_loaded, world):
    admin = signed_in(library_loaded, "admin")
    pages = [admin.get(f"/safeguarding/alerts/{i}").get_data(as_text=True) for i in world.alert_ids]
    assert any("giraffe" in page for page in pages)
    assert any("boyfriend" in page for page in pages)
