"""Every absolute link comes from HEARD_BASE_URL, never the Host header (issue 13, item 9).

A probe sent `Host: evil.example` and the poster printed evil.example/s/...: a poster
or QR code printed from that page sends children to someone else's site.
"""

from __future__ import annotations

import io
import re

import pytest
import zxingcpp
from PIL import Image
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import Survey
from feedback.services.surveys.campaigns import CampaignFields, create_campaign
from tests.feedback.helpers import hidden
from tests.feedback.mfa_helpers import pass_second_factor
from tests.feedback.staff_helpers import PASSWORD

BASE = "https://heard.partnership.example"


@pytest.fixture
def site(make_app):  # type: ignore[no-untyped-def]
    from feedback.services.surveys.versions import load_library

    app = make_app(HEARD_BASE_URL=BASE + "/")
    with app.app_context():
        load_library()
        survey = db.session.scalar(select(Survey).where(Survey.slug == "parents-carers"))
        campaign = create_campaign(survey, CampaignFields(name="Hub", slug="hub-north"))
        app.config["campaign_id"] = campaign.id
    return app


def _admin_on_a_forged_host(app):  # type: ignore[no-untyped-def]
    """An admin whose every request, sign-in included, says `Host: evil.example`."""
    from feedback.services.people.users import create_user

    with app.app_context():
        create_user("admin@example.org", "admin", PASSWORD)
    client = app.test_client()
    client.environ_base["HTTP_HOST"] = "evil.example"
    page = client.get("/login").get_data(as_text=True)
    reply = client.post(
        "/login",
        data={
            "csrf_token": hidden(page, "csrf_token"),
            "email": "admin@example.org",
            "password": PASSWORD,
        },
    )
    assert pass_second_factor(client, reply).status_code == 302
    return client


def test_poster_and_qr_codes_ignore_the_host_header(site):
    admin = _admin_on_a_forged_host(site)
    campaign_id = site.config["campaign_id"]
    poster = admin.get(f"/admin/campaigns/{campaign_id}/poster")
    html = poster.get_data(as_text=True)
    assert "evil.example" not in html
    assert "heard.partnership.example/s/hub-north" in html
    png = admin.get(f"/admin/campaigns/{campaign_id}/qr.png")
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(png.data)))
    assert [code.text for code in found] == [f"{BASE}/s/hub-north"]
    listing = admin.get("/admin/campaigns").get_data(as_text=True)
    assert "evil.example" not in listing and f"{BASE}/s/hub-north" in listing


def test_course_links_and_invitations_ignore_the_host_header(site):
    from datetime import date

    from feedback.services.surveys.courses import create_course_run

    with site.app_context():
        course = create_course_run(
            title="Neglect", run_date=date(2026, 3, 2), trainer="Ruth", cohort_size=5, secret="s"
        )
        course_id = course.id
    admin = _admin_on_a_forged_host(site)
    page = admin.get(f"/staff/courses/{course_id}").get_data(as_text=True)
    assert "evil.example" not in page and f"{BASE}/s/course-{course_id}-pre" in page
    form = admin.get("/admin/users").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', form)
    assert token
    invited = admin.post(
        "/admin/invitations",
        data={"csrf_token": token.group(1), "email": "new@example.org", "role": "trainer"},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "evil.example" not in invited and f"{BASE}/invite/" in invited


def test_production_refuses_to_start_without_a_base_url(make_app, monkeypatch):
    monkeypatch.setenv("HEARD_ENV", "production")
    with pytest.raises(RuntimeError, match="HEARD_BASE_URL"):
        make_app(SECRET_KEY="k" * 64, HEARD_BASE_URL="")
    with pytest.raises(RuntimeError, match="HEARD_BASE_URL"):
        make_app(SECRET_KEY="k" * 64, HEARD_BASE_URL="heard.example.org")
    app = make_app(SECRET_KEY="k" * 64, HEARD_BASE_URL=BASE)
    assert app.config["HEARD_BASE_URL"] == BASE
