"""The question "Would you like someone to contact you?": encrypted, shown only on the alert."""

from __future__ import annotations

from cryptography.fernet import Fernet
from sqlalchemy import select, text

from feedback.extensions import db
from feedback.models import Answer, AuditEvent, ConcernAlert, Response
from tests.feedback.helpers import load_test_survey
from tests.feedback.safeguarding_helpers import (
    DISCLOSURE,
    HARMLESS,
    alerts,
    lead_client,
    login,
    make_user,
    submit,
)

DETAILS = "Text me on 07700 900123 after 4pm, not at weekends"


def test_asking_to_be_contacted_raises_an_encrypted_alert(app, client):
    slug = load_test_survey(app, "contact.yaml")
    screens: list[str] = []
    thanks = submit(
        client,
        slug,
        {"anything_else": HARMLESS, "heard_contact": "yes", "heard_contact_details": DETAILS},
        seen=screens,
    )
    assert "Would you like someone to contact you?" in screens[-2]
    assert "How can we contact you?" in screens[-1]
    assert thanks.index("You can get help now") < thanks.index("Your answers have been sent")
    [alert] = alerts(app)
    assert alert.categories == ["asks_for_help"] and alert.answer_id is None
    with app.app_context():
        raw = db.session.execute(text("SELECT contact_encrypted FROM concern_alert")).scalar()
        answers = list(db.session.scalars(select(Answer.value)))
    assert raw and b"07700" not in raw and b"4pm" not in raw
    # Never stored as an answer, and the contact question left no trace among answers.
    assert all("07700" not in value for value in answers)
    assert sorted(answers) == [HARMLESS]

    lead = lead_client(app)
    page = lead.get(f"/safeguarding/alerts/{alert.id}").get_data(as_text=True)
    assert DETAILS in page
    with app.app_context():
        view = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "alert.view"))
        assert view.detail == {"contact": True}

    analyst = app.test_client()
    make_user(app, "analyst@example.org", "analyst")
    login(analyst, "analyst@example.org")
    refused = analyst.get(f"/safeguarding/alerts/{alert.id}")
    assert refused.status_code == 403 and "07700" not in refused.get_data(as_text=True)


def test_contact_details_join_the_alert_of_a_disclosure(app, client):
    slug = load_test_survey(app, "contact.yaml")
    submit(
        client,
        slug,
        {"anything_else": DISCLOSURE, "heard_contact": "yes", "heard_contact_details": DETAILS},
    )
    [alert] = alerts(app)
    assert "asks_for_help" in alert.categories and len(alert.categories) >= 2
    assert alert.answer_id is not None and alert.contact_encrypted


def test_saying_no_raises_nothing_and_details_are_not_asked(app, client):
    slug = load_test_survey(app, "contact.yaml")
    thanks = submit(
        client,
        slug,
        {"anything_else": HARMLESS, "heard_contact": "no", "heard_contact_details": DETAILS},
    )
    assert "You can get help now" not in thanks
    assert alerts(app) == []


def test_yes_without_details_still_reaches_a_lead(app, client):
    slug = load_test_survey(app, "contact.yaml")
    submit(client, slug, {"heard_contact": "yes"})
    [alert] = alerts(app)
    assert alert.categories == ["asks_for_help"] and alert.contact_encrypted is None
    page = lead_client(app).get(f"/safeguarding/alerts/{alert.id}").get_data(as_text=True)
    assert "No contact details were given." in page


def test_details_stay_on_the_alert_after_the_response_and_go_with_it(app, client):
    slug = load_test_survey(app, "contact.yaml")
    submit(client, slug, {"heard_contact": "yes", "heard_contact_details": DETAILS})
    with app.app_context():
        # However the response goes, the alert is the safeguarding record: the lead
        # may still need to reach the person who asked for help.
        db.session.delete(db.session.scalar(select(Response)))
        db.session.commit()
        alert = db.session.scalar(select(ConcernAlert))
        assert alert.response_id is None and alert.contact_encrypted
        db.session.delete(alert)
        db.session.commit()
        assert db.session.scalar(text("SELECT COUNT(*) FROM concern_alert")) == 0


def test_without_a_key_in_production_the_question_is_not_offered(app, client):
    slug = load_test_survey(app, "contact.yaml")
    app.config.update(HEARD_ENV="production", HEARD_CONTACT_KEY="")
    screens: list[str] = []
    submit(client, slug, {"listened": "happy", "heard_contact": "yes"}, seen=screens)
    assert len(screens) == 2
    assert not any("contact you" in html for html in screens)
    assert alerts(app) == []
    lead = lead_client(app, "admin@example.org", "admin")
    page = lead.get("/safeguarding/").get_data(as_text=True)
    assert "Surveys do not offer “Would you like someone to contact you?”" in page


def test_a_rotated_key_still_opens_older_details(app):
    from feedback.services.safeguarding.contact import decrypt_contact, encrypt_contact

    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    app.config["HEARD_CONTACT_KEY"] = old
    with app.app_context():
        token = encrypt_contact(DETAILS)
    app.extensions.pop("heard.contact_fernet")
    app.config["HEARD_CONTACT_KEY"] = f"{new},{old}"
    with app.app_context():
        assert decrypt_contact(token) == DETAILS
        assert Fernet(new.encode()).decrypt(encrypt_contact("x")) == b"x"
