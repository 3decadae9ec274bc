"""The report page: every download follows the period chosen; a PDF is printed once per
period and data version; analysts write the story, audited, escaped, signed and dated."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import AuditEvent, ReportPdf, StoryEntry
from tests.feedback.helpers import hidden
from tests.feedback.report_helpers import H1, known_data, respond
from tests.feedback.textdata import make_user, sign_in

HOSTILE = "Waiting lists <script>alert('x')</script> fell & families noticed"


def _analyst(app, client) -> None:  # type: ignore[no-untyped-def]
    known_data(app)
    make_user(app, "analyst@example.org", "analyst")
    sign_in(client, "analyst@example.org")


def test_every_button_reads_the_period_chosen_now(app, client):
    _analyst(app, client)
    html = client.get("/analyse/report?period=2025-H2").get_data(as_text=True)
    form = re.search(r'<form [^>]*id="report-form".*?</form>', html, re.S).group(0)
    # The buttons submit the form (so its period and surveys), rather than being links
    # made when the page loaded: no period is written into any of them.
    assert "period=" not in form.replace('name="period"', "")
    assert 'formaction="/analyse/report/download" name="format" value="pdf"' in form
    assert 'formaction="/analyse/report/download" name="format" value="html"' in form
    # What the browser sends after choosing 2026-H1 on a page opened for 2025-H2:
    reply = client.get("/analyse/report/download?period=2026-H1&format=html")
    assert 'filename="heard-board-report_2026-H1.html"' in reply.headers["Content-Disposition"]
    assert "Board report for 2026-H1." in reply.get_data(as_text=True)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (pdftotext)")
def test_pdf_is_printed_once_per_period_and_data_version(app, client, tmp_path):
    _analyst(app, client)

    def pdf(period: str):  # type: ignore[no-untyped-def]
        reply = client.get(f"/analyse/report/download?period={period}&format=pdf")
        assert reply.status_code == 200 and reply.mimetype == "application/pdf"
        out = tmp_path / f"{period}.pdf"
        out.write_bytes(reply.data)
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True)
        return reply, text.stdout

    first, text = pdf("2026-H1")
    assert first.headers["X-Heard-Cache"] == "miss" and "Board report for 2026-H1." in text
    assert 'filename="heard-board-report_2026-H1.pdf"' in first.headers["Content-Disposition"]
    again, _ = pdf("2026-H1")
    assert again.headers["X-Heard-Cache"] == "hit" and again.data == first.data
    other, text = pdf("2025-H2")  # another period is another print, with its own period
    assert other.headers["X-Heard-Cache"] == "miss" and "Board report for 2025-H2." in text
    with app.app_context():  # new data: a new version, and the old prints are gone
        respond("children-8-11", {"listened": "happy"}, H1)
        db.session.commit()
    fresh, _ = pdf("2026-H1")
    assert fresh.headers["X-Heard-Cache"] == "miss"
    with app.app_context():
        assert db.session.scalar(select(db.func.count(ReportPdf.id))) == 1
        downloads = db.session.scalars(
            select(AuditEvent.target_id).where(AuditEvent.action == "report.pdf")
        ).all()
    assert downloads == ["2026-H1", "2026-H1", "2025-H2", "2026-H1"]  # cached ones too


def test_analyst_writes_the_story_and_the_report_shows_it_escaped_and_signed(app, client):
    _analyst(app, client)
    form = client.get("/analyse/report/story?period=2026-H1").get_data(as_text=True)
    assert 'id="report-working"' in form and 'id="child-emerging"' in form
    data = {
        "csrf_token": hidden(form, "csrf_token"),
        "report-working": HOSTILE,
        "child-challenges": "Children still wait.\n\nSome wait for months.",
    }
    reply = client.post("/analyse/report/story?period=2026-H1", data=data)
    assert reply.status_code == 302 and "period=2026-H1" in reply.headers["Location"]
    banner = client.get(reply.headers["Location"]).get_data(as_text=True)
    assert "Saved: 2 headings changed for 2026-H1." in banner
    with app.app_context():
        saved = db.session.scalars(select(StoryEntry)).all()
        audits = db.session.scalars(
            select(AuditEvent.target_id).where(AuditEvent.action == "story.save")
        ).all()
    assert {(e.scope, e.heading) for e in saved} == {("report", "working"), ("child", "challenges")}
    assert sorted(audits) == ["2026-H1/child/challenges", "2026-H1/report/working"]
    report = client.get("/analyse/report/view?period=2026-H1").get_data(as_text=True)
    assert "&lt;script&gt;" in report and "<script>alert" not in report
    # The whole report's story follows the summary; each voice's is in its section.
    start, child_at = report.index('<section id="story">'), report.index('id="voice-child"')
    assert report.index('id="summary"') < start < report.index("What is working") < child_at
    child = report[report.index('id="voice-child"') :]
    assert "<h4>Ongoing challenges</h4>" in child
    assert "<p>Children still wait.</p>" in child and "<p>Some wait for months.</p>" in child
    assert "Written by analyst@example.org," in child
    # Another period has its own story (none yet).
    other = client.get("/analyse/report/view?period=2025-H2").get_data(as_text=True)
    assert 'id="story"' not in other
    # Emptying a heading removes it, audited; an over-long one is refused, next to the field.
    form = client.get("/analyse/report/story?period=2026-H1").get_data(as_text=True)
    data = {"csrf_token": hidden(form, "csrf_token"), "report-working": HOSTILE,
            "child-challenges": "", "child-working": "x" * 4001}  # fmt: skip
    refused = client.post("/analyse/report/story?period=2026-H1", data=data)
    assert refused.status_code == 400
    page = refused.get_data(as_text=True)
    assert 'href="#child-working"' in page and 'id="child-working-error"' in page
    data["child-working"] = ""
    assert client.post("/analyse/report/story?period=2026-H1", data=data).status_code == 302
    with app.app_context():
        assert db.session.scalar(select(db.func.count(StoryEntry.id))) == 1
        assert db.session.scalar(select(AuditEvent.id).where(AuditEvent.action == "story.delete"))


def test_story_page_needs_the_analyst_role(app, client):
    make_user(app, "facilitator@example.org", "facilitator")
    sign_in(client, "facilitator@example.org")
    assert client.get("/analyse/report/story").status_code == 403
    assert client.post("/analyse/report/story", data={}).status_code in (400, 403)
