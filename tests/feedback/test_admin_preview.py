"""Previewing a survey: the respondent's own pages, and nothing stored."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import Answer, AuditEvent, Response, SubmissionToken, Survey
from tests.feedback.admin_helpers import csrf, sign_in_as
from tests.feedback.helpers import HERE, hidden, load_test_survey, post_page, start

PREVIEW = "/admin/surveys/test-branching/preview"


def _rows(app) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with app.app_context():
        return {
            model.__name__: db.session.scalar(select(func.count()).select_from(model))
            for model in (Response, Answer, SubmissionToken, AuditEvent)
        }


def _post(client, html: str, answers: dict, action: str = "next", path: str = PREVIEW):  # type: ignore[no-untyped-def]
    data = {"csrf_token": hidden(html, "csrf_token"), "state": hidden(html, "state")}
    data.update(answers, action=action)
    return client.post(path, data=data)


def _main(html: str) -> str:
    """The page's <main>, without the parts that differ by nature: token, state, form action."""
    body = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    body = re.sub(r'name="(csrf_token|state)"([^>]*)value="[^"]*"', r'name="\1"\2value=""', body)
    body = re.sub(r'value="[^"]*"([^>]*)name="csrf_token"', r'value=""\1name="csrf_token"', body)
    return re.sub(r'action="[^"]*"', 'action=""', body)


def _start(client, path: str = PREVIEW) -> str:  # type: ignore[no-untyped-def]
    consent = client.get(path)
    assert consent.status_code == 200
    html = consent.get_data(as_text=True)
    reply = client.post(path, data={"csrf_token": hidden(html, "csrf_token"), "action": "start"})
    assert reply.status_code == 200
    return reply.get_data(as_text=True)


def test_preview_walks_the_whole_survey_and_stores_nothing(app, client):
    load_test_survey(app)
    sign_in_as(app, client, "admin")
    before = _rows(app)
    html = _start(client)
    assert "Did you have a worker?" in html and "nothing you enter is stored" in html
    html = _post(client, html, {"had_worker": "yes"}).get_data(as_text=True)
    assert "My worker was kind" in html  # the branch opens as it would for a respondent
    html = _post(
        client, html, {"worker_kind": "agree", "services": ["early_help"], "anything_else": "Hi"}
    ).get_data(as_text=True)
    assert "Check your answers" in html and "Early help" in html
    done = _post(client, html, {}, action="submit")
    text = done.get_data(as_text=True)
    assert done.status_code == 200 and "Your answers have been sent" in text
    assert "nothing you enter is stored" in text
    assert _rows(app) == before


def test_preview_validates_like_the_survey(app, client):
    load_test_survey(app)
    sign_in_as(app, client, "admin")
    html = _start(client)
    reply = _post(client, html, {})
    assert "There is a problem" in reply.get_data(as_text=True)


def test_preview_pages_are_the_respondents_pages(app, client):
    slug = load_test_survey(app)
    sign_in_as(app, client, "admin")
    public = app.test_client()
    assert _main(client.get(PREVIEW).get_data(as_text=True)) == _main(
        public.get(f"/s/{slug}").get_data(as_text=True)
    )
    previewed, answered = _start(client), start(public, slug)
    assert _main(previewed) == _main(answered)
    previewed = _post(client, previewed, {"had_worker": "no"}).get_data(as_text=True)
    answered = post_page(public, slug, answered, {"had_worker": "no"}).get_data(as_text=True)
    assert _main(previewed) == _main(answered)
    # Every form on a preview page posts back to the preview, never to the public survey.
    assert set(re.findall(r'<form[^>]*action="([^"]*)"', previewed)) <= {PREVIEW, "/logout"}


def test_a_preview_state_cannot_be_sent_to_the_public_survey(app, client):
    slug = load_test_survey(app)
    sign_in_as(app, client, "admin")
    html = _start(client)
    before = _rows(app)
    reply = _post(client, html, {"had_worker": "no"}, path=f"/s/{slug}")
    assert reply.status_code == 400
    assert _rows(app) == before


def test_a_closed_survey_and_an_older_version_can_be_previewed(app, client):
    load_test_survey(app)
    sign_in_as(app, client, "admin")
    client.post(
        "/admin/surveys/test-branching/state", data={"csrf_token": csrf(client), "state": "closed"}
    )
    assert "Did you have a worker?" in _start(client)
    changed = (
        (HERE / "surveys" / "branching.yaml")
        .read_text()
        .replace("Did you have a worker?", "Was there a worker for you?")
    )
    with app.app_context():
        from feedback.services.surveys.versions import load_survey
        from forms.loader import load_text

        load_survey(load_text(changed, "changed.yaml"))
        assert db.session.scalar(select(Survey)).current_version.number == 2
    assert "Was there a worker for you?" in _start(client)
    older = "/admin/surveys/test-branching/versions/1/preview"
    html = _start(client, older)
    assert "Did you have a worker?" in html
    # A state from version 1 is not accepted for the current version's preview.
    assert _post(client, html, {"had_worker": "no"}).status_code == 400
    assert client.get("/admin/surveys/test-branching/versions/9/preview").status_code == 404


def test_preview_includes_the_questions_the_public_flow_adds(app, client):
    slug = load_test_survey(app, "contact.yaml")
    sign_in_as(app, client, "admin")
    path = f"/admin/surveys/{slug}/preview"
    html = _start(client, path)
    html = _post(client, html, {"listened": "happy"}, path=path).get_data(as_text=True)
    html = _post(client, html, {}, path=path).get_data(as_text=True)
    assert "Would you like someone to contact you?" in html
    before = _rows(app)
    html = _post(client, html, {"heard_contact": "yes"}, path=path).get_data(as_text=True)
    assert "How can we contact you?" in html
    done = _post(client, html, {"heard_contact_details": "07700 900123"}, path=path)
    assert "Your answers have been sent" in done.get_data(as_text=True)
    assert _rows(app) == before
