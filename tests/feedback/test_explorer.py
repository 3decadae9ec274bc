"""The response explorer (issue 15, item 6), through the test client on known data.

Each filter is checked by which response numbers the page lists; the search by which
redacted copies match; a withheld text (flagged, or any text of a response with an
alert) neither appears nor makes its response match, on the page, the response's own
page or the download of the filtered set.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime

import pytest
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import Answer, AuditEvent, Campaign, Response
from tests.feedback.staff_helpers import signed_in
from tests.feedback.textdata import add_text, survey

SLUG = "children-8-11"
URL = f"/analyse/surveys/{SLUG}/responses"
H1 = datetime(2026, 3, 2, 12, 0)
H2 = datetime(2025, 9, 2, 12, 0)
#: words in a text that is flagged, and in the harmless text beside a disclosure
FLAGGED = "pineapple trampoline at home"
BESIDE_ALERT = "pineapple painting at the hub"


def _listed(reply) -> list[int]:  # type: ignore[no-untyped-def]
    """The response numbers a page of results lists, in order."""
    assert reply.status_code == 200, reply.status_code
    return [int(n) for n in re.findall(r">Response (\d+)</a>", reply.get_data(as_text=True))]


@pytest.fixture
def known(library_loaded):  # type: ignore[no-untyped-def]
    """Eight responses whose every fact is known; returns {name: response id}."""
    app = library_loaded
    with app.app_context():
        target = survey(SLUG)
        hub = Campaign(
            survey_id=target.id, slug="hub-poster", name="Hub poster", service="Family hub"
        )
        school = Campaign(
            survey_id=target.id, slug="school-link", name="School link", service="School nurses"
        )
        db.session.add_all([hub, school])
        db.session.commit()
        ids = {}

        def make(name: str, text: str, **kw) -> None:  # type: ignore[no-untyped-def]
            campaign = kw.pop("campaign", None)
            response = add_text(SLUG, text, **kw)
            if campaign is not None:
                response.campaign_id = campaign.id
                db.session.commit()
            ids[name] = response.id

        make(
            "kind",
            "My worker was kind and listened",
            closed={"listened": "very_happy"},
            campaign=hub,
            when=H1,
        )
        make(
            "waited",
            "We waited a long time for the meeting",
            closed={"listened": "sad"},
            campaign=school,
            when=H1,
        )
        make(
            "polish",
            "Pracownik był miły",
            closed={"listened": "happy"},
            language="pl",
            campaign=hub,
            when=H1,
        )
        make(
            "paper",
            "The paper form was easy",
            closed={"listened": "very_happy"},
            mode="paper",
            when=H1,
        )
        make("older", "Kind people last year", closed={"listened": "very_happy"}, when=H2)
        make(
            "redacted",
            "Sam Jones at Oak School listened to me",
            redacted="[name] at [place] listened to me",
            when=H1,
        )
        make("flagged", f"A {FLAGGED} text", concern=True, when=H1)
        # A disclosure's response: its other, harmless text is withheld with it.
        alerted = add_text(SLUG, f"A {BESIDE_ALERT} text", alert=True, when=H1)
        ids["alerted"] = alerted.id
    return ids


def test_each_filter_lists_exactly_the_responses_it_names(library_loaded, known):
    analyst = signed_in(library_loaded, "analyst")
    with library_loaded.app_context():
        hub, school = (
            db.session.scalar(select(Campaign.id).where(Campaign.slug == s))
            for s in ("hub-poster", "school-link")
        )
    everyone = set(known.values())
    assert set(_listed(analyst.get(URL))) == everyone
    cases = {
        "?period=2026-H1": everyone - {known["older"]},
        "?period=2025-H2": {known["older"]},
        f"?campaign={hub}": {known["kind"], known["polish"]},
        f"?campaign={school}": {known["waited"]},
        "?service=Family+hub": {known["kind"], known["polish"]},
        "?service=School+nurses": {known["waited"]},
        "?language=pl": {known["polish"]},
        "?mode=paper": {known["paper"]},
        "?age_band=8-11": everyone,
        "?age_band=12-17": set(),
        "?answer=listened:very_happy": {known["kind"], known["paper"], known["older"]},
        "?answer=listened:sad": {known["waited"]},
        # Filters add up: very happy, in 2026-H1, through the hub poster.
        f"?answer=listened:very_happy&period=2026-H1&campaign={hub}": {known["kind"]},
    }
    for query, expected in cases.items():
        assert set(_listed(analyst.get(URL + query))) == expected, query


def test_a_filter_that_cannot_be_right_is_named_not_ignored(library_loaded, known):
    analyst = signed_in(library_loaded, "analyst")
    for query in (
        "?mode=carrier-pigeon",
        "?answer=listened:ecstatic",
        "?period=2026-H9",
        "?campaign=hub",
    ):
        reply = analyst.get(URL + query)
        assert reply.status_code == 400, query
        assert "There is a problem" in reply.get_data(as_text=True)


def test_search_reads_the_redacted_copy_only(library_loaded, known):
    analyst = signed_in(library_loaded, "analyst")
    assert _listed(analyst.get(URL + "?q=listened")) == sorted(
        [known["kind"], known["redacted"]], reverse=True
    )
    # Case does not matter, and the match is marked.
    page = analyst.get(URL + "?q=WAITED").get_data(as_text=True)
    assert _listed(analyst.get(URL + "?q=WAITED")) == [known["waited"]]
    assert "<mark>waited</mark>" in page
    # The name and the school were redacted away: searching for them finds nothing.
    for query in ("?q=Jones", "?q=Oak+School"):
        reply = analyst.get(URL + query)
        assert _listed(reply) == [], query
        assert "No responses match these filters." in reply.get_data(as_text=True)
    assert _listed(analyst.get(URL + "?q=%5Bname%5D")) == [known["redacted"]]
    # LIKE's wildcards match only themselves.
    assert _listed(analyst.get(URL + "?q=%25")) == []
    assert _listed(analyst.get(URL + "?q=_")) == []


def _results_part(reply) -> str:  # type: ignore[no-untyped-def]
    """The results and downloads of a page, without the form (which echoes the search)."""
    html = reply.get_data(as_text=True)
    return html.split('id="results-heading"', 1)[1]


def test_withheld_texts_never_appear_nor_match(library_loaded, known):
    admin = signed_in(library_loaded, "admin")  # admins see alerts, and still not here
    for client in (signed_in(library_loaded, "analyst"), admin):
        for words in ("pineapple", "trampoline", "painting"):
            reply = client.get(URL + f"?q={words}")
            assert _listed(reply) == [], words
            assert "pineapple" not in _results_part(reply)
        listing = client.get(URL).get_data(as_text=True)
        assert "pineapple" not in listing
        # Both responses are listed (their closed answers are ordinary data), text withheld.
        assert {known["flagged"], known["alerted"]} <= set(_listed(client.get(URL)))
        assert listing.count("Its free text is withheld for safeguarding.") == 2
        for name in ("flagged", "alerted"):
            page = client.get(f"{URL}/{known[name]}").get_data(as_text=True)
            assert "pineapple" not in page
            assert "Withheld for safeguarding" in page
    # A role that may open alerts is pointed to the alert page instead.
    page = admin.get(f"{URL}/{known['alerted']}").get_data(as_text=True)
    assert "/safeguarding/alerts/" in page
    analyst_page = signed_in(library_loaded, "analyst").get(f"{URL}/{known['alerted']}")
    assert "/safeguarding/alerts/" not in analyst_page.get_data(as_text=True)


def test_the_download_of_a_search_is_the_filtered_set_and_holds_no_withheld_text(
    library_loaded, known
):
    analyst = signed_in(library_loaded, "analyst")
    export = f"/analyse/surveys/{SLUG}/export"
    reply = analyst.get(export + "?format=csv&q=listened&period=2026-H1")
    assert reply.status_code == 200
    assert 'filtered.csv"' in reply.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(reply.get_data(as_text=True).lstrip("\ufeff"))))
    assert sorted(int(r["response_id"]) for r in rows) == sorted([known["kind"], known["redacted"]])
    assert {r["anything_else"] for r in rows} == {
        "My worker was kind and listened",
        "[name] at [place] listened to me",
    }
    # A search for a withheld text's words exports nothing, in any format.
    for fmt in ("csv", "json", "xlsx"):
        reply = analyst.get(export + f"?format={fmt}&q=pineapple")
        assert reply.status_code == 200
        body = reply.get_data()
        assert b"pineapple" not in body
    records = json.loads(analyst.get(export + "?format=json&q=pineapple").get_data(as_text=True))
    assert records == []
    # Unfiltered, the withheld responses are there with their text withheld.
    everything = analyst.get(export + "?format=json").get_data(as_text=True)
    assert "pineapple" not in everything
    assert "[withheld: safeguarding]" in everything


def test_the_filtered_download_is_audited_with_its_filters(library_loaded, known):
    analyst = signed_in(library_loaded, "analyst")
    reply = analyst.get(f"/analyse/surveys/{SLUG}/export?format=json&mode=paper&q=easy")
    assert reply.status_code == 200
    assert len(json.loads(reply.get_data(as_text=True))) == 1
    with library_loaded.app_context():
        event = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "export.json")
        ).one()
    assert event.target_id == str(survey_id(library_loaded))
    assert event.detail["filters"] == {"mode": "paper", "q": "easy"}
    assert event.detail["period"] == "all"


def survey_id(app) -> int:  # type: ignore[no-untyped-def]
    with app.app_context():
        return survey(SLUG).id


def test_the_explorer_links_its_downloads_with_the_same_filters(library_loaded, known):
    analyst = signed_in(library_loaded, "analyst")
    page = analyst.get(URL + "?language=pl&q=mi").get_data(as_text=True)
    links = re.findall(r'href="(/analyse/surveys/[^"]+/export\?[^"]+)"', page)
    assert len(links) == 4
    for link in links:
        link = link.replace("&amp;", "&")
        assert "language=pl" in link and "q=mi" in link
    reply = analyst.get(links[0].replace("&amp;", "&"))
    rows = list(csv.DictReader(io.StringIO(reply.get_data(as_text=True).lstrip("\ufeff"))))
    assert [int(r["response_id"]) for r in rows] == [known["polish"]]


def test_pages_of_results_keep_their_filters(library_loaded):
    with library_loaded.app_context():
        made = [add_text(SLUG, f"Text number {i}", mode="paper").id for i in range(45)]
        add_text(SLUG, "An online one")
    analyst = signed_in(library_loaded, "analyst")
    first = analyst.get(URL + "?mode=paper")
    html = first.get_data(as_text=True)
    assert "45 responses" in html and "Page 1 of 3" in html
    assert _listed(first) == sorted(made, reverse=True)[:20]
    link = re.search(r'href="([^"]+)" rel="next"', html).group(1).replace("&amp;", "&")
    assert "mode=paper" in link and "page=2" in link
    assert _listed(analyst.get(link)) == sorted(made, reverse=True)[20:40]
    last = analyst.get(URL + "?mode=paper&page=3")
    assert _listed(last) == sorted(made, reverse=True)[40:]
    assert 'rel="next"' not in last.get_data(as_text=True)
    # A page past the end shows the last one rather than nothing.
    assert _listed(analyst.get(URL + "?mode=paper&page=99")) == sorted(made, reverse=True)[40:]


def test_one_response_shows_every_answer_with_its_question_and_label(library_loaded, known):
    analyst = signed_in(library_loaded, "analyst")
    with library_loaded.app_context():
        response = db.session.get(Response, known["kind"])
        response.answers.append(Answer(question_id="had_worker", value="unsure"))
        response.answers.append(Answer(question_id="completed_with_help", value="worker"))
        db.session.commit()
    reply = analyst.get(f"{URL}/{known['kind']}?q=kind&mode=online")
    assert reply.status_code == 200
    page = reply.get_data(as_text=True)
    # Question wording and the choice's words, not ids.
    answers = page.split("<h2>Answers</h2>", 1)[1]
    assert re.search(
        r"<dt>How do you feel about how well adults listened to you\?</dt>\s*<dd>Very happy</dd>",
        answers,
    )
    assert re.search(
        r"<dt>Do you have a worker, like a social worker or a family support worker\?</dt>"
        r"\s*<dd>Not sure</dd>",
        answers,
    )
    assert "<dd>With a worker</dd>" in answers
    assert "very_happy" not in page and "unsure" not in answers
    assert "My worker was <mark>kind</mark> and listened" in page
    assert "Hub poster" in page and "Family hub" in page
    # "Back" returns to the same filtered list.
    assert re.search(r'href="[^"]*/responses\?[^"]*q=kind', page)
    # The redacted copy only.
    redacted = analyst.get(f"{URL}/{known['redacted']}").get_data(as_text=True)
    assert "[name] at [place] listened to me" in redacted
    assert "Jones" not in redacted and "Oak School" not in redacted


def test_one_response_of_another_survey_or_none_is_not_found(library_loaded, known):
    analyst = signed_in(library_loaded, "analyst")
    assert (
        analyst.get(f"/analyse/surveys/children-12-17/responses/{known['kind']}").status_code == 404
    )
    assert analyst.get(f"{URL}/999999").status_code == 404
    assert analyst.get("/analyse/surveys/no-such-survey/responses").status_code == 404


def test_an_empty_survey_and_an_empty_search_say_what_to_do(library_loaded):
    analyst = signed_in(library_loaded, "analyst")
    empty = analyst.get(URL).get_data(as_text=True)
    assert "Nobody has answered this survey yet" in empty
    with library_loaded.app_context():
        add_text(SLUG, "Something ordinary")
    none = analyst.get(URL + "?q=zebra").get_data(as_text=True)
    assert "No responses match these filters." in none
    assert "Clear filters" in none


def test_only_analysts_and_admins_open_the_explorer(library_loaded, known):
    from tests.feedback.staff_helpers import assert_locked, every_role

    clients = every_role(library_loaded)
    assert_locked(clients, URL, ("analyst", "admin"))
    assert_locked(clients, f"{URL}/{known['kind']}", ("analyst", "admin"))


def test_the_unredacted_download_of_a_filtered_set_is_confirmed_and_audited(library_loaded, known):
    analyst = signed_in(library_loaded, "analyst")
    page = analyst.get(URL + "?q=listened&period=2026-H1").get_data(as_text=True)
    form = page.split('action="/analyse/surveys/children-8-11/export"', 1)[1].split("</form>")[0]
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    assert fields["q"] == "listened" and fields["period"] == "2026-H1"
    reply = analyst.post(
        f"/analyse/surveys/{SLUG}/export", data=fields | {"format": "json", "confirm": "1"}
    )
    records = json.loads(reply.get_data(as_text=True))
    # The filtered set, with the words as written (the name and the school included).
    assert sorted(r["response_id"] for r in records) == sorted([known["kind"], known["redacted"]])
    texts = {r["answers"]["anything_else"] for r in records}
    assert texts == {"My worker was kind and listened", "Sam Jones at Oak School listened to me"}
    with library_loaded.app_context():
        event = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "export.json")
        ).one()
    assert event.detail["raw_text"] is True
    assert event.detail["filters"] == {"q": "listened"}
