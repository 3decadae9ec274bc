"""A half-finished survey belongs to the link it was started on (issue 13, item 1).

An outside probe started at an open link and sent every later page, submit included, to
a course link locked by an access code: the response was stored under the locked link.
"""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import Campaign, Response
from feedback.services.surveys.courses import course_campaigns, create_course_run
from tests.feedback.helpers import post_page, start


def _course_slug(app) -> str:  # type: ignore[no-untyped-def]
    with app.app_context():
        course = create_course_run(
            title="Neglect awareness",
            run_date=date(2026, 3, 2),
            trainer="Ruth",
            cohort_size=12,
            secret=app.config["SECRET_KEY"],
        )
        return course_campaigns(course).pre.slug  # type: ignore[union-attr]


def _stored_under(app, slug: str) -> int:  # type: ignore[no-untyped-def]
    with app.app_context():
        return db.session.scalar(
            select(func.count(Response.id)).join(Campaign).where(Campaign.slug == slug)
        )


def test_a_draft_from_an_open_link_cannot_be_answered_on_a_coded_link(library_loaded):
    app = library_loaded
    coded = _course_slug(app)
    client = app.test_client()
    html = start(client, "training-pre")  # the open link: no access code asked
    answers = {"pairing_code": "LE07AM"}
    for _ in range(20):
        shown = {k: v for k, v in answers.items() if re.search(rf'name="{k}"', html)}
        action = "submit" if "Check your answers" in html else "next"
        reply = post_page(client, coded, html, shown, action=action)
        if reply.status_code == 303:
            break
        html = reply.get_data(as_text=True)
        if 'name="access_code"' in html:
            break  # sent back to the coded link's start, where the code is asked
    assert _stored_under(app, coded) == 0
    assert 'name="access_code"' in html
    assert "started on a different link" in html
    assert 'name="state"' not in html  # nothing of the other link's draft is carried on


def test_the_same_draft_still_works_on_its_own_link(library_loaded):
    app = library_loaded
    client = app.test_client()
    html = start(client, "training-pre")
    reply = post_page(client, "training-pre", html, {"pairing_code": "LE07AM"})
    assert reply.status_code == 200
    assert "started on a different link" not in reply.get_data(as_text=True)
