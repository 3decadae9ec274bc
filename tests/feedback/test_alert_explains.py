"""A disclosure only the learned model finds: an alert that explains itself to the lead."""

from __future__ import annotations

from sqlalchemy import select

from analysis.text.rules import analyse_rules
from feedback.extensions import db
from feedback.models import TextAnalysis
from tests.feedback.safeguarding_helpers import alerts, lead_client, submit

#: Written for this test: no trigger word the rules know, yet a lead must read it.
UNSEEN = "my mums new friend makes me sit on his knee in the dark and says its our game"


def test_the_rules_alone_would_miss_it():
    assert not analyse_rules(UNSEEN).concern


def test_a_model_only_alert_shows_its_score_and_strongest_words(library_loaded, client):
    app = library_loaded
    thanks = submit(client, "children-8-11", {"anything_else": UNSEEN, "listened": "happy"})
    assert "You can get help now" in thanks

    [alert] = alerts(app)
    assert alert.matches == [] and alert.categories
    assert 0 < alert.score <= 1 and alert.model_words
    with app.app_context():
        analysis = db.session.scalar(select(TextAnalysis))
        assert analysis.concern is True and analysis.concern_score == alert.score

    html = lead_client(app).get(f"/safeguarding/alerts/{alert.id}").get_data(as_text=True)
    assert "Concern score" in html
    assert f"{round(alert.score * 100)} out of 100" in html
    assert "weighed most in the model" in html
    for word in alert.model_words:
        assert f"“{word}”" in html
