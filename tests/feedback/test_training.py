"""Training evaluation: a course run, its three links, pairing, and the Kirkpatrick page."""

from __future__ import annotations

import re
import secrets
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import Answer, Campaign, CourseRun, Response, TextAnalysis, TextTheme
from feedback.services.surveys.courses import course_campaigns, create_course_run
from feedback.services.surveys.responses import record_response
from feedback.staff.course_report import course_report
from tests.feedback.helpers import hidden
from tests.feedback.staff_helpers import (
    assert_locked,
    assert_post_locked,
    csrf,
    every_role,
    signed_in,
)

SECRET = "pairing-secret-for-tests"
START = datetime(2026, 3, 2, 9, 0)


def _course(app) -> int:  # type: ignore[no-untyped-def]
    with app.app_context():
        return create_course_run(
            title="Responding to disclosures",
            run_date=date(2026, 3, 2),
            trainer="Priya",
            cohort_size=12,
            secret=app.config["SECRET_KEY"],
        ).id


def _answer(app, campaign: Campaign, code: str | None, answers: dict, minutes: int = 0) -> None:  # type: ignore[no-untyped-def]
    if code is not None:
        answers = {"pairing_code": code} | answers
    record_response(
        version=campaign.survey.current_version,
        campaign=campaign,
        answers=answers,
        token=secrets.token_urlsafe(8),
        secret=SECRET,
        submitted_at=START + timedelta(minutes=minutes),
    )


def _fill(app, course_id: int) -> None:  # type: ignore[no-untyped-def]
    """Six people pair up; one answered the pre-course survey twice; loose ends both sides."""
    with app.app_context():
        stages = course_campaigns(db.session.get(CourseRun, course_id))
        pre = {"P1": 3, "P2": 4, "P3": 5, "P4": 5, "P5": 6, "P6": 2}
        post = {"p1": 6, " P2 ": 7, "P3": 5, "P4": 8, "p 5": 6, "P6": 5}
        _answer(app, stages.pre, "P2", {"conf_respond": "1"}, minutes=-30)  # replaced later
        for code, value in pre.items():
            _answer(app, stages.pre, code, {"conf_respond": str(value), "conf_share": "5"})
        _answer(app, stages.pre, "P7", {"conf_respond": "4"})  # never came back
        _answer(app, stages.pre, None, {"conf_respond": "5"})  # no code on paper
        skills = ["agree", "strongly_agree", "agree", "agree", "disagree", "prefer_not_to_say"]
        for (code, value), rating in zip(post.items(), skills, strict=True):
            _answer(
                app,
                stages.post,
                code,
                {"conf_respond": str(value), "conf_share": "6", "skills_improved": rating},
                minutes=400,
            )
        _answer(app, stages.post, "ZZ99", {"conf_respond": "9"}, minutes=400)  # a typo
        for code, used in (("P1", "yes"), ("P2", "yes"), ("P3", "no"), ("P4", "yes")):
            _answer(app, stages.followup, code, {"used_in_practice": used}, minutes=90 * 1440)


def test_course_routes_are_locked_to_trainers_and_admins(library_loaded):
    app = library_loaded
    course_id = _course(app)
    clients = every_role(app)
    for path in ("/staff/courses", "/staff/courses/new", f"/staff/courses/{course_id}"):
        assert_locked(clients, path, ("trainer", "admin"))
    assert clients["trainer"].get("/staff/courses/999").status_code == 404
    assert_post_locked(clients, "/staff/courses/new", ("trainer", "admin"))
    assert_post_locked(clients, f"/staff/courses/{course_id}/access-code", ("trainer", "admin"))


def test_creating_a_course_makes_three_linked_campaigns_sharing_one_access_code(
    library_loaded,
):
    app = library_loaded
    trainer = signed_in(app, "trainer")
    reply = trainer.post(
        "/staff/courses/new",
        data={
            "csrf_token": csrf(trainer, "/staff/courses/new"),
            "title": "Neglect: spotting the signs",
            "run_date": "2026-05-14",
            "trainer": "Sam Okafor",
            "cohort_size": "20",
        },
    )
    assert reply.status_code == 303
    page = trainer.get(reply.headers["Location"]).get_data(as_text=True)
    code = re.search(r'class="access-code">([A-Z0-9-]+)<', page).group(1)
    with app.app_context():
        course = db.session.scalar(select(CourseRun))
        assert (course.trainer, course.cohort_size) == ("Sam Okafor", 20)
        campaigns = db.session.scalars(
            select(Campaign).where(Campaign.course_run_id == course.id).order_by(Campaign.id)
        ).all()
        assert [c.survey.slug for c in campaigns] == [
            "training-pre",
            "training-post",
            "training-followup",
        ]
        assert all(c.access_code_hash and code not in c.access_code_hash for c in campaigns)
        slugs = [c.slug for c in campaigns]
    for slug in slugs:
        assert f"/s/{slug}" in page
    # The code shown to the trainer opens each link; the public page asks for it.
    public = app.test_client()
    consent = public.get(f"/s/{slugs[1]}").get_data(as_text=True)
    opened = public.post(
        f"/s/{slugs[1]}",
        data={"csrf_token": hidden(consent, "csrf_token"), "action": "start", "access_code": code},
    )
    assert 'name="state"' in opened.get_data(as_text=True)


