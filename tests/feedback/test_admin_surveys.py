"""Surveys in the browser: list, upload, versions, open and close, and the XLSForm route."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import yaml
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import AuditEvent, Response, Survey
from tests.feedback.admin_helpers import csrf, sign_in_as
from tests.feedback.helpers import HERE, hidden, load_test_survey, post_page, start
from tests.forms.definition_helpers import assert_every_kind_reported, every_kind
from tests.forms.xlsform_book import CHOICES, SETTINGS, SURVEY, workbook

BRANCHING = (HERE / "surveys" / "branching.yaml").read_text()
HOSTILE = "<script>alert('heard')</script>"


def _upload(client, name: str, content: bytes, skip: bool = False):  # type: ignore[no-untyped-def]
    data = {"csrf_token": csrf(client), "definition": (io.BytesIO(content), name)}
    if skip:
        data["skip_unsupported"] = "y"
    return client.post("/admin/upload", data=data, content_type="multipart/form-data")


def _submit_one(client, slug: str) -> None:
    html = start(client, slug)
    html = post_page(client, slug, html, {"had_worker": "no"}).get_data(as_text=True)
    html = post_page(client, slug, html, {}).get_data(as_text=True)
    assert post_page(client, slug, html, {}, action="submit").status_code == 303


def test_list_shows_state_version_and_responses(app, client):
    slug = load_test_survey(app)
    _submit_one(app.test_client(), slug)
    sign_in_as(app, client, "admin")
    page = client.get("/admin/surveys").get_data(as_text=True)
    row = page[page.index(f">{slug}<") :].split("</tr>")[0]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    assert [re.sub("<[^>]+>", "", c).strip() for c in cells] == [
        "Test survey with a branch",
        "parent_carer",
        "Open",
        "1",
        "1",
    ]


def test_uploading_yaml_makes_a_new_version(app, client):
    sign_in_as(app, client, "admin")
    reply = _upload(client, "branching.yaml", BRANCHING.encode())
    assert reply.status_code == 200
    assert "now has version 1" in reply.get_data(as_text=True)
    changed = BRANCHING.replace("title: Test survey with a branch", "title: A new title")
    reply = _upload(client, "branching.yaml", changed.encode())
    assert "now has version 2" in reply.get_data(as_text=True)
    same = _upload(client, "branching.yaml", changed.encode())
    assert "is unchanged" in same.get_data(as_text=True)
    with app.app_context():
        survey = db.session.scalar(select(Survey))
        assert survey.title == "A new title" and survey.current_version.number == 2
        assert survey.current_version.source == "branching.yaml"
        uploads = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "survey.upload")
        ).all()
        assert [e.detail["version"] for e in uploads] == [1, 2, 2]


def test_upload_errors_are_the_validators_messages(app, client, runner, tmp_path):
    broken = BRANCHING.replace("type: yes_no", "type: yes_or_no").replace(
        "audience: parent_carer", "audience: parents"
    )
    path = tmp_path / "broken.yaml"
    path.write_text(broken)
    result = runner.invoke(args=["surveys", "validate", str(path)])
    assert result.exit_code == 1
    expected = [line.replace(f"{path}:", "broken.yaml:") for line in result.output.splitlines()]
    assert len(expected) == 4  # audience, type, and two checks skipped for want of the type
    sign_in_as(app, client, "admin")
    reply = _upload(client, "broken.yaml", broken.encode())
    assert reply.status_code == 400
    shown = re.findall(r"<li>(.*?)</li>", reply.get_data(as_text=True).split('class="problems"')[1])
    assert [s.replace("&#39;", "'") for s in shown] == expected
    with app.app_context():
        assert db.session.scalar(select(func.count(Survey.id))) == 0


def test_upload_shows_every_problem_in_one_go(app: Flask, client: FlaskClient) -> None:
    # Issue 19: an unknown type used to hide the question's show_if problem.
    sign_in_as(app, client, "admin")
    text = yaml.safe_dump(every_kind(), sort_keys=False)
    reply = _upload(client, "every.yaml", text.encode())
    assert reply.status_code == 400
    listed = reply.get_data(as_text=True).split('class="problems"')[1].split("</ul>")[0]
    shown = [html.unescape(s) for s in re.findall(r"<li>(.*?)</li>", listed, re.S)]
    assert_every_kind_reported(shown, "every.yaml")


def test_upload_refuses_other_files_and_non_utf8(app, client):
    sign_in_as(app, client, "admin")
    reply = _upload(client, "notes.txt", b"hello")
    assert "choose a .yaml survey definition or an XLSForm .xlsx" in reply.get_data(as_text=True)
    reply = _upload(client, "latin.yaml", "title: caf\xe9".encode("latin-1"))
    assert "not UTF-8 text" in reply.get_data(as_text=True)
    assert client.post("/admin/upload", data={"csrf_token": csrf(client)}).status_code == 400


def test_a_hostile_title_is_escaped_on_every_admin_page(app, client):
    hostile = BRANCHING.replace("title: Test survey with a branch", f'title: "{HOSTILE}"')
    hostile = hostile.replace("text: Did you have a worker?", f'text: "{HOSTILE}"')
    sign_in_as(app, client, "admin")
    pages = [_upload(client, "<img src=x onerror=alert(1)>.yaml", hostile.encode())]
    slug = "test-branching"
    pages += [client.get(p) for p in ("/admin/surveys", f"/admin/surveys/{slug}", "/admin/audit")]
    preview = client.get(f"/admin/surveys/{slug}/preview")
    pages.append(preview)
    html = preview.get_data(as_text=True)
    pages.append(
        client.post(
            f"/admin/surveys/{slug}/preview",
            data={
                "csrf_token": hidden(html, "csrf_token"),
                "action": "start",
            },
        )
    )
    broken = hostile.replace("audience: parent_carer", f'audience: "{HOSTILE}"')
    pages.append(_upload(client, "broken.yaml", broken.encode()))
    for reply in pages:
        text = reply.get_data(as_text=True)
        assert HOSTILE not in text and "<img src=x" not in text, reply.request.path
        if reply.request.path == "/admin/audit":  # the file name is in the upload's audit row
            assert "&lt;img src=x onerror=alert(1)&gt;.yaml" in text
        else:
            assert "&lt;script&gt;alert(" in text, reply.request.path


def test_versions_page_shows_number_date_hash_and_responses(app, client):
    slug = load_test_survey(app)
    _submit_one(app.test_client(), slug)
    sign_in_as(app, client, "admin")
    changed = BRANCHING.replace("title: Test survey with a branch", "title: Second wording")
    _upload(client, "second.yaml", changed.encode())
    _submit_one(app.test_client(), slug)
    _submit_one(app.test_client(), slug)
    page = client.get(f"/admin/surveys/{slug}").get_data(as_text=True)
    with app.app_context():
        versions = db.session.scalar(select(Survey)).versions
        hashes = [v.sha256[:12] for v in versions]
    rows = page.split("<tbody>")[1].split("</tbody>")[0].split("</tr>")[:-1]
    assert len(rows) == 2
    assert "2 (current)" in rows[0] and hashes[1] in rows[0] and "second.yaml" in rows[0]
    assert re.search(r'<td class="number">2</td>', rows[0])
    assert hashes[0] in rows[1] and re.search(r'<td class="number">1</td>', rows[1])


def test_closing_a_survey_makes_its_link_say_closed(app, client):
    slug = load_test_survey(app)
    sign_in_as(app, client, "admin")
    public = app.test_client()
    assert public.get(f"/s/{slug}").status_code == 200
    client.post(
        f"/admin/surveys/{slug}/state", data={"csrf_token": csrf(client), "state": "closed"}
    )
    closed = public.get(f"/s/{slug}")
    assert closed.status_code == 410
    assert "This survey has closed" in closed.get_data(as_text=True)
    assert "Closed" in client.get("/admin/surveys").get_data(as_text=True)
    client.post(f"/admin/surveys/{slug}/state", data={"csrf_token": csrf(client), "state": "open"})
    assert public.get(f"/s/{slug}").status_code == 200
    with app.app_context():
        actions = db.session.scalars(
            select(AuditEvent.action).where(AuditEvent.target_type == "survey")
        ).all()
    assert actions == ["survey.close", "survey.open"]


def test_a_page_half_answered_before_closing_cannot_be_sent_after(app, client):
    slug = load_test_survey(app)
    respondent = app.test_client()
    html = start(respondent, slug)
    sign_in_as(app, client, "admin")
    client.post(
        f"/admin/surveys/{slug}/state", data={"csrf_token": csrf(client), "state": "closed"}
    )
    assert post_page(respondent, slug, html, {"had_worker": "yes"}).status_code == 410


def test_xlsform_upload_imports_the_workbook(app, client):
    sign_in_as(app, client, "admin")
    reply = _upload(client, "family.xlsx", workbook(SURVEY, CHOICES, SETTINGS))
    page = reply.get_data(as_text=True)
    assert reply.status_code == 200
    assert "Family support (family-support-2026) now has version 1" in page
    assert "cy: 5 translated texts" in page
    with app.app_context():
        survey = db.session.scalar(select(Survey))
        assert survey.current_version.definition.languages == ("en", "cy")


def test_xlsform_with_unsupported_rows_fails_until_skipping_is_ticked(app, client):
    book = workbook(
        [
            ["type", "name", "label"],
            ["text", "kept", "What went well?"],
            ["geopoint", "where", "Where are you?"],
            ["text", "also_kept", "What could be better?"],
        ],
        settings=[["form_id", "form_title"], ["gps-form", "GPS form"]],
    )
    sign_in_as(app, client, "admin")
    refused = _upload(client, "gps.xlsx", book)
    text = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert "gps.xlsx: survey sheet row 3: type &#39;geopoint&#39; is not supported" in text
    assert "Import the rest and skip these rows" in text
    with app.app_context():
        assert db.session.scalar(select(func.count(Survey.id))) == 0
    done = _upload(client, "gps.xlsx", book, skip=True)
    text = done.get_data(as_text=True)
    assert done.status_code == 200
    assert "Rows that were skipped" in text and "survey sheet row 3" in text
    with app.app_context():
        definition = db.session.scalar(select(Survey)).current_version.definition
        assert [q.id for q in definition.questions()] == ["kept", "also_kept"]


def test_cli_loads_and_validates_xlsforms(runner, tmp_path: Path):
    good = tmp_path / "family.xlsx"
    good.write_bytes(workbook(SURVEY, CHOICES, SETTINGS))
    assert runner.invoke(args=["surveys", "validate", str(good)]).exit_code == 0
    loaded = runner.invoke(args=["surveys", "load", str(tmp_path)])
    assert "family-support-2026: version 1 (new version)" in loaded.output
    bad = tmp_path / "gps.xlsx"
    bad.write_bytes(
        workbook(
            [["type", "name", "label"], ["geopoint", "where", "Where?"], ["text", "t", "T"]],
            settings=[["form_id"], ["gps"]],
        )
    )
    result = runner.invoke(args=["surveys", "validate", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}: survey sheet row 2: type 'geopoint' is not supported" in result.output
    assert runner.invoke(args=["surveys", "load", str(bad)]).exit_code == 1
    skipped = runner.invoke(args=["surveys", "load", "--skip-unsupported", str(bad)])
    assert skipped.exit_code == 0
    assert "skipped: " in skipped.output and "gps: version 1 (new version)" in skipped.output


def test_responses_count_only_their_own_survey(app, client):
    slug = load_test_survey(app)
    _submit_one(app.test_client(), slug)
    sign_in_as(app, client, "admin")
    _upload(client, "family.xlsx", workbook(SURVEY, CHOICES, SETTINGS))
    with app.app_context():
        assert db.session.scalar(select(func.count(Response.id))) == 1
    page = client.get("/admin/surveys/family-support-2026").get_data(as_text=True)
    assert re.search(r'<td class="number">0</td>', page)
