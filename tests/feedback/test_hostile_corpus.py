"""Hostile input cannot harm the people who read it (issue 8, item 4).

One world is built once, through the real routes wherever a person would type: a corpus
of cross-site-scripting, template-injection and SQL payloads plus spreadsheet formulas goes
in as free-text answers (quotable, analysed, not concerns, so they reach excerpts), as a
survey title and question texts in an uploaded YAML definition and in an XLSForm, as
focus-group notes, quotes and facilitator name, as a concern a safeguarding lead reads,
and as e-mail addresses of a user and an invitation. Then every staff page is fetched as
admin, analyst and safeguarding lead, with the Board report (HTML and PDF) and every
export (web and `heard export`), and each output is held to the same rules: no payload
markup arrives unescaped, ``{{7*7}}`` never becomes 49, and no spreadsheet cell starts a
formula. One test function builds and checks everything (the fixtures are per test);
each failure names the page or export it came from.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser

import openpyxl
import yaml
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import ConcernAlert, FocusSession, Invitation, TextAnalysis
from feedback.services.people.users import create_user
from tests.feedback.access_helpers import methods, route_url, rules
from tests.feedback.helpers import hidden, post_page, start
from tests.feedback.staff_helpers import csrf, signed_in
from tests.forms.xlsform_book import workbook

XSS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg onload=alert(1)>",
    "javascript:alert(1)",
    "</textarea><script>x()</script>",
    "{{7*7}}",
    "'; DROP TABLE answer;--",
    '<a href="javascript:alert(1)">x</a>',
]
FORMULAS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)"]
CORPUS = XSS + FORMULAS
#: Follows each payload in an answer: gives the analyser a theme so the text can be quoted.
ANSWER_TAIL = " My worker really listened to me and it helped a lot."
QUESTION_TAIL = " is what you think?"
TITLE = "<script>alert(1)</script> {{7*7}} hostile title"
#: Written by a child who is not safe: it becomes a concern alert, never an excerpt.
CONCERN = "<svg onload=alert(1)> my dad hits me and I am scared to go home"
SLUG = "hostile-corpus"
XLS_SLUG = "hostile-xlsform"
PASSWORD = "a long enough passphrase 42"

#: Markup that would run if it arrived unescaped in HTML or SVG.
RAW_MARKUP = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"<script>alert\(1\)",
        r"<script>x\(\)",
        r"<img src=x",
        r"<svg onload",
        r"<a href=\"javascript:",
        r"</textarea><script",
    )
]
#: What {{7*7}} would have become, had a template evaluated it, in each place it was put.
EVALUATED = ["49" + ANSWER_TAIL, "49" + QUESTION_TAIL, "49 hostile title"]


def _definition() -> str:
    """The YAML a hostile admin uploads: payloads in the title and every question text."""
    questions = [
        {"id": f"q{i}", "type": "text", "text": payload + QUESTION_TAIL}
        for i, payload in enumerate(CORPUS)
    ]
    questions += [
        {"id": "felt", "type": "smiley5", "text": "How did you feel?"},
        {"id": "story", "type": "textarea", "text": "Tell us more"},
        {"id": "consent_to_quote", "type": "consent_to_quote", "text": "May we quote you?"},
    ]
    definition = {
        "slug": SLUG,
        "title": TITLE,
        "audience": "child",
        "age_band": "12-17",
        "consent": "You can stop at any time.",
        "min_n": 3,
        "pages": [{"title": "<svg onload=alert(1)> page", "questions": questions}],
        "outcomes": [
            {
                "id": "felt_good",
                "statement": '"><img src=x onerror=alert(1)> felt good',
                "question": "felt",
                "positive": ["happy", "very_happy"],
            }
        ],
    }
    return yaml.safe_dump(definition, allow_unicode=True, sort_keys=False)


def _xlsform() -> bytes:
    survey = [["type", "name", "label"]] + [
        ["text", f"x{i}", payload + QUESTION_TAIL] for i, payload in enumerate(CORPUS)
    ]
    settings = [["form_id", "form_title"], [XLS_SLUG, TITLE]]
    book = openpyxl.load_workbook(io.BytesIO(workbook(survey, settings=settings)))
    for row in book["survey"].iter_rows():
        for cell in row:
            if cell.data_type == "f":  # typed in as text, as a person pasting it would
                cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _upload(client, name: str, content: bytes):  # type: ignore[no-untyped-def]
    data = {"csrf_token": csrf(client, "/admin/upload"), "definition": (io.BytesIO(content), name)}
    reply = client.post("/admin/upload", data=data, content_type="multipart/form-data")
    assert reply.status_code == 200, (name, reply.get_data(as_text=True)[-2000:])
    return reply


def _respond(app, text: str, quote: str = "yes") -> None:  # type: ignore[no-untyped-def]
    respondent = app.test_client()
    html = start(respondent, SLUG)
    answers = {f"q{i}": payload for i, payload in enumerate(CORPUS)}
    answers.update({"felt": "happy", "story": text, "consent_to_quote": quote})
    reply = post_page(respondent, SLUG, html, answers, action="submit")
    assert reply.status_code == 303, reply.get_data(as_text=True)[-3000:]


def _focus_group(app) -> int:  # type: ignore[no-untyped-def]
    facilitator = signed_in(app, "facilitator")
    page = facilitator.get("/facilitate/sessions/new").get_data(as_text=True)
    data = {
        "csrf_token": hidden(page, "csrf_token"),
        "token": re.search(r'name="token" value="([^"]+)"', page).group(1),
        "quote_rows": "6",
        "facilitator": XSS[1],
        "session_date": "2026-02-10",
        "who_took_part": "young_people",
        "setting": "youth_club",
        "participants": "7",
        "age_range": "12-17",
        "prompt_listened": XSS[0] + ANSWER_TAIL,
        "prompt_safe": XSS[5] + ANSWER_TAIL,
        "themes_raised": ["listened_to"],
        "consent_to_quote": "yes",
        "action": "save",
    }
    quoted = [XSS[2], XSS[4], XSS[7], FORMULAS[0], FORMULAS[1], FORMULAS[3]]
    for row, payload in enumerate(quoted):
        data[f"quote_{row}_text"] = payload + ANSWER_TAIL
        data[f"quote_{row}_consent"] = "yes"
        data[f"quote_{row}_prompt"] = "prompt_listened"
    reply = facilitator.post("/facilitate/sessions/new", data=data)
    assert reply.status_code == 303, reply.get_data(as_text=True)[-2000:]
    with app.app_context():
        return db.session.scalar(select(FocusSession.id))


def _build(app) -> tuple[dict, dict]:  # type: ignore[no-untyped-def]
    """Enter the corpus everywhere; returns URL values and the signed-in staff clients."""
    clients = {role: signed_in(app, role) for role in ("admin", "analyst", "safeguarding")}
    admin = clients["admin"]
    first_pages = [
        _upload(admin, "<img src=x onerror=alert(1)>.yaml", _definition().encode()),
        _upload(admin, "hostile.xlsx", _xlsform()),
    ]
    for payload in CORPUS:
        _respond(app, payload + ANSWER_TAIL)
    _respond(app, CONCERN, quote="no")
    session_id = _focus_group(app)
    with app.app_context():
        create_user('"><img src=x onerror=alert(1)>@example.org', "analyst", PASSWORD)
        create_user("=hyperlink(1)@example.org", "trainer", PASSWORD)
    for email in ("<script>alert(1)</script>@example.org", "@sum(1)@example.org"):
        reply = admin.post(
            "/admin/invitations",
            data={"csrf_token": csrf(admin, "/admin/users"), "email": email, "role": "trainer"},
        )
        assert reply.status_code < 500, email
        first_pages.append(reply)
    with app.app_context():
        flagged = db.session.scalars(
            select(TextAnalysis.redacted).where(TextAnalysis.concern.is_(True))
        ).all()
        # Only the one concern is flagged: every payload answer stays quotable.
        assert len(flagged) == 1 and flagged[0].startswith("<svg onload"), flagged
        invitation = db.session.scalars(select(Invitation)).first()
        values = {
            "slug": [SLUG, XLS_SLUG, "focus-group"],
            "number": 1,
            "kind": ["outcomes", "trend", "themes"],
            "alert_id": db.session.scalar(select(ConcernAlert.id)),
            "session_id": session_id,
            "invitation_id": invitation.id if invitation else None,
        }
    return values, {"clients": clients, "first_pages": first_pages}


class _Tags(HTMLParser):
    """Collects elements and attributes that would run script, as a browser parses them
    (so an escaped payload inside a quoted attribute, which is harmless, is not counted)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "script" and not named.get("src"):
            self.found.append("an inline <script>")
        if tag == "img" and named.get("src") == "x":
            self.found.append("the payload's <img src=x>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action", "formaction") and (
                value or ""
            ).strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")


