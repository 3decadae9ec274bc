"""Pooled and per-survey counts on one page agree, and each page says why a count of
answers differs from the responses (known data: tests/feedback/report_helpers.py)."""

from __future__ import annotations

import re
from collections import defaultdict

from tests.feedback.report_helpers import known_data
from tests.feedback.textdata import make_user, sign_in


def _cells(row: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", c).strip()
        for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
    ]


def test_survey_page_pooled_counts_are_the_sum_of_the_surveys_and_say_so(app, client):
    known_data(app)
    make_user(app, "analyst@example.org", "analyst")
    sign_in(client, "analyst@example.org")
    page = client.get("/analyse/surveys/children-8-11?period=2026-H1&pool=1").get_data(as_text=True)
    body = page[page.index('<table class="outcomes">') : page.index("</table>")]
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for row in re.findall(r"<tr class=\"[^\"]*everyone\">(.*?)</tr>", body, re.S):
        statement, survey, answers = _cells(row)[:3]
        counts[statement][survey] = int(answers)
    listened = counts["Children who felt listened to"]
    pooled = [n for survey, n in listened.items() if survey.startswith("All of")]
    alone = [n for survey, n in listened.items() if not survey.startswith("All of")]
    assert pooled == [30] and sum(alone) == 30 and len(alone) == 3
    for statement, by_survey in counts.items():
        total = [n for s, n in by_survey.items() if s.startswith("All of")]
        assert total == [sum(n for s, n in by_survey.items() if not s.startswith("All of"))], (
            statement
        )
    assert "so it can be below the responses" in page and "so its count is their sum" in page
    # Without pooling, no word about added-together rows.
    alone_page = client.get("/analyse/surveys/children-8-11?period=2026-H1").get_data(as_text=True)
    assert "so it can be below the responses" in alone_page
    assert "so its count is their sum" not in alone_page


def test_report_pooled_answers_are_the_sum_of_the_surveys_below(app, runner, tmp_path):
    known_data(app)
    out = tmp_path / "board.html"
    args = ["report", "--period", "2026-H1", "--format", "html", "-o", str(out)]
    assert runner.invoke(args=args).exit_code == 0
    html = out.read_text(encoding="utf-8")
    section = html[html.index('id="voice-child"') : html.index('id="voice-parent_carer"')]
    headline, detail = section.split("By survey, behind the pooled statements", 1)
    pooled = {}
    for row in re.findall(
        r"<tr>(.*?)</tr>", headline.split("<h3>Outcome statements</h3>", 1)[1], re.S
    ):
        cells = _cells(row)
        if cells and cells[0].startswith("Children"):
            pooled[cells[0]] = int(cells[3] if len(cells) > 4 else cells[2])
    sums: dict[str, int] = defaultdict(int)
    for row in re.findall(r"<tr>(.*?)</tr>", detail.split("</table>", 1)[0], re.S):
        cells = _cells(row)
        if cells and cells[0].startswith("Children"):
            sums[cells[0]] += int(cells[4] if len(cells) > 5 else cells[3])
    assert pooled["Children who felt listened to"] == 30
    assert {s: pooled[s] for s in sums} == dict(sums)
    assert (
        "A pooled statement adds up the surveys below: its answers are the sum of theirs."
        in section
    )
