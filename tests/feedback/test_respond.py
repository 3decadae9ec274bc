"""The public survey flow, through the Flask test client and a real SQLite database."""

from __future__ import annotations

from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from feedback.extensions import db
from feedback.models import Answer, Response, Survey
from tests.feedback.helpers import hidden, load_test_survey, post_page, start


def _count(app, model=Response) -> int:  # type: ignore[no-untyped-def]
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def test_happy_path_stores_one_response_with_long_answers(app, client):
    slug = load_test_survey(app)
    html = start(client, slug)
    assert "Did you have a worker?" in html
    html = post_page(client, slug, html, {"had_worker": "yes"}).get_data(as_text=True)
    # The branch opened: the worker question is shown on the next page.
    assert "My worker was kind" in html and "Which services did you use?" in html
    html = post_page(
        client,
        slug,
        html,
        {
            "worker_kind": "agree",
            "services": ["early_help", "school_nurse"],
            "visits": "4",
            "anything_else": "Thanks",
        },
    ).get_data(as_text=True)
    assert "Check your answers" in html
    reply = post_page(client, slug, html, {}, action="submit")
    assert reply.status_code == 303
    thanks = client.get(reply.headers["Location"]).get_data(as_text=True)
    assert "0800 1111" in thanks and "0808 800 5000" in thanks
    with app.app_context():
        response = db.session.scalar(select(Response))
        assert response.mode == "online" and response.language == "en"
        values = sorted((a.question_id, a.value) for a in response.answers)
    assert values == [
        ("anything_else", "Thanks"),
        ("had_worker", "yes"),
        ("services", "early_help"),
        ("services", "school_nurse"),
        ("visits", "4"),
        ("worker_kind", "agree"),
    ]


def test_missing_required_answer_shows_error_summary(app, client):
    slug = load_test_survey(app)
    html = start(client, slug)
    reply = post_page(client, slug, html, {})
    page = reply.get_data(as_text=True)
    assert reply.status_code == 200
    assert "There is a problem" in page
    assert 'href="#had_worker-0"' in page


def test_errors_keep_the_answers_given(app, client):
    slug = load_test_survey(app)
    html = start(client, slug)
    html = post_page(client, slug, html, {"had_worker": "yes"}).get_data(as_text=True)
    reply = post_page(client, slug, html, {"services": ["early_help"], "visits": "999"})
    page = reply.get_data(as_text=True)
    assert "There is a problem" in page
    assert 'value="999"' in page
    assert 'value="early_help" checked' in page


def test_back_keeps_answers(app, client):
    slug = load_test_survey(app)
    html = start(client, slug)
    html = post_page(client, slug, html, {"had_worker": "no"}).get_data(as_text=True)
    html = post_page(client, slug, html, {"anything_else": "kept text"}, action="back").get_data(
        as_text=True
    )
    assert 'value="no" checked' in html
    html = post_page(client, slug, html, {"had_worker": "no"}).get_data(as_text=True)
    assert "kept text" in html


def test_hidden_branch_answers_are_not_stored(app, client):
    slug = load_test_survey(app)
    html = start(client, slug)
    html = post_page(client, slug, html, {"had_worker": "yes"}).get_data(as_text=True)
    html = post_page(client, slug, html, {"worker_kind": "agree"}, action="back").get_data(
        as_text=True
    )
    html = post_page(client, slug, html, {"had_worker": "no"}).get_data(as_text=True)
    assert "My worker was kind" not in html
    html = post_page(client, slug, html, {}).get_data(as_text=True)
    post_page(client, slug, html, {}, action="submit")
    with app.app_context():
        ids = set(db.session.scalars(select(Answer.question_id)))
    assert ids == {"had_worker"}


def test_double_submit_stores_one_response(app, client):
    slug = load_test_survey(app)
    html = start(client, slug)
    html = post_page(client, slug, html, {"had_worker": "no"}).get_data(as_text=True)
    html = post_page(client, slug, html, {}).get_data(as_text=True)
    first = post_page(client, slug, html, {}, action="submit")
    second = post_page(client, slug, html, {}, action="submit")
    assert first.status_code == second.status_code == 303
    assert _count(app) == 1


def test_missing_or_wrong_csrf_token_is_refused(app, client):
    slug = load_test_survey(app)
    html = start(client, slug)
    state = hidden(html, "state")
    for token in (None, "not-a-token"):
        data = {"state": state, "action": "next", "had_worker": "yes"}
        if token:
            data["csrf_token"] = token
        reply = client.post(f"/s/{slug}", data=data)
        assert reply.status_code == 400
        assert "expired" in reply.get_data(as_text=True)
    start_page = client.post(f"/s/{slug}", data={"action": "start"})
    assert start_page.status_code == 400
    assert _count(app) == 0


