"""The Board report's first page: known figures in (tests/feedback/report_helpers.py),
the summary a Board member reads out."""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib

import pytest

from tests.feedback.report_helpers import FLAGGED, known_data


def _summary(html: str) -> str:
    match = re.search(r'<section id="summary".*?</section>', html, re.S)
    assert match, "no summary section"
    return re.sub(r"\s+", " ", match.group(0))


def test_summary_comes_first_with_the_known_figures(app, runner, tmp_path):
    known_data(app)
    out = tmp_path / "board.html"
    args = ["report", "--period", "2026-H1", "--format", "html", "-o", str(out)]
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    main = html[html.index("<main>") :]
    assert re.match(r'<main>\s*<section id="summary"', main), "the summary is not first"
    summary = _summary(html)
    # The headline statement, its figure and its change, in whole percents.
    assert "<strong>80%</strong> Children who felt listened to, " in summary
    assert "up from 40% in 2025-H2: a real change" in summary
    # Every significant change is listed (the pooled row and the survey's own row).
    changed = summary[summary.index("Statements that changed significantly") :]
    assert changed.count("Children who felt listened to") == 2
    assert "(Your views about the help you got (ages 8\u201311))" in changed
    # Respected did not change (100% both times: too few negatives to say otherwise).
    assert "Children who felt respected" not in changed
    # The three most mentioned themes, in order, each with one quoted excerpt.
    themes = summary[summary.index("Most mentioned themes") :]
    order = [themes.index(name) for name in ("Being listened to", "Feeling safe", "Workload")]
    assert order == sorted(order)
    assert "(10 mentions)" in themes and "(3 mentions)" in themes and "(2 mentions)" in themes
    assert themes.count("<blockquote") == 3 and "They listened to me every time" in themes
    # Flagged words never count and never show, anywhere in the report.
    assert "Waiting and delays" not in themes
    assert FLAGGED not in html
    assert "12 alerts were raised from free text in this period." in summary
    # Methods, chart descriptions and data tables are in the appendix; each chart keeps
    # a data table beside it for screen readers.
    assert html.index('id="appendix"') > html.index('id="triangulation"')
    assert "Appendix B: How these figures were made" in html
    hidden = re.findall(r'<div class="sr-only">\s*<table class="chart-data">', html)
    assert len(hidden) == html.count("<svg")
    assert html.count('class="chart-described"') == html.count("<svg")


def _pdf_catalog_has(pdf: bytes, pattern: bytes) -> bool:
    """Search the PDF and its compressed object streams (where the catalog lives)."""
    chunks = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            chunks.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return any(re.search(pattern, chunk) for chunk in chunks)


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="needs poppler-utils (pdfinfo)")
def test_pdf_is_tagged_titled_in_english_and_the_summary_fills_page_one(app, runner, tmp_path):
    known_data(app)
    out = tmp_path / "board.pdf"
    args = ["report", "--period", "2026-H1", "--format", "pdf", "-o", str(out)]
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    assert re.search(r"^Tagged:\s+yes$", info.stdout, re.M), info.stdout
    assert re.search(r"^Title:\s+.*Board report 2026-H1", info.stdout, re.M), info.stdout
    assert _pdf_catalog_has(out.read_bytes(), rb"/Lang\s*\(en\)")

    def page(number: int) -> str:
        args = ["pdftotext", "-f", str(number), "-l", str(number), str(out), "-"]
        return subprocess.run(args, capture_output=True, text=True, check=True).stdout

    first, second = page(1), page(2)
    for words in ("Summary", "Children who felt listened to", "Most mentioned themes",
                  "Safeguarding alerts", "12 alerts were raised"):  # fmt: skip
        assert words in first
    # The summary is one page: the next section (the priorities, issue 17) starts the second.
    assert second.lstrip().startswith("The partnership's priorities"), second[:200]


def test_counts_are_grouped_in_thousands(app, runner, tmp_path):
    from feedback.extensions import db
    from feedback.services.surveys.versions import load_library
    from tests.feedback.report_helpers import H1, respond

    with app.app_context():
        load_library()
        for _ in range(1_234):
            respond("children-8-11", {"listened": "very_happy"}, H1)
        db.session.commit()
    out = tmp_path / "board.html"
    args = ["report", "--period", "2026-H1", "--format", "html", "-o", str(out)]
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    assert "(1,234 responses, " in result.output
    html = re.sub(r"\s+", " ", out.read_text(encoding="utf-8"))
    assert "1,234 responses in this period." in _summary(html)
    assert '<td class="num">1,234</td>' in html  # who responded, by voice and mode
    assert "1234" not in html
