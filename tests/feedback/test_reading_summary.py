"""The safeguarding page's monthly summary: texts read, alerts by source, time to first
look, and what people found that the analyser missed."""

from __future__ import annotations

import html as htmllib
import re
from datetime import date

from sqlalchemy import select, update

from feedback.extensions import db
from feedback.labels import category_label
from feedback.models import ConcernAlert, TextAnalysis
from feedback.services.safeguarding.reading_summary import parse_month, previous_month
from tests.feedback.reading_helpers import flashed, post_alert, post_read, reading_page, store_text
from tests.feedback.safeguarding_helpers import DISCLOSURE, lead_client
from tests.feedback.staff_helpers import signed_in
from tests.feedback.test_staff_concerns import _links, _raise


def _facts(page: str) -> dict[str, str]:
    section = page[page.index('id="summary-title"') :]
    rows = re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", section, re.S)
    return {htmllib.unescape(k.strip()): re.sub(r"\s+", " ", v).strip() for k, v in rows}


def _missed(page: str) -> dict[str, list[str]]:
    section = page[page.index("Found by people that the analyser missed") :]
    rows = re.findall(r'<th scope="row">(.*?)</th>(.*?)</tr>', section, re.S)
    return {
        htmllib.unescape(name): re.findall(r'<td class="num">(.*?)</td>', cells)
        for name, cells in rows
    }


def test_the_month_in_figures(library_loaded):
    app = library_loaded
    lead = lead_client(app)
    store_text(app, DISCLOSURE, hours_ago=5)  # the analyser raises this one itself
    quiet = store_text(app, "we move house a lot and i dont know why", hours_ago=30, score=0.2)
    fine = store_text(app, "I liked the trip", hours_ago=20, score=0.1)
    also_fine = store_text(app, "The club is good", hours_ago=10, score=0.05)
    quoted = store_text(app, "My worker listens to me", hours_ago=2, score=0.1, consent="yes")
    with app.app_context():
        # The analyser saw nothing in these two: people found them.
        flagged = db.session.scalars(
            select(TextAnalysis.concern).where(TextAnalysis.answer_id.in_([quiet, quoted]))
        ).all()
        assert flagged == [False, False]
        analyser_alert = db.session.scalar(select(ConcernAlert.id))

    html = reading_page(lead)
    flashed(lead, post_alert(lead, html, quiet, "No food at weekends.", ["neglect"]))
    flashed(lead, post_read(lead, html, [fine, also_fine], bulk=True))
    lead.get(f"/safeguarding/alerts/{analyser_alert}")  # a lead's first look
    analyst = signed_in(app, "analyst")
    link = _links(analyst.get("/analyse/surveys/children-8-11").get_data(as_text=True))[0]
    _raise(analyst, link, "Something felt off.", ["emotional_abuse"])

    page = lead.get("/safeguarding/").get_data(as_text=True)
    facts = _facts(page)
    assert facts["Texts read from the reading list"] == "3"
    assert facts["Alerts raised by: The analyser"] == "1"
    assert facts["Alerts raised by: A lead's reading"] == "1"
    assert facts["Alerts raised by: A colleague"] == "1"
    # Three decisions (20, 10 and 30 hours after sending) and one alert opened at once.
    assert facts["Median time to first look"].startswith("15.0 hours")
    with app.app_context():
        found = db.session.get(ConcernAlert, analyser_alert).categories
    labels = {"neglect": "Neglect", "emotional_abuse": "Emotional abuse"}
    expected = {name: ["0", "1", "0.0%"] for name in labels.values()}
    for category in found:  # whatever the analyser found in the disclosure
        row = expected.setdefault(category_label(category), ["0", "0", ""])
        row[0] = "1"
        row[2] = "50.0%" if row[1] == "1" else "100.0%"
    assert _missed(page) == expected

    # Closing the lead's alert as no further action takes it out of the misses.
    with app.app_context():
        db.session.execute(
            update(ConcernAlert)
            .where(ConcernAlert.source == "reading")
            .values(state="no_further_action")
        )
        db.session.commit()
    again = _missed(lead.get("/safeguarding/").get_data(as_text=True))
    assert again.get("Neglect", ["", "0"])[1] == "0"


def test_an_earlier_month_has_its_own_figures(library_loaded):
    lead = lead_client(library_loaded)
    page = lead.get("/safeguarding/?month=2020-01").get_data(as_text=True)
    assert "Monthly summary: January 2020" in page
    assert "No alerts were raised this month." in page
    assert _facts(page)["Texts read from the reading list"] == "0"
    assert "month=2019-12" in page and "month=2020-02" in page
    # A malformed month is this month, not an error.
    assert lead.get("/safeguarding/?month=banana").status_code == 200


def test_months_parse_and_step_over_the_year():
    assert parse_month("2026-11") == date(2026, 11, 1)
    assert parse_month("nonsense", today=date(2026, 3, 9)) == date(2026, 3, 1)
    assert parse_month("2026-13", today=date(2026, 3, 9)) == date(2026, 3, 1)
    assert previous_month(date(2026, 1, 1)) == date(2025, 12, 1)
