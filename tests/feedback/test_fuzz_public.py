"""Hypothesis throws random forms at every public POST: never a 500, never half a response."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from feedback.extensions import db
from feedback.models import Answer, Response
from tests.feedback.helpers import hidden, load_test_survey, start

FIELD_NAMES = st.sampled_from(
    [
        "had_worker",
        "worker_kind",
        "services",
        "visits",
        "anything_else",
        "action",
        "state",
        "csrf_token",
        "lang",
        "receipt",
        "email",
        "password",
        "access_code",
    ]
) | st.text(min_size=0, max_size=20)
VALUES = (
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200)
    | st.sampled_from(
        [
            "",
            "yes",
            "no",
            "next",
            "back",
            "submit",
            "change-0",
            "change-99",
            "start",
            "early_help",
            "-1",
            "1e309",
            "NaN",
            "2026-02-30",
        ]
    )
    | st.tuples(st.integers(5001, 60000), st.characters(codec="utf-8")).map(lambda t: t[1] * t[0])
)
FORMS = st.lists(st.tuples(FIELD_NAMES, VALUES), max_size=12)
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


def _stored(app) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with app.app_context():
        responses = db.session.scalar(select(func.count()).select_from(Response))
        orphans = db.session.scalar(
            select(func.count())
            .select_from(Answer)
            .where(~Answer.response_id.in_(select(Response.id)))
        )
        return responses, orphans


@FUZZ
@given(fields=FORMS)
def test_random_posts_to_a_started_survey_never_fail(app, client, fields):
    slug = load_test_survey(app) if not hasattr(app, "_fuzz_slug") else app._fuzz_slug
    app._fuzz_slug = slug
    html = start(client, slug)
    base = [("csrf_token", hidden(html, "csrf_token")), ("state", hidden(html, "state"))]
    reply = client.post(f"/s/{slug}", data=MultiDict(base + fields))
    assert reply.status_code < 500, reply.get_data(as_text=True)[:500]
    _, orphans = _stored(app)
    assert orphans == 0


@FUZZ
@given(fields=FORMS, path=st.sampled_from(["/s/test-branching", "/withdraw", "/login"]))
def test_random_posts_without_a_session_never_fail(app, client, fields, path):
    if not hasattr(app, "_fuzz_slug"):
        app._fuzz_slug = load_test_survey(app)
    reply = client.post(path, data=MultiDict(fields))
    assert reply.status_code < 500
    assert _stored(app) == (0, 0)


@FUZZ
@given(raw=st.binary(max_size=3000))
def test_random_bytes_as_a_form_body_never_fail(app, client, raw):
    if not hasattr(app, "_fuzz_slug"):
        app._fuzz_slug = load_test_survey(app)
    reply = client.post(
        "/s/test-branching", data=raw, content_type="application/x-www-form-urlencoded"
    )
    assert reply.status_code < 500
