"""The public "you said, we did" page: suppressed figures, themes, published actions only."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from feedback.extensions import db
from feedback.models import Action, User
from feedback.services.evidence.actions import add_update, set_publication
from tests.feedback.admin_helpers import make_user
from tests.feedback.evidence_helpers import make_action, make_agency

WORDS = "You told us you had too many workers. Now one worker stays with you <b>all the way</b>."


def _publish(app: Flask, audience: str = "child", **extra: object) -> int:
    agency = make_agency(app, f"Children's services {audience} {len(extra)}")
    analyst = make_user(app, f"analyst-{audience}-{len(extra)}@example.org", "analyst")
    action_id = make_action(app, agency, analyst, **extra)
    with app.app_context():
        action = db.session.get(Action, action_id)
        set_publication(action, db.session.get(User, analyst), True, WORDS, audience)
    return action_id


def test_the_page_shows_published_actions_for_the_surveys_audience_without_sign_in(
    library_loaded: Flask, client: FlaskClient
) -> None:
    app = library_loaded
    _publish(app, "child")
    _publish(app, "parent_carer", title="For parents only")
    reply = client.get("/s/children-8-11/you-said")
    page = reply.get_data(as_text=True)
    assert reply.status_code == 200
    assert "<h1>You said, we did</h1>" in page
    assert "Now one worker stays with you &lt;b&gt;all the way&lt;/b&gt;." in page  # escaped
    assert "We plan to do this." in page
    # Nobody has answered: every statement is suppressed, not shown as 0%.
    assert "Children who felt listened to: Not enough people have answered yet" in page
    assert "0%" not in page
    # The parents' action is not told to children.
    assert page.count(WORDS[:20]) == 1


def test_a_dropped_or_withdrawn_action_leaves_the_page(
    library_loaded: Flask, client: FlaskClient
) -> None:
    app = library_loaded
    action_id = _publish(app, "child")
    with app.app_context():
        analyst = db.session.scalar(db.select(User).where(User.role == "analyst"))
        add_update(db.session.get(Action, action_id), analyst, "Finished", "done")
    assert "We have done this." in client.get("/s/children-5-7/you-said").get_data(as_text=True)
    with app.app_context():
        analyst = db.session.scalar(db.select(User).where(User.role == "analyst"))
        add_update(
            db.session.get(Action, action_id), analyst, "Stopped", "dropped", reason="Replaced"
        )
    assert WORDS[:20] not in client.get("/s/children-5-7/you-said").get_data(as_text=True)


def test_the_page_speaks_the_respondents_language(
    library_loaded: Flask, client: FlaskClient
) -> None:
    _publish(library_loaded, "child")
    page = client.get("/s/children-8-11/you-said?lang=pl").get_data(as_text=True)
    assert '<html lang="pl"' in page
    assert "You said, we did" not in page  # translated
    assert f'<p lang="en" dir="ltr">{WORDS[:20]}' in page  # staff wording keeps its language


def test_an_unknown_survey_has_no_page(client: FlaskClient) -> None:
    assert client.get("/s/nope/you-said").status_code == 404
