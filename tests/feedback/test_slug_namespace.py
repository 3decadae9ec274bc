"""Survey and campaign slugs share one namespace, /s/<slug> (issue 13, item 7).

Uploading a survey whose slug was a campaign's gave a 500 (UNIQUE campaign.slug) and
wrote the title to the log; a trainer could rename a course campaign to take the link a
future survey needs.
"""

from __future__ import annotations

import io
import logging
from datetime import date

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import Campaign, Survey
from feedback.services.surveys.campaigns import CampaignFields, create_campaign
from feedback.services.surveys.courses import course_campaigns, create_course_run
from tests.feedback.admin_helpers import csrf as any_csrf
from tests.feedback.admin_helpers import sign_in_as
from tests.feedback.helpers import HERE
from tests.feedback.staff_helpers import csrf, signed_in

BRANCHING = (HERE / "surveys" / "branching.yaml").read_text()
TITLE = "A title that must not reach the log"


def _definition(slug: str) -> str:
    lines = BRANCHING.splitlines()
    lines = [f"slug: {slug}" if line.startswith("slug:") else line for line in lines]
    lines = [f"title: {TITLE}" if line.startswith("title:") else line for line in lines]
    return "\n".join(lines) + "\n"


def _campaign_on(app, survey_slug: str, slug: str) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.slug == survey_slug))
        create_campaign(survey, CampaignFields(name="Family hub North", slug=slug))


def _surveys(app) -> int:  # type: ignore[no-untyped-def]
    with app.app_context():
        return db.session.scalar(select(func.count(Survey.id)))


def test_uploading_a_survey_named_like_a_campaign_says_so(library_loaded, caplog):
    app = library_loaded
    _campaign_on(app, "parents-carers", "hub-north")
    before = _surveys(app)
    client = app.test_client()
    sign_in_as(app, client, "admin")
    caplog.set_level(logging.DEBUG)
    data = {
        "csrf_token": any_csrf(client),
        "definition": (io.BytesIO(_definition("hub-north").encode()), "hub.yaml"),
    }
    reply = client.post("/admin/upload", data=data, content_type="multipart/form-data")
    page = reply.get_data(as_text=True)
    assert reply.status_code == 400
    assert "/s/hub-north" in page and "Family hub North" in page
    assert _surveys(app) == before
    assert TITLE not in caplog.text


def test_loading_one_on_the_command_line_says_so(library_loaded, tmp_path):
    app = library_loaded
    _campaign_on(app, "parents-carers", "hub-north")
    path = tmp_path / "hub.yaml"
    path.write_text(_definition("hub-north"))
    result = app.test_cli_runner().invoke(args=["surveys", "load", str(path)])
    assert result.exit_code == 1
    assert "/s/hub-north" in result.output and "Family hub North" in result.output


def test_a_campaign_cannot_take_a_surveys_link(library_loaded):
    app = library_loaded
    with app.app_context():  # the survey's own first campaign moved to another link
        own = db.session.scalar(select(Campaign).where(Campaign.slug == "community"))
        own.slug = "community-events"
        db.session.commit()
    admin = signed_in(app, "admin")
    with app.app_context():
        other = db.session.scalar(select(Survey.id).where(Survey.slug == "parents-carers"))
    reply = admin.post(
        "/admin/campaigns/new",
        data={
            "csrf_token": csrf(admin, "/admin/campaigns/new"),
            "survey": other,
            "name": "Another",
            "slug": "community",
        },
    )
    assert reply.status_code == 200 and "belongs to the survey" in reply.get_data(as_text=True)


def test_a_trainer_cannot_rename_a_course_link_to_a_bundled_surveys_slug(app):
    from feedback.services.surveys.versions import load_survey
    from forms.loader import library_paths, load_definition

    with app.app_context():
        for path in library_paths():
            if path.stem.startswith("training-"):
                load_survey(load_definition(path))
        course = create_course_run(
            title="Neglect", run_date=date(2026, 3, 2), trainer="Ruth", cohort_size=5, secret="s"
        )
        campaign_id = course_campaigns(course).pre.id  # type: ignore[union-attr]
    trainer = signed_in(app, "trainer")
    path = f"/admin/campaigns/{campaign_id}/edit"
    reply = trainer.post(
        path,
        data={
            "csrf_token": csrf(trainer, path),
            "name": "Neglect: before",
            "slug": "children-8-11",
        },
    )
    assert reply.status_code == 200
    assert "kept for the bundled survey" in reply.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Campaign, campaign_id).slug != "children-8-11"
