"""The Board report's priority sections show audit results on known data: the latest
Section 11 round's ratings (agreed, else self-rated) and the case audit's panel grades,
in words, for the standards each priority names (issues 16 and 17 joined)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import AuditCase, AuditReturn, AuditRound, User
from feedback.services.assurance.agencies import ensure_agency
from feedback.services.assurance.cases import open_case_audit, record_panel
from feedback.services.assurance.returns import (
    agree_rating,
    rated_questions,
    save_return,
    submit_return,
)
from feedback.services.assurance.rounds import bundled_audits, open_round
from feedback.services.people.users import create_user
from tests.feedback.admin_helpers import make_user, sign_in

PASSWORD = "a long enough passphrase"
FAR = date(2099, 1, 1)


def _fill(ret: AuditReturn, ratings: dict[str, str], submit: bool = True) -> None:
    lead = create_user(f"lead-{ret.id}@example.org", "agency_lead", PASSWORD, ret.agency_id)
    answers = {
        q.id: {"rating": ratings.get(q.id, "green"), "evidence": "Seen", "actions": None}
        for q in rated_questions(ret)
    }
    save_return(ret, answers, ret.version, lead)
    if submit:
        submit_return(ret, ret.version, lead)


def _round(title: str, agencies: list[int], days_ago: int) -> AuditRound:
    found = open_round(title, FAR, agencies, bundled_audits()["section11"])
    found.created_at -= timedelta(days=days_ago)
    db.session.commit()
    return found


def _world(app: Flask) -> None:
    """Last year: Alpha all red on the child's voice. This year: Alpha red then agreed
    amber on childs_voice_1, green on the rest; Beta amber on both; Gamma a draft (red,
    not counted). A case audit of two cases: the child's voice graded good and inadequate."""
    with app.app_context():
        a, b, c = (ensure_agency(n, "health").id for n in ("Alpha", "Beta", "Gamma"))
        voice = {"childs_voice_1": "red", "childs_voice_2": "red"}
        _fill(_round("Section 11 2025", [a], 365).returns[0], voice)
        new = _round("Section 11 2026", [a, b, c], 0)
        ret_a, ret_b, ret_c = sorted(new.returns, key=lambda r: r.agency_id)
        _fill(ret_a, {"childs_voice_1": "red"})
        _fill(ret_b, {"childs_voice_1": "amber", "childs_voice_2": "amber"})
        _fill(ret_c, voice, submit=False)
        moderator = create_user("mod@example.org", "moderator", PASSWORD)
        agree_rating(ret_a, "childs_voice_1", "amber", moderator)
        cases = open_case_audit(
            "Neglect audit", "Neglect", FAR, [a], ["MACA-1", "MACA-2"],
            bundled_audits()["case-audit"],
        )  # fmt: skip
        for case, grade in zip(cases.cases, ("good", "inadequate"), strict=True):
            record_panel(case, {"voice": grade, "planning": "good"}, "Read", "Learnt", moderator)


def _section(html: str, priority: str) -> str:
    start = html.index(f'id="priority-{priority}"')
    return html[start : html.index("</section>", start)]


def _report(app: Flask, client: FlaskClient) -> str:
    make_user(app, "analyst@example.org", "analyst")
    sign_in(client, "analyst@example.org")
    return client.get("/analyse/report/view?period=all").get_data(as_text=True)


def test_a_priority_shows_its_standards_latest_ratings_and_case_grades_in_words(
    library_loaded: Flask, client: FlaskClient
) -> None:
    _world(library_loaded)
    voice = _section(_report(library_loaded, client), "voice_of_the_child")
    assert "Listening to children and acting on their views" in voice
    row = re.search(r"\(s11_voice_of_child\).*?</tr>", voice, re.S).group(0)
    assert "Section 11 2026" in row  # the latest round, not last year's all-red one
    # Alpha: agreed amber + green; Beta: amber + amber; Gamma's draft is not counted.
    assert "Red: 0, Amber: 3, Green: 1" in row
    assert "4 ratings from 2 agencies" in row
    case = re.search(r"\(case_voice\).*?</tr>", voice, re.S).group(0)
    assert "Neglect audit" in case
    assert "Outstanding: 0, Good: 1, Requires improvement: 0, Inadequate: 1" in case
    assert "2 panel grades across 2 cases" in case


def test_a_standard_without_results_says_so_and_others_still_show(
    library_loaded: Flask, client: FlaskClient
) -> None:
    _world(library_loaded)
    html = _report(library_loaded, client)
    partnership = _section(html, "partnership_working")  # s11_information_sharing: all green
    assert "Red: 0, Amber: 0, Green: 6" in partnership  # three statements, two agencies
    assert "6 ratings from 2 agencies" in partnership
    early = _section(html, "early_help")  # case_journey: the panel graded no journey
    assert "No audit results have been recorded yet for the standards this priority names" in (
        early
    )


def test_an_agreed_rating_or_a_panel_regrade_prints_the_pdf_afresh(library_loaded: Flask) -> None:
    from feedback.services.outcomes.report_cache import data_version

    _world(library_loaded)
    with library_loaded.app_context():
        before = data_version()
        found = db.session.scalar(select(AuditRound).where(AuditRound.title == "Section 11 2026"))
        ret_b = sorted(found.returns, key=lambda r: r.agency_id)[1]
        moderator = db.session.scalar(select(User).where(User.role == "moderator"))
        agree_rating(ret_b, "childs_voice_1", "green", moderator)
        after_agree = data_version()
        case = db.session.scalar(select(AuditCase).where(AuditCase.reference == "MACA-1"))
        record_panel(case, {"voice": "outstanding"}, "Read", "Learnt", moderator)  # in place
        after_regrade = data_version()
    assert len({before, after_agree, after_regrade}) == 3
