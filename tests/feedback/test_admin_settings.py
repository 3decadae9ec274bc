"""Leads never see setting names or server folders; an admin's settings page says how
mail is set up (the server and the From address, or the outbox folder), never a secret."""

from __future__ import annotations

import re

import pytest

from tests.feedback.safeguarding_helpers import lead_client
from tests.feedback.staff_helpers import signed_in


def _secrets_and_paths(app, html: str) -> list[str]:  # type: ignore[no-untyped-def]
    found = re.findall(r"HEARD_[A-Z_]+", html)
    if app.config["HEARD_OUTBOX"] in html:
        found.append(app.config["HEARD_OUTBOX"])
    return found


def test_a_lead_reads_what_missing_mail_means_not_how_to_set_it(app):
    app.config.update(HEARD_ENV="production", HEARD_CONTACT_KEY="")  # no key: no contact
    lead = lead_client(app)
    page = lead.get("/safeguarding/").get_data(as_text=True)
    assert "E-mail is not set up on this server" in page
    assert "Your administrator can set e-mail up." in page
    assert "Surveys do not offer" in page
    assert _secrets_and_paths(app, page) == []
    assert "/admin/settings" not in page


def test_an_admin_is_pointed_at_the_settings_page(app):
    admin = signed_in(app, "admin")
    page = admin.get("/safeguarding/").get_data(as_text=True)
    assert 'href="/admin/settings#mail"' in page
    assert _secrets_and_paths(app, page) == []
    users = admin.get("/admin/users").get_data(as_text=True)
    assert "E-mail is not set up" in users and "HEARD_SMTP_HOST" not in users


def test_without_smtp_the_settings_page_names_the_outbox_folder(app):
    page = signed_in(app, "admin").get("/admin/settings").get_data(as_text=True)
    assert "It is not sent" in page and app.config["HEARD_OUTBOX"] in page
    assert "heard@localhost" in page  # the From address
    assert "<code>HEARD_SMTP_HOST, HEARD_OUTBOX</code>" in page
    assert "Europe/London" in page


def test_with_smtp_the_settings_page_shows_the_server_never_the_password(app):
    app.config.update(
        HEARD_SMTP_HOST="mail.example.org",
        HEARD_SMTP_PORT=587,
        HEARD_SMTP_USER="heard-bot",
        HEARD_SMTP_PASSWORD="correct-horse-battery",
        HEARD_SMTP_FROM="heard@partnership.example",
        HEARD_CONTACT_KEY="a-secret-contact-key",
    )
    page = signed_in(app, "admin").get("/admin/settings").get_data(as_text=True)
    assert "Through the mail server mail.example.org, port 587 (STARTTLS)." in page
    assert "heard-bot (a password is set)" in page
    assert "heard@partnership.example" in page
    assert "correct-horse-battery" not in page and "a-secret-contact-key" not in page
    assert app.config["HEARD_OUTBOX"] not in page


@pytest.mark.parametrize("role", ["analyst", "facilitator", "trainer", "safeguarding"])
def test_only_admins_see_the_settings(app, role):
    assert signed_in(app, role).get("/admin/settings").status_code == 403