def test_pairing_uses_the_latest_answer_and_counts_loose_ends(library_loaded):
    app = library_loaded
    course_id = _course(app)
    _fill(app, course_id)
    with app.app_context():
        report = course_report(db.session.get(CourseRun, course_id))
    pre, post, followup = report.stages
    assert (pre.counts.responses, pre.counts.codes) == (9, 7)
    assert (pre.counts.missing_code, pre.counts.duplicates) == (1, 1)
    assert pre.counts.people == 8 and pre.rate == pytest.approx(66.7)
    assert (post.counts.responses, post.counts.people) == (7, 7)
    assert followup.counts.people == 4
    pairing = report.learning.pairing
    assert (pairing.paired, pairing.only_before, pairing.only_after) == (6, 1, 1)
    items = {item.question_id: item.summary for item in report.learning.items}
    respond = items["conf_respond"]
    # Pre [3,4,5,5,6,2] (P2's earlier 1 replaced by 4), post [6,7,5,8,6,5]: +3 +3 0 +3 0 +3.
    assert respond.n == 6
    assert (respond.mean_before, respond.mean_after) == (4.17, 6.17)
    assert (respond.mean_change, respond.median_change) == (2.0, 3.0)
    assert (respond.improved, respond.same, respond.worse) == (4, 2, 0)
    assert respond.percent_improved == pytest.approx(66.7)
    assert respond.wilcoxon.w_plus == 10 and respond.wilcoxon.p_value < 0.2
    assert items["conf_share"].n == 6 and items["conf_share"].mean_change == 1.0
    assert items["conf_recognise"].n == 0  # nobody answered it: nothing made up
    lasting = report.lasting.pairing
    assert (lasting.paired, lasting.only_before, lasting.only_after) == (4, 3, 0)


def test_reaction_and_behaviour_levels(library_loaded):
    app = library_loaded
    course_id = _course(app)
    _fill(app, course_id)
    with app.app_context():
        report = course_report(db.session.get(CourseRun, course_id))
    reaction = {item.question_id: item for item in report.reaction}
    # 4 agree of 5 who gave a view ("prefer not to say" leaves the denominator).
    assert (reaction["skills_improved"].answered, reaction["skills_improved"].percent) == (5, 80.0)
    behaviour = {item.question_id: item for item in report.behaviour}
    assert behaviour["used_in_practice"].percent == 75.0


def test_course_page_shows_every_level_and_themed_comments(library_loaded):
    app = library_loaded
    course_id = _course(app)
    _fill(app, course_id)
    with app.app_context():
        post = course_campaigns(db.session.get(CourseRun, course_id)).post
        for consent, text in (("yes", "The role play helped me a lot"), ("no", "Too rushed")):
            _answer(app, post, None, {"most_useful": text, "consent_to_quote": consent})
            response = db.session.scalar(select(Response).order_by(Response.id.desc()))
            answer = db.session.scalar(
                select(Answer).where(
                    Answer.response_id == response.id, Answer.question_id == "most_useful"
                )
            )
            if not db.session.scalar(
                select(TextAnalysis).where(TextAnalysis.answer_id == answer.id)
            ):
                analysis = TextAnalysis(
                    answer_id=answer.id,
                    response_id=response.id,
                    language="en",
                    sentiment="positive",
                    polarity=0.5,
                    redacted=text,
                )
                db.session.add(analysis)
                db.session.flush()
            else:
                analysis = db.session.scalar(
                    select(TextAnalysis).where(TextAnalysis.answer_id == answer.id)
                )
                db.session.query(TextTheme).filter_by(analysis_id=analysis.id).delete()
            db.session.add(
                TextTheme(analysis_id=analysis.id, theme="training_learning", sentiment="positive")
            )
        db.session.commit()
    html = signed_in(app, "trainer").get(f"/staff/courses/{course_id}").get_data(as_text=True)
    for heading in ("Level 1: reaction", "Level 2: learning", "Level 3: behaviour"):
        assert heading in html
    assert "6 people could be paired" in html and "66.7%" in html and "80.0%" in html
    assert "Training and learning" in html and "2 responses" in html
    assert "The role play helped me a lot" in html
    assert "Too rushed" not in html  # not agreed to be quoted


def test_an_empty_course_page_says_so(library_loaded):
    app = library_loaded
    course_id = _course(app)
    html = signed_in(app, "admin").get(f"/staff/courses/{course_id}").get_data(as_text=True)
    assert "No answers yet" in html and "No follow-up answers yet" in html
    assert "0 people could be paired" in html


def test_the_demo_course_pairs_up_and_shows_a_rise_in_confidence(library_loaded):
    import random

    from feedback.demo.training import PEOPLE, add_demo_course

    app = library_loaded
    with app.app_context():
        stored = add_demo_course(random.Random(3))
        course = db.session.scalar(select(CourseRun))
        report = course_report(course)
    assert stored == sum(stage.counts.responses for stage in report.stages)
    assert report.learning.pairing.paired == PEOPLE - 2  # one left early, one mistyped
    assert report.learning.pairing.only_before == 2 and report.learning.pairing.only_after == 1
    assert report.stages[1].counts.missing_code == 1
    assert all(item.summary.mean_change > 0 for item in report.learning.items)
    assert report.lasting.pairing.paired > 0
