"""Campaigns: links, QR codes that scan, posters, access codes, dates, counts, roles."""

from __future__ import annotations

import io
import secrets
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import Campaign, Response, Survey
from feedback.services.surveys.campaigns import (
    CampaignFields,
    check_access_code,
    create_campaign,
    normalise_code,
)
from feedback.services.surveys.responses import record_response
from tests.feedback.helpers import hidden
from tests.feedback.staff_helpers import (
    assert_locked,
    assert_post_locked,
    csrf,
    every_role,
    signed_in,
)

zxingcpp = pytest.importorskip("zxingcpp")
Image = pytest.importorskip("PIL.Image")


def _survey_id(app, slug: str = "parents-carers") -> int:  # type: ignore[no-untyped-def]
    with app.app_context():
        return db.session.scalar(select(Survey.id).where(Survey.slug == slug))


def _campaign(app, **fields) -> int:  # type: ignore[no-untyped-def]
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.slug == "parents-carers"))
        values = {"name": "Family hub North", "service": "Early Help"} | fields
        return create_campaign(survey, CampaignFields(**values)).id


def _course_campaign(app) -> int:  # type: ignore[no-untyped-def]
    from feedback.services.surveys.courses import create_course_run

    with app.app_context():
        course = create_course_run(
            title="Neglect awareness",
            run_date=date(2026, 3, 2),
            trainer="Ruth",
            cohort_size=12,
            secret=app.config["SECRET_KEY"],
        )
        return db.session.scalar(select(Campaign.id).where(Campaign.course_run_id == course.id))


def test_every_campaign_route_is_locked_by_role(library_loaded):
    app = library_loaded
    plain = _campaign(app)
    course = _course_campaign(app)
    clients = every_role(app)
    assert_locked(clients, "/admin/campaigns", ("admin", "trainer"))
    assert_locked(clients, "/admin/campaigns/new", ("admin",))
    for suffix in ("edit", "poster", "qr.svg", "qr.png"):
        # A trainer may print posters for courses, not for the partnership's other campaigns.
        assert_locked(clients, f"/admin/campaigns/{plain}/{suffix}", ("admin",))
        assert_locked(clients, f"/admin/campaigns/{course}/{suffix}", ("admin", "trainer"))
    assert clients["admin"].get("/admin/campaigns/99999/poster").status_code == 404
    assert_post_locked(clients, "/admin/campaigns/new", ("admin",))
    assert_post_locked(clients, f"/admin/campaigns/{plain}/edit", ("admin",))
    assert_post_locked(clients, f"/admin/campaigns/{course}/edit", ("admin", "trainer"))


def test_admin_creates_a_campaign_with_a_hashed_access_code(library_loaded):
    app = library_loaded
    admin = signed_in(app, "admin")
    token = csrf(admin, "/admin/campaigns/new")
    reply = admin.post(
        "/admin/campaigns/new",
        data={
            "csrf_token": token,
            "survey": _survey_id(app),
            "name": "Riverside School",
            "service": "School nursing",
            "closes_on": (date.today() + timedelta(days=30)).isoformat(),
            "access_code": "river-2026",
            "kiosk": "y",
        },
    )
    assert reply.status_code == 303
    with app.app_context():
        campaign = db.session.scalar(select(Campaign).where(Campaign.name == "Riverside School"))
        assert campaign.slug == "riverside-school" and campaign.kiosk
        assert campaign.service == "School nursing"
        assert "river" not in campaign.access_code_hash.lower()
        assert check_access_code(campaign, "RIVER 2026")
        assert not check_access_code(campaign, "river-2025")
        assert not check_access_code(campaign, "")
    listing = admin.get("/admin/campaigns").get_data(as_text=True)
    assert "Riverside School" in listing and "http://localhost/s/riverside-school" in listing


def test_campaign_form_refuses_bad_and_taken_link_names(library_loaded):
    app = library_loaded
    _campaign(app, slug="taken-name")
    admin = signed_in(app, "admin")
    for slug, message in (("Bad Name!", "lower-case letters"), ("taken-name", "already uses")):
        reply = admin.post(
            "/admin/campaigns/new",
            data={
                "csrf_token": csrf(admin, "/admin/campaigns/new"),
                "survey": _survey_id(app),
                "name": "Another",
                "slug": slug,
            },
        )
        assert reply.status_code == 200 and message in reply.get_data(as_text=True)


def test_edit_keeps_removes_and_replaces_the_access_code(library_loaded):
    app = library_loaded
    campaign_id = _campaign(app, access_code="first-code")
    admin = signed_in(app, "admin")
    path = f"/admin/campaigns/{campaign_id}/edit"
    base = {"name": "Family hub North", "service": "Early Help"}
    admin.post(path, data=base | {"csrf_token": csrf(admin, path)})
    with app.app_context():
        assert check_access_code(db.session.get(Campaign, campaign_id), "first-code")
    admin.post(path, data=base | {"csrf_token": csrf(admin, path), "access_code": "SECOND"})
    with app.app_context():
        campaign = db.session.get(Campaign, campaign_id)
        assert check_access_code(campaign, "second") and not check_access_code(campaign, "first")
    admin.post(path, data=base | {"csrf_token": csrf(admin, path), "remove_access_code": "y"})
    with app.app_context():
        assert db.session.get(Campaign, campaign_id).access_code_hash is None