def _bad_markup(where: str, text: str) -> list[str]:
    found = [f"{where}: raw {p.pattern!r}" for p in RAW_MARKUP if p.search(text)]
    tags = _Tags()
    tags.feed(text)
    tags.close()
    found += [f"{where}: {problem}" for problem in tags.found]
    found += [f"{where}: {{{{7*7}}}} evaluated ({e!r})" for e in EVALUATED if e in text]
    return found


def _bad_cells(where: str, cells) -> list[str]:  # type: ignore[no-untyped-def]
    """Text cells that a spreadsheet would run as a formula (plain numbers are data)."""
    return [
        f"{where}: formula cell {cell!r}"
        for cell in cells
        if isinstance(cell, str)
        and cell[:1] in ("=", "+", "-", "@")
        and not re.fullmatch(r"-?\d+(\.\d+)?(e-?\d+)?", cell)
    ]


def _urls(app, values: dict) -> list[str]:  # type: ignore[no-untyped-def]
    """Every GET route whose URL parts this world can fill, one URL per slug / kind."""
    urls = [
        "/analyse/report?period=all",
        "/analyse/report/view?period=all",
        "/safeguarding/?state=all",
        f"/analyse/surveys/{SLUG}?period=all",
    ]
    for rule in rules(app):
        if "GET" not in methods(rule) or rule.endpoint == "static":
            continue
        if any(values.get(arg) is None for arg in rule.arguments):
            continue  # a course or campaign: no hostile text reaches them here
        combos = [{}]
        for arg in sorted(rule.arguments):
            options = values[arg] if isinstance(values[arg], list) else [values[arg]]
            combos = [dict(c, **{arg: o}) for c in combos for o in options]
        urls += [route_url(app, rule, combo) for combo in combos]
    return urls


