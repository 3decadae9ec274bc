"""Each role's home shows its work: alerts for leads, new responses for analysts, next
courses for trainers, sessions to check for facilitators, open invitations for admins."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sqlalchemy import select, update

from feedback.extensions import db
from feedback.models import ConcernAlert, CourseRun, Response, User
from feedback.models._time import utcnow
from tests.feedback.admin_helpers import csrf
from tests.feedback.safeguarding_helpers import DISCLOSURE, HARMLESS, alerts, lead_client, submit
from tests.feedback.staff_helpers import signed_in

SLUG = "children-12-17"


def _text(html: str) -> str:
    main = html.split('<main id="main"', 1)[1]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def test_a_lead_sees_open_overdue_and_own_alerts(library_loaded):
    app = library_loaded
    for _ in range(3):
        submit(app.test_client(), SLUG, {"anything_else": DISCLOSURE})
    lead = lead_client(app)
    first, second, third = (a.id for a in alerts(app))
    with app.app_context():
        me = db.session.scalar(select(User.id).where(User.email == "lead@example.org"))
        db.session.execute(
            update(ConcernAlert).where(ConcernAlert.id == first).values(assignee_id=me)
        )
        db.session.execute(
            update(ConcernAlert)
            .where(ConcernAlert.id == second)
            .values(created_at=utcnow() - timedelta(hours=30), state="in_review")
        )
        db.session.execute(
            update(ConcernAlert).where(ConcernAlert.id == third).values(state="actioned")
        )
        db.session.commit()
    home = _text(lead.get("/staff").get_data(as_text=True))
    assert "2 open alerts , 1 not looked at yet" in home
    assert "1 overdue" in home and "1 assigned to you" in home
    assert "(Safeguarding lead)" in home  # the role in words, not its code


def test_an_analyst_sees_this_weeks_responses_per_voice(library_loaded):
    app = library_loaded
    for _ in range(3):
        submit(app.test_client(), SLUG, {"anything_else": HARMLESS})
    with app.app_context():
        oldest = db.session.scalar(select(Response.id).order_by(Response.id))
        db.session.execute(
            update(Response)
            .where(Response.id == oldest)
            .values(submitted_at=utcnow() - timedelta(days=8))
        )
        db.session.commit()
    home = _text(signed_in(app, "analyst").get("/staff").get_data(as_text=True))
    assert "New responses in the last 7 days" in home
    assert "Children and young people: 2" in home
    assert "(Analyst)" in home


def test_a_trainer_sees_the_next_courses_soonest_first(app):
    today = date.today()
    with app.app_context():
        for title, days in (("Later", 30), ("Past", -3), ("Soon", 2)):
            db.session.add(
                CourseRun(
                    title=title,
                    run_date=today + timedelta(days=days),
                    trainer="T",
                    cohort_size=10,
                )
            )
        db.session.commit()
    home = _text(signed_in(app, "trainer").get("/staff").get_data(as_text=True))
    assert "Next courses" in home
    assert home.index("Soon") < home.index("Later") and "Past" not in home


def test_a_facilitator_sees_sessions_to_check(app):
    home = _text(signed_in(app, "facilitator").get("/staff").get_data(as_text=True))
    assert "0 sessions whose themes need checking" in home


def test_an_admin_sees_invitations_not_used_yet(app):
    admin = signed_in(app, "admin")
    admin.post(
        "/admin/invitations",
        data={"csrf_token": csrf(admin), "email": "new@example.org", "role": "analyst"},
    )
    home = _text(admin.get("/staff").get_data(as_text=True))
    assert "1 invitation not used yet" in home


def test_other_roles_do_not_see_a_leads_panel(app):
    home = _text(signed_in(app, "analyst").get("/staff").get_data(as_text=True))
    assert "open alerts" not in home and "Next courses" not in home