def test_qr_png_decodes_to_the_campaign_link(library_loaded):
    app = library_loaded
    campaign_id = _campaign(app, slug="hub-north")
    admin = signed_in(app, "admin")
    reply = admin.get(f"/admin/campaigns/{campaign_id}/qr.png")
    assert reply.status_code == 200 and reply.mimetype == "image/png"
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(reply.data)))
    assert [code.text for code in found] == ["http://localhost/s/hub-north"]
    svg = admin.get(f"/admin/campaigns/{campaign_id}/qr.svg?download=1")
    assert svg.mimetype == "image/svg+xml" and b"<svg" in svg.data
    assert "attachment" in svg.headers["Content-Disposition"]


def test_poster_has_a_plain_call_to_action_big_qr_and_the_short_link(library_loaded):
    app = library_loaded
    campaign_id = _campaign(app, slug="hub-north", access_code="ab12cd")
    html = (
        signed_in(app, "admin").get(f"/admin/campaigns/{campaign_id}/poster").get_data(as_text=True)
    )
    assert "Tell us what you think" in html and "minutes" in html
    assert f"/admin/campaigns/{campaign_id}/qr.svg" in html
    assert "localhost/s/hub-north" in html
    assert "access code" in html and "AB12CD" not in html.upper()
    assert "<script>" not in html and 'style="' not in html


def test_access_code_is_required_and_checked_on_the_public_link(library_loaded):
    app = library_loaded
    _campaign(app, slug="locked-hub", access_code="Owl-42x")
    client = app.test_client()
    page = client.get("/s/locked-hub").get_data(as_text=True)
    assert 'name="access_code"' in page
    for wrong in ("", "owl-43x"):
        reply = client.post(
            "/s/locked-hub",
            data={
                "csrf_token": hidden(page, "csrf_token"),
                "action": "start",
                "access_code": wrong,
            },
        )
        assert "That access code is not right" in reply.get_data(as_text=True)
    reply = client.post(
        "/s/locked-hub",
        data={
            "csrf_token": hidden(page, "csrf_token"),
            "action": "start",
            "access_code": "OWL 42X",
        },
    )
    html = reply.get_data(as_text=True)
    assert "That access code is not right" not in html and 'name="state"' in html


def test_dates_open_and_close_the_link(library_loaded):
    app = library_loaded
    today = date.today()
    _campaign(app, slug="ended", closes_on=today - timedelta(days=1))
    _campaign(app, slug="later", opens_on=today + timedelta(days=2))
    _campaign(app, slug="running", opens_on=today, closes_on=today)
    client = app.test_client()
    assert client.get("/s/ended").status_code == 410
    assert client.get("/s/later").status_code == 410
    assert client.get("/s/running").status_code == 200


def test_list_counts_responses_per_campaign_and_names_the_service(library_loaded):
    app = library_loaded
    one, two = _campaign(app, slug="hub-one"), _campaign(app, slug="hub-two", service="Health")
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.slug == "parents-carers"))
        for campaign_id, n in ((one, 3), (two, 1)):
            for _ in range(n):
                record_response(
                    version=survey.current_version,
                    campaign=db.session.get(Campaign, campaign_id),
                    answers={},
                    token=secrets.token_urlsafe(8),
                    secret="s",
                )
        stored = db.session.execute(
            select(Campaign.service, Response.id).join(
                Response, Response.campaign_id == Campaign.id
            )
        ).all()
        assert sorted(s for s, _ in stored) == ["Early Help"] * 3 + ["Health"]
    html = (
        signed_in(app, "admin")
        .get(f"/admin/campaigns?survey={_survey_id(app)}")
        .get_data(as_text=True)
    )
    rows = {line for line in html.split("<tr>") if "hub-one" in line or "hub-two" in line}
    assert any("hub-one" in r and '<td class="num">3</td>' in r for r in rows)
    assert any("hub-two" in r and '<td class="num">1</td>' in r for r in rows)


def test_trainer_sees_only_course_campaigns(library_loaded):
    app = library_loaded
    _campaign(app, slug="hub-only-admins-see")
    _course_campaign(app)
    html = signed_in(app, "trainer").get("/admin/campaigns").get_data(as_text=True)
    assert "hub-only-admins-see" not in html and "course-1-pre" in html


def test_normalised_codes_ignore_case_spaces_and_dashes():
    assert normalise_code(" ab-12 cd ") == "AB12CD"
