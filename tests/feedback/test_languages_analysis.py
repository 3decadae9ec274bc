"""Analysis across languages: kept, tagged, out of English sentiment, shown by language."""

from __future__ import annotations

import html
import json
import re

from sqlalchemy import select

from feedback.extensions import db
from feedback.models import Response, TextAnalysis
from feedback.services.outcomes.stories import theme_stories
from feedback.services.surveys.lookup import surveys_by_slug
from tests.feedback.helpers import post_page, start
from tests.feedback.textdata import add_text, make_user, sign_in

# Typed on a phone without Polish letters: on its own it reads as English; the survey's
# language (Polish) must reach the analyser for it to be themed in Polish.
POLISH_PLAIN = "Szybko i sprawnie, pomoc byla super"
KIND = "The family worker rang us back the same day and explained every step."
SLOW = "We waited nine weeks before anyone from the team came to the house."
POLISH = "Pani z ośrodka bardzo długo nie odpisywała na nasze wiadomości."
URDU = "ہمیں مدد کے لیے بہت دیر تک انتظار کرنا پڑا"


def _walk(client, slug: str, page: str, text: str):  # type: ignore[no-untyped-def]
    """Answer each page with its first choices and `text` in every text box, then send."""
    for _ in range(40):
        answers = {}
        for name in dict.fromkeys(re.findall(r'type="radio" id="[^"]+" name="([^"]+)"', page)):
            answers[name] = re.search(rf'name="{name}" value="([^"]+)"', page).group(1)
        for name in re.findall(r'<textarea[^>]* name="([^"]+)"', page):
            answers[name] = text
        action = "submit" if 'value="submit"' in page else "next"
        reply = post_page(client, slug, page, answers, action=action)
        if reply.status_code == 303:
            return reply
        assert reply.status_code == 200
        page = reply.get_data(as_text=True)
    raise AssertionError("the survey never ended")


def test_a_submission_in_polish_stores_pl_and_shows_in_the_language_breakdown(
    library_loaded, runner
) -> None:  # type: ignore[no-untyped-def]
    app = library_loaded
    client = app.test_client()
    client.get("/s/children-8-11?lang=pl")
    page = start(client, "children-8-11")
    assert '<html lang="pl"' in page
    _walk(client, "children-8-11", page, POLISH_PLAIN)
    with app.app_context():
        assert db.session.scalar(select(Response.language)) == "pl"
        analysis = db.session.scalars(select(TextAnalysis)).one()
        assert analysis.language == "pl" and analysis.english_analysed is False
        assert analysis.sentiment == "neutral" and analysis.polarity == 0
        assert {t.theme for t in analysis.themes} == {"proportionate_help", "timeliness"}
    # The command line breaks the outcomes down by language, Polish included.
    result = runner.invoke(
        args=["outcomes", "children-8-11", "--by", "language", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    polish = [r for r in rows if r["group"] == {"language": "pl"}]
    assert polish and all(r["denominator"] == 1 and r["suppressed"] for r in polish)
    assert {r["id"] for r in polish} == {r["id"] for r in rows if r["group"] is None}
    # So does the analyst's page, naming the language in itself.
    make_user(app, "analyst@example.org", "analyst")
    staff = app.test_client()
    sign_in(staff, "analyst@example.org")
    reply = staff.get("/analyse/surveys/children-8-11?by=language&period=all")
    assert reply.status_code == 200
    page = html.unescape(reply.get_data(as_text=True))
    assert "Polski (pl)" in page
    # The child agreed to be quoted (the first choice): the words show, tagged as Polish.
    assert f'<p lang="pl" dir="auto">{POLISH_PLAIN}</p>' in page
    assert "Polski</span> — not in English sentiment" in page


def _mixed(app) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        from feedback.services.surveys.versions import load_library

        load_library()
        add_text("parents-carers", KIND, [("timeliness", "positive")])
        add_text("parents-carers", SLOW, [("timeliness", "negative")])
        add_text("parents-carers", POLISH, [("timeliness", "neutral")], language="pl")
        add_text("parents-carers", URDU, [("timeliness", "neutral")], language="ur")


def test_theme_shares_leave_other_languages_out(app) -> None:  # type: ignore[no-untyped-def]
    _mixed(app)
    with app.app_context():
        (story,) = theme_stories([s.id for s in surveys_by_slug(["parents-carers"])])
    assert story.mentions == 4 and story.other_language == 2
    # One positive and one negative of the two English texts: not 25% and 25% of four.
    assert story.share_positive == 50.0 and story.share_negative == 50.0
    assert dict(story.languages) == {"pl": 1, "ur": 1}
    assert {e.language for e in story.excerpts} == {"en", "pl", "ur"}


def _tagged(page: str, language: str, name: str, direction: str) -> None:
    tag = f'<span lang="{language}" dir="{direction}">{name}</span> — not in English sentiment'
    assert tag in page, tag


def test_analyst_page_marks_each_excerpt_with_its_language(app) -> None:  # type: ignore[no-untyped-def]
    _mixed(app)
    make_user(app, "analyst@example.org", "analyst")
    client = app.test_client()
    sign_in(client, "analyst@example.org")
    page = html.unescape(
        client.get("/analyse/surveys/parents-carers?period=all").get_data(as_text=True)
    )
    assert f'<p lang="en" dir="auto">{KIND}</p>' in page
    assert f'<p lang="pl" dir="auto">{POLISH}</p>' in page
    # Right to left is set, not guessed: "auto" would follow a leading [name] marker.
    assert f'<p lang="ur" dir="rtl">{URDU}</p>' in page
    _tagged(page, "pl", "Polski", "auto")
    _tagged(page, "ur", "اردو", "rtl")
    summary = re.sub(r"\s+", " ", page)
    assert "4 mentions: of the 2 analysed in English, 50% positive, 50% negative;" in summary
    assert "2 in other languages" in summary


def test_board_report_marks_each_excerpt_with_its_language(app, runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _mixed(app)
    out = tmp_path / "board.html"
    result = runner.invoke(
        args=["report", "parents-carers", "--period", "all", "--format", "html", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    page = html.unescape(out.read_text(encoding="utf-8"))
    # Three excerpts for four mentions: one English each way, one of the other languages.
    assert f'<p class="words" lang="ur" dir="rtl">“{URDU}”</p>' in page
    _tagged(page, "ur", "اردو", "rtl")
    assert f'<q lang="ur" dir="rtl">{URDU}</q>' in page  # the triangulation cell
    summary = re.sub(r"\s+", " ", page)
    assert (
        "of the 2 analysed in English, 50% positive, 50% negative; 2 in other languages "
        '(<span lang="pl" dir="auto">Polski</span> 1, <span lang="ur" dir="rtl">اردو</span> 1)'
    ) in summary
    assert "they are not given a sentiment" in summary  # the methods section says why
