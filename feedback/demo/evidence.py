"""Made-up evidence for `heard demo`: dataset figures, actions in every state.

The figures follow docs/dataset-example.csv (the same series), placed on the four
half-years up to the last complete one, so the Board report's default period has them.
Actions cover planned, in progress, done, dropped and overdue, and three are published:
two to children (every children's survey's "you said, we did" page) and one to parents.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from analysis.periods import previous
from feedback.demo.agencies import demo_agencies
from feedback.extensions import db
from feedback.models import Action, ActionUpdate, Agency, IndicatorValue
from feedback.services.outcomes.periods import default_period

#: made-up figures, oldest first (as in docs/dataset-example.csv)
SERIES = {
    "cp_plans_neglect_rate": (27.1, 25.8, 24.0, 21.6),
    "quality_of_care_assessments": (64, 81, 97, 112),
    "early_help_assessments": (512, 548, 590, 631),
    "early_help_stepped_up": (14.2, 13.1, 12.5, 10.4),
    "cp_conference_child_views": (71.0, 76.5, 82.0, 80.5),
    "police_dv_referrals": (388, 402, 371, 415),
    "strategy_meetings_in_time": (81.0, 86.0, 90.5, 93.0),
    "training_days": (58, 66, 71, 84),
    "staff_skills_improved": (79.0, 83.5, 86.0, 88.0),
}


def _figures() -> None:
    periods = [default_period()]
    while len(periods) < 4:
        periods.insert(0, previous(periods[0]))  # type: ignore[arg-type]
    for indicator, values in SERIES.items():
        for period, value in zip(periods, values, strict=True):
            exists = db.session.scalar(
                select(IndicatorValue.id).where(
                    IndicatorValue.indicator == indicator, IndicatorValue.period == period.label
                )
            )
            if exists is None:
                db.session.add(
                    IndicatorValue(indicator=indicator, period=period.label, value=value)
                )


def _actions(agencies: dict[str, Agency], today: date) -> None:
    social, police, health, early = (
        agencies["childrens_social_care"],
        agencies["police"],
        agencies["health"],
        agencies["voluntary"],
    )
    plans = [
        # title, agency, person, due in days, source, ref, priority, status, public
        ("One worker from referral to plan wherever possible", social,
         "Head of Children's Services", 120, "theme", "relationship_with_worker",
         "voice_of_the_child", "in_progress",
         ("child", "You told us it was hard to keep meeting new workers. We are changing "
                   "how we plan work so that, wherever we can, one worker stays with you.")),
        ("Children's views written into every conference report", social,
         "Conference and Review Manager", -30, "indicator", "cp_conference_child_views",
         "voice_of_the_child", "done",
         ("child", "You told us you did not always feel listened to in meetings about you. "
                   "Now every meeting report has a part written about what you said.")),
        ("Plain-language letters after an early help assessment", early,
         "Early Help Lead", 60, "outcome", "parents_help_about_right", "early_help",
         "planned",
         ("parent_carer", "You told us letters were hard to understand. We are rewriting "
                          "them in plain language, with you.")),
        ("Neglect toolkit used in every CP plan for neglect", social,
         "Principal Social Worker", -45, "indicator", "cp_plans_neglect_rate", "neglect",
         "in_progress", None),
        ("Multi-agency audit of SMART neglect plans", health,
         "Designated Nurse", 90, "audit_standard", "s11_neglect", "neglect", "planned", None),
        ("Police attend strategy meetings within 3 working days", police,
         "Detective Inspector, Public Protection", -10, "indicator",
         "strategy_meetings_in_time", "partnership_working", "in_progress", None),
        ("Learning briefing from the Child T review", social,
         "Partnership Business Manager", -60, "case_review", "Local review: Child T",
         "learning_and_improvement", "done", None),
        ("Weekend duty rota shared with the community forum", police,
         "Community Engagement Officer", 30, "theme", "responsiveness",
         "partnership_working", "dropped", None),
    ]  # fmt: skip
    if db.session.scalar(select(Action.id).where(Action.title == plans[0][0])) is not None:
        return  # the demo's actions are there already
    for title, agency, person, days, kind, ref, priority, status, public in plans:
        action = Action(
            title=title,
            owner_agency=agency,
            owner_person=person,
            due=today + timedelta(days=days),
            source_kind=kind,
            source_ref=ref,
            priority=priority,
            status=status,
            published=public is not None,
            public_audience=public[0] if public else None,
            public_text=public[1] if public else None,
        )
        if status == "dropped":
            action.dropped_reason = "Replaced by the forum's own out-of-hours contact list."
        if status != "planned":
            action.updates.append(
                ActionUpdate(
                    status="in_progress",
                    text="Work has started.",
                    evidence="Minutes of the sub-group",
                )
            )
        if status in ("done", "dropped"):
            action.updates.append(
                ActionUpdate(
                    status=status, text="Closed at the sub-group.", evidence="Sub-group minutes"
                )
            )
        db.session.add(action)


def add_demo_evidence(today: date) -> None:
    """Figures and actions for the demo (each added once), then commit."""
    agencies = demo_agencies()  # the same partnership as the audits demo
    _figures()
    _actions(agencies, today)
    db.session.commit()
