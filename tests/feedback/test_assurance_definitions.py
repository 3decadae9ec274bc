"""Uploading audit definitions (issue 16, bad input): every problem listed and nothing
stored; a sound upload is offered when opening a round and used by it; versions."""

from __future__ import annotations

import io

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import AuditDefinition, AuditEvent, AuditRound
from feedback.services.assurance.agencies import ensure_agency
from tests.feedback.assurance_helpers import staff
from tests.feedback.helpers import hidden

GOOD = """\
slug: youth-justice-s11
title: Youth justice safeguarding check
audience: agency
kind: audit
consent: This return names your agency.
pages:
  - id: yj_leadership
    title: Leadership
    questions:
      - id: yj_lead_1
        type: rag
        text: A named leader is accountable for safeguarding.
        choices:
          - {value: red, label: No named leader.}
          - {value: amber, label: Named but not held to account.}
          - {value: green, label: Named and reports yearly.}
"""

#: Three problems: a survey audience for an audit, a RAG question without amber, and a
#: page id that is not a lower-case word.
BAD = """\
slug: broken-audit
title: Broken audit
audience: staff
kind: audit
consent: This return names your agency.
pages:
  - id: Not An Id
    title: Leadership
    questions:
      - id: b1
        type: rag
        text: A named leader.
        choices:
          - {value: red, label: No.}
          - {value: green, label: Yes.}
"""


def upload(client, text: str, round_kind: str = "section11", name: str = "audit.yaml"):  # type: ignore[no-untyped-def]
    page = client.get("/assurance/definitions")
    assert page.status_code == 200
    return client.post(
        "/assurance/definitions",
        data={
            "csrf_token": hidden(page.get_data(as_text=True), "csrf_token"),
            "round_kind": round_kind,
            "definition": (io.BytesIO(text.encode()), name),
        },
        content_type="multipart/form-data",
    )


def count(app, model) -> int:  # type: ignore[no-untyped-def]
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model)) or 0


def test_a_sound_upload_is_offered_and_opens_a_round_with_it(app):
    admin = staff(app, "admin@example.org", "admin")
    reply = upload(admin, GOOD)
    assert reply.status_code == 200
    assert "Saved youth-justice-s11 as version 1" in reply.get_data(as_text=True)
    with app.app_context():
        version = db.session.scalars(select(AuditDefinition)).one()
        key = f"uploaded-{version.id}"
        agency = ensure_agency("Youth Offending Team", "other").id
        event = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "audit_definition.upload")
        ).one()
        assert event.target_id == str(version.id)
    form = admin.get("/assurance/rounds/new").get_data(as_text=True)
    assert f'value="{key}"' in form
    assert "Youth justice safeguarding check (uploaded: youth-justice-s11)" in form
    # not offered for case audits: it was uploaded for Section 11 rounds
    assert key not in admin.get("/assurance/cases/new").get_data(as_text=True)
    opened = admin.post(
        "/assurance/rounds/new",
        data={
            "csrf_token": hidden(form, "csrf_token"),
            "title": "Youth justice 2026",
            "deadline": "2099-01-31",
            "definition": key,
            "agencies": [str(agency)],
        },
    )
    assert opened.status_code == 302, opened.get_data(as_text=True)
    with app.app_context():
        found = db.session.scalars(select(AuditRound)).one()
        assert found.definition.slug == "youth-justice-s11"
        assert [q.id for p in found.definition.pages for q in p.questions] == ["yj_lead_1"]


def test_a_malformed_upload_lists_every_problem_and_stores_nothing(app):
    admin = staff(app, "admin@example.org", "admin")
    reply = upload(admin, BAD, name="broken.yaml")
    page = reply.get_data(as_text=True)
    assert reply.status_code == 400
    assert "Nothing was saved" in page
    problems = page.split('<ul class="problems">')[1].split("</ul>")[0].split("<li>")[1:]
    assert len(problems) >= 3, problems
    assert any("audience" in p for p in problems)
    assert any("pages[0]" in p and "id" in p for p in problems)
    assert any("pages[0].questions[0]" in p and "amber" in p for p in problems)
    assert all(p.startswith("broken.yaml") for p in problems)
    assert count(app, AuditDefinition) == 0
    with app.app_context():
        assert not db.session.scalar(
            select(AuditEvent).where(AuditEvent.action == "audit_definition.upload")
        )


def test_a_survey_or_a_bundled_slug_is_refused(app):
    admin = staff(app, "admin@example.org", "admin")
    survey = GOOD.replace("audience: agency\nkind: audit\n", "audience: staff\n")
    survey = survey.replace("type: rag", "type: text").split("        choices:")[0]
    reply = upload(admin, survey)
    assert reply.status_code == 400
    assert "kind: audit" in reply.get_data(as_text=True)
    bundled = upload(admin, GOOD.replace("slug: youth-justice-s11", "slug: section11"))
    assert bundled.status_code == 400
    assert "bundled audit" in bundled.get_data(as_text=True)
    assert count(app, AuditDefinition) == 0


def test_a_changed_reupload_is_a_new_version_and_an_identical_one_is_not(app):
    admin = staff(app, "admin@example.org", "admin")
    assert upload(admin, GOOD).status_code == 200
    same = upload(admin, GOOD)
    assert "Unchanged: youth-justice-s11 version 1" in same.get_data(as_text=True)
    changed = upload(admin, GOOD.replace("Leadership", "Leaders"))
    assert "Saved youth-justice-s11 as version 2" in changed.get_data(as_text=True)
    assert count(app, AuditDefinition) == 2
    with app.app_context():
        newest = db.session.scalars(
            select(AuditDefinition).where(AuditDefinition.number == 2)
        ).one()
    form = admin.get("/assurance/rounds/new").get_data(as_text=True)
    assert f'value="uploaded-{newest.id}"' in form
    assert form.count("(uploaded: youth-justice-s11)") == 1


def test_only_admins_may_upload(app):
    moderator = staff(app, "mod@example.org", "moderator")
    assert moderator.get("/assurance/definitions").status_code == 403
    reply = moderator.post(
        "/assurance/definitions",
        data={
            # a real token (from the sign-out form every staff page has): the role is refused
            "csrf_token": hidden(moderator.get("/assurance/").get_data(as_text=True), "csrf_token"),
            "round_kind": "section11",
            "definition": (io.BytesIO(GOOD.encode()), "a.yaml"),
        },
        content_type="multipart/form-data",
    )
    assert reply.status_code == 403
    assert count(app, AuditDefinition) == 0


def test_heard_audits_load_keeps_a_sound_file_and_refuses_a_bad_one(app, tmp_path):
    runner = app.test_cli_runner()
    good, bad = tmp_path / "yj.yaml", tmp_path / "broken.yaml"
    good.write_text(GOOD)
    bad.write_text(BAD)
    failed = runner.invoke(args=["audits", "load", str(bad)])
    assert failed.exit_code == 1
    assert failed.output.count("broken.yaml:") >= 3
    assert count(app, AuditDefinition) == 0
    loaded = runner.invoke(args=["audits", "load", "--for", "case_audit", str(good)])
    assert loaded.exit_code == 0, loaded.output
    assert "youth-justice-s11: version 1 (new version)" in loaded.output
    with app.app_context():
        assert db.session.scalars(select(AuditDefinition)).one().round_kind == "case_audit"