def _check_exports(app, runner, client, tmp_path) -> list[str]:  # type: ignore[no-untyped-def]
    problems: list[str] = []
    for raw in ([], ["--raw-text"]):
        for long_ in ([], ["--long"]):
            result = runner.invoke(args=["export", SLUG, "--format", "csv", *long_, *raw])
            assert result.exit_code == 0, result.output
            rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
            where = f"heard export --format csv {' '.join(long_ + raw)}"
            problems += _bad_cells(where, [c for row in rows for c in row])
            assert any("'=HYPERLINK" in c for row in rows for c in row), f"{where}: no answers"
        path = tmp_path / f"export{len(raw)}.xlsx"
        result = runner.invoke(args=["export", SLUG, "--format", "xlsx", "-o", str(path), *raw])
        assert result.exit_code == 0, result.output
        book = openpyxl.load_workbook(path)
        for sheet in book.worksheets:
            cells = [c.value for row in sheet.iter_rows() for c in row]
            problems += _bad_cells(f"heard export --format xlsx {raw} sheet {sheet.title}", cells)
        result = runner.invoke(args=["export", SLUG, "--format", "json", *raw])
        assert result.exit_code == 0, result.output
        assert "{{7*7}}" in result.stdout and "49" + ANSWER_TAIL not in result.stdout
        json.loads(result.stdout)
    for fmt in ("csv", "xlsx", "json"):
        reply = client.get(f"/analyse/surveys/{SLUG}/export?format={fmt}")
        assert reply.status_code == 200, fmt
        where = f"GET /analyse/surveys/{SLUG}/export?format={fmt}"
        if fmt == "csv":
            rows = csv.reader(io.StringIO(reply.get_data(as_text=True).lstrip("\ufeff")))
            problems += _bad_cells(where, [c for row in rows for c in row])
        elif fmt == "xlsx":
            book = openpyxl.load_workbook(io.BytesIO(reply.data))
            cells = [c.value for s in book.worksheets for row in s.iter_rows() for c in row]
            problems += _bad_cells(where, cells)
        else:
            assert len(json.loads(reply.data)) == len(CORPUS) + 1, where
    return problems


