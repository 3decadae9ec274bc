"""An audit definition is never a public survey nor a source of outcome statements
(issue 16): loading or uploading one as a survey is refused with a clear message, and
/s/<slug> refuses a survey with the agency audience even if one was stored before."""

from __future__ import annotations

import io

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import Campaign, Survey, SurveyVersion
from forms.loader import audit_library_paths
from tests.feedback.admin_helpers import csrf, sign_in_as

SECTION11 = next(p for p in audit_library_paths() if p.stem == "section11")


def _surveys(app) -> int:  # type: ignore[no-untyped-def]
    with app.app_context():
        return db.session.scalar(select(func.count(Survey.id)))


def test_loading_an_audit_as_a_survey_is_refused(app, runner):
    result = runner.invoke(args=["surveys", "load", str(SECTION11)])
    assert result.exit_code == 1
    assert "section11: an audit (kind: audit) is not a survey" in result.output
    assert _surveys(app) == 0


def test_uploading_an_audit_or_a_malformed_one_says_why_and_stores_nothing(app, client):
    sign_in_as(app, client, "admin")
    good = SECTION11.read_bytes()
    reply = client.post(
        "/admin/upload",
        data={"csrf_token": csrf(client), "definition": (io.BytesIO(good), "section11.yaml")},
        content_type="multipart/form-data",
    )
    assert reply.status_code == 400
    assert "an audit (kind: audit) is not a survey" in reply.get_data(as_text=True)
    broken = good.replace(b"value: amber", b"value: blue", 1)
    reply = client.post(
        "/admin/upload",
        data={"csrf_token": csrf(client), "definition": (io.BytesIO(broken), "s11.yaml")},
        content_type="multipart/form-data",
    )
    assert reply.status_code == 400
    assert "a rag question&#39;s choices are exactly red, amber and green" in reply.get_data(
        as_text=True
    )
    assert _surveys(app) == 0


def test_a_stored_agency_survey_is_not_served_at_its_link(app, client):
    """A database from before the refusal: the public link still answers 404."""
    from forms.loader import load_definition

    definition = load_definition(SECTION11)
    with app.app_context():
        survey = Survey(slug="section11", title="S11", audience="agency")
        db.session.add(survey)
        db.session.flush()
        version = SurveyVersion(
            survey_id=survey.id, number=1, sha256="0" * 64, definition_json=definition.to_dict()
        )
        db.session.add(version)
        db.session.flush()
        survey.current_version_id = version.id
        db.session.add(Campaign(survey=survey, slug="section11", name="S11"))
        db.session.commit()
    assert client.get("/s/section11").status_code == 404
