"""The Board report from `heard demo` data: HTML and PDF, self-contained, isolated."""

from __future__ import annotations

import re

from sqlalchemy import select

from feedback.demo import texts as demo_text
from feedback.extensions import db
from feedback.models import AuditEvent
from tests.feedback.textdata import add_text, make_user, sign_in

HOSTILE = "The worker was <script>alert('x')</script> kind to us every single week"
FLAGGED = "Something the analyser flagged which a Board must never read"


def _demo(app, runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(args=["demo", "--responses", "15"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        add_text("parents-carers", HOSTILE, [("respected", "positive")], consent=True)
        add_text("parents-carers", FLAGGED, [("respected", "positive")], concern=True)


def _assert_self_contained(html: str) -> None:
    assert "<script" not in html.lower()
    # Nothing is fetched: no src or href to anywhere, no CSS import or url().
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "@import" not in html and "url(http" not in html


def test_report_html_and_pdf_from_demo_data(app, runner, tmp_path):
    _demo(app, runner)
    html_path, pdf_path = tmp_path / "board.html", tmp_path / "board.pdf"
    result = runner.invoke(
        args=["report", "--period", "all", "--format", "html", "-o", str(html_path)]
    )
    assert result.exit_code == 0, result.output
    html = html_path.read_text(encoding="utf-8")
    _assert_self_contained(html)
    headings = ("Children and young people", "Parents and carers", "Frontline staff",
                "One theme, every voice", "Safeguarding alerts", "How these figures")  # fmt: skip
    for heading in headings:
        assert heading in html
    assert html.count("<svg") >= 5 and 'role="img"' in html and "<figcaption>" in html
    assert "Wilson" in html and "WeasyPrint" in html
    # Hostile words are text, never markup; flagged and disclosed texts never appear.
    assert "&lt;script&gt;" in html
    assert FLAGGED not in html
    for disclosure in demo_text.CHILD_CONCERN:
        assert disclosure not in html
    # The demo's disclosures are counted by category, nothing more.
    assert re.search(r"\d+ alerts? (?:was|were) raised", html)
    result = runner.invoke(
        args=["report", "children-8-11", "--period", "all", "--format", "pdf", "-o", str(pdf_path)]
    )
    assert result.exit_code == 0, result.output
    assert pdf_path.read_bytes().startswith(b"%PDF")
    with app.app_context():
        actions = db.session.scalars(select(AuditEvent.action)).all()
    assert "report.html" in actions and "report.pdf" in actions


def test_report_command_refuses_bad_input(app, runner, tmp_path):
    out = str(tmp_path / "r.html")
    bad = runner.invoke(args=["report", "--period", "2026-H3", "-o", out])
    assert bad.exit_code != 0 and "period" in bad.output
    missing = runner.invoke(args=["report", "nope", "--period", "all", "-o", out])
    assert missing.exit_code != 0 and "nope" in missing.output


def test_report_pages_need_the_analyst_role(app, client):
    reply = client.get("/analyse/report")
    assert reply.status_code == 302 and "/login" in reply.headers["Location"]
    make_user(app, "facilitator@example.org", "facilitator")
    sign_in(client, "facilitator@example.org")
    for url in ("/analyse/report", "/analyse/report/view", "/analyse/report/download"):
        assert client.get(url).status_code == 403


def test_analyst_reads_and_downloads_the_report(app, runner, client):
    _demo(app, runner)
    make_user(app, "analyst@example.org", "analyst")
    sign_in(client, "analyst@example.org")
    page = client.get("/analyse/report?period=all")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Download PDF" in text and "/analyse/report/download" in text
    view = client.get("/analyse/report/view?period=all&survey=parents-carers")
    assert view.status_code == 200
    csp = view.headers["Content-Security-Policy"]
    assert "script-src" not in csp and "default-src 'none'" in csp
    body = view.get_data(as_text=True)
    _assert_self_contained(body)
    assert "&lt;script&gt;" in body and FLAGGED not in body
    html = client.get("/analyse/report/download?period=all&format=html&survey=parents-carers")
    assert "attachment" in html.headers["Content-Disposition"]
    assert client.get("/analyse/report/view?period=nonsense").status_code == 400
    assert client.get("/analyse/report/view?survey=nope").status_code == 404