def _check_report(runner, tmp_path) -> list[str]:  # type: ignore[no-untyped-def]
    html_path = tmp_path / "board.html"
    result = runner.invoke(args=["report", "--period", "all", "-o", str(html_path)])
    assert result.exit_code == 0, result.output
    html = html_path.read_text(encoding="utf-8")
    problems = _bad_markup("heard report --format html", html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, "report: the hostile title is missing"
    pdf_path = tmp_path / "board.pdf"
    result = runner.invoke(
        args=["report", "--period", "all", "--format", "pdf", "-o", str(pdf_path)]
    )
    assert result.exit_code == 0, result.output
    if shutil.which("pdftotext") is None:
        print("pdftotext is not installed: the PDF's text was not checked")
        return problems
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    # A PDF shows text, never runs it: the payload must read as written, not as entities.
    assert "<script>alert(1)</script>" in text, "report PDF: the hostile title is not shown"
    assert "&lt;" not in text, "report PDF: escaped twice (&lt; shown to the reader)"
    problems += [f"report PDF: {e!r}" for e in EVALUATED if e in text]
    return problems


def test_hostile_corpus_is_harmless_in_every_page_report_and_export(app, runner, tmp_path):
    values, built = _build(app)
    clients = built["clients"]
    problems: list[str] = []
    for reply in built["first_pages"]:
        problems += _bad_markup(f"POST {reply.request.path}", reply.get_data(as_text=True))
    urls = _urls(app, values)
    seen: dict[str, set[str]] = {}
    for role, client in clients.items():
        for url in urls:
            reply = client.get(url)
            assert reply.status_code < 500, f"GET {url} as {role}: {reply.status_code}"
            if reply.status_code == 200 and reply.mimetype in ("text/html", "image/svg+xml"):
                text = reply.get_data(as_text=True)
                problems += _bad_markup(f"GET {url} as {role}", text)
                seen.setdefault(url, set()).add(role)
                if "&lt;script&gt;alert(1)&lt;/script&gt;" in text:
                    seen[url].add("payload")
            reply.close()
    problems += _check_exports(app, runner, clients["analyst"], tmp_path)
    problems += _check_report(runner, tmp_path)
    assert not problems, "\n".join(problems)
    # The payloads really reached the pages that show them (escaped), so the checks bite.
    shown = {url for url, marks in seen.items() if "payload" in marks}
    for url in (
        f"/admin/surveys/{SLUG}",
        f"/analyse/surveys/{SLUG}?period=all",
        f"/facilitate/sessions/{values['session_id']}",
        "/admin/users",
        "/analyse/report/view?period=all",
        "/safeguarding/reading",  # a children's survey: every answer is read as written
    ):
        assert url in shown, f"{url}: the escaped payload is not on the page"
    alert_page = clients["safeguarding"].get(f"/safeguarding/alerts/{values['alert_id']}")
    assert "&lt;svg onload=alert(1)&gt;" in alert_page.get_data(as_text=True)
    users = clients["admin"].get("/admin/users").get_data(as_text=True)
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;@example.org" in users
    assert len(seen) >= 25, sorted(seen)
    # The answers themselves were quoted (as excerpts), not only the survey's title.
    for url in (f"/analyse/surveys/{SLUG}?period=all", "/analyse/report/view?period=all"):
        page = clients["analyst"].get(url).get_data(as_text=True)
        assert page.count(ANSWER_TAIL.strip()) >= 3, f"{url}: no answer excerpts shown"