def test_tampered_state_is_refused(app, client):
    slug = load_test_survey(app)
    html = start(client, slug)
    data = {"csrf_token": hidden(html, "csrf_token"), "state": hidden(html, "state") + "x"}
    reply = client.post(f"/s/{slug}", data=data)
    assert reply.status_code == 400


def test_unknown_choice_is_an_error_not_a_500(app, client):
    slug = load_test_survey(app)
    html = start(client, slug)
    reply = post_page(client, slug, html, {"had_worker": "maybe<script>"})
    assert reply.status_code == 200
    page = reply.get_data(as_text=True)
    assert "There is a problem" in page and "<script>" not in page


def test_text_over_the_limit_is_refused(app, client):
    slug = load_test_survey(app)
    html = start(client, slug)
    html = post_page(client, slug, html, {"had_worker": "no"}).get_data(as_text=True)
    reply = post_page(client, slug, html, {"anything_else": "a" * 5001})
    assert "too long" in reply.get_data(as_text=True)


def test_huge_body_gets_413(app, client):
    slug = load_test_survey(app)
    reply = client.post(f"/s/{slug}", data={"action": "next", "x": "a" * (2 * 1024 * 1024)})
    assert reply.status_code == 413


def test_duplicated_and_extra_fields_are_harmless(app, client):
    slug = load_test_survey(app)
    html = start(client, slug)
    data = {
        "csrf_token": hidden(html, "csrf_token"),
        "state": hidden(html, "state"),
        "action": "next",
    }
    reply = client.post(
        f"/s/{slug}",
        data=MultiDict(
            list(data.items()) + [("had_worker", "no"), ("had_worker", "yes"), ("evil", "1")]
        ),
    )
    assert reply.status_code == 200
    assert "Which services did you use?" in reply.get_data(as_text=True)


def test_invalid_utf8_is_not_a_500(app, client):
    slug = load_test_survey(app)
    reply = client.post(
        f"/s/{slug}",
        data=b"action=next&state=\xff\xfe&had_worker=\xc3",
        content_type="application/x-www-form-urlencoded",
    )
    assert reply.status_code in (200, 400)


def test_unknown_survey_is_a_friendly_404(client):
    reply = client.get("/s/no-such-survey")
    assert reply.status_code == 404
    assert "Page not found" in reply.get_data(as_text=True)


def test_closed_survey_is_a_friendly_410(app, client):
    slug = load_test_survey(app)
    html = start(client, slug)
    with app.app_context():
        db.session.scalar(select(Survey)).is_open = False
        db.session.commit()
    assert client.get(f"/s/{slug}").status_code == 410
    assert post_page(client, slug, html, {"had_worker": "no"}).status_code == 410


def test_no_ip_or_user_agent_is_stored(app):
    columns = {c.name for c in Response.__table__.columns}
    assert not columns & {"ip", "ip_address", "user_agent", "remote_addr", "cookie"}


def test_survey_text_is_escaped(app, client, tmp_path):
    from feedback.services.surveys.versions import load_survey
    from forms.loader import load_text

    text = (
        "slug: hostile\ntitle: '<script>alert(1)</script>'\naudience: community\n"
        "consent: '<img src=x onerror=alert(1)>'\npages:\n  - questions:\n"
        "      - {id: q1, type: yes_no, text: '<b>bold</b>'}\n"
    )
    with app.app_context():
        load_survey(load_text(text, "hostile.yaml"))
    page = client.get("/s/hostile").get_data(as_text=True)
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page
    assert "<img src=x" not in page


def test_a_long_answer_in_any_script_is_stored(app, client):
    """5,000 characters of Urdu is many more bytes than a database index entry may hold."""
    slug = load_test_survey(app)
    html = start(client, slug)
    html = post_page(client, slug, html, {"had_worker": "no"}).get_data(as_text=True)
    long_text = ("میری بات سنی گئی " * 400)[:5000]
    html = post_page(client, slug, html, {"anything_else": long_text}).get_data(as_text=True)
    assert post_page(client, slug, html, {}, action="submit").status_code == 303
    with app.app_context():
        wanted = select(Answer.value).where(Answer.question_id == "anything_else")
        stored = db.session.scalar(wanted)
    assert stored == long_text.strip()
