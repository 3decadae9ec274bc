"""Trainers' screens: course runs, their links and the before-and-after picture."""

from __future__ import annotations

from datetime import date

from flask import abort, current_app, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, StringField
from wtforms.validators import InputRequired, Length, NumberRange

from feedback.auth import role_required
from feedback.banners import success
from feedback.models import CourseRun
from feedback.models._time import utcnow
from feedback.navigation import add_home_panel, add_staff_link
from feedback.services.surveys.campaigns import response_counts
from feedback.services.surveys.courses import (
    STAGES,
    CourseError,
    access_code_matches,
    course_access_code,
    course_by_id,
    course_campaigns,
    create_course_run,
    list_course_runs,
    renew_access_code,
)
from feedback.services.surveys.upcoming import next_courses
from feedback.staff import bp
from feedback.staff.course_report import course_report
from feedback.times import to_london

ROLES = ("trainer", "admin")
add_staff_link("staff.courses", lambda: _("Training courses"), ROLES)
add_home_panel(
    "staff/_home_panel.html",
    lambda: {"courses": next_courses(to_london(utcnow()).date())},
    ("trainer",),
)


class CourseForm(FlaskForm):
    title = StringField(_l("Course title"), validators=[InputRequired(), Length(max=300)])
    run_date = DateField(_l("Date of the course"), validators=[InputRequired()])
    trainer = StringField(_l("Trainer"), validators=[InputRequired(), Length(max=200)])
    cohort_size = IntegerField(
        _l("Number of people booked"),
        validators=[InputRequired(), NumberRange(min=1, max=1000)],
    )


def _course(course_id: int) -> CourseRun:
    course = course_by_id(course_id)
    if course is None:
        abort(404)
    return course


@bp.get("/courses")
@role_required(*ROLES)
def courses() -> ResponseReturnValue:
    runs = list_course_runs()
    stages = {run.id: course_campaigns(run).by_stage() for run in runs}
    ids = [c.id for pairs in stages.values() for _s, c in pairs if c is not None]
    return render_template(
        "staff/courses.html", runs=runs, stages=stages, counts=response_counts(ids)
    )


@bp.route("/courses/new", methods=["GET", "POST"])
@role_required(*ROLES)
def new_course() -> ResponseReturnValue:
    form = CourseForm()
    if not form.is_submitted():
        form.run_date.data = date.today()
        form.trainer.data = current_user.email
    if form.validate_on_submit():
        # InputRequired on each field: once validated, every one holds a value.
        assert form.run_date.data is not None and form.cohort_size.data is not None
        try:
            course = create_course_run(
                title=form.title.data or "",
                run_date=form.run_date.data,
                trainer=form.trainer.data or "",
                cohort_size=form.cohort_size.data,
                secret=current_app.config["SECRET_KEY"],
                created_by_id=current_user.id,
            )
        except CourseError as exc:
            form.title.errors = [str(exc)]
        else:
            success(_("Course created, with links for before, after and a few months on."))
            return redirect(url_for("staff.course", course_id=course.id), code=303)
    return render_template("staff/course_new.html", form=form)


@bp.get("/courses/<int:course_id>")
@role_required(*ROLES)
def course(course_id: int) -> ResponseReturnValue:
    run = _course(course_id)
    secret = current_app.config["SECRET_KEY"]
    report = course_report(run)
    return render_template(
        "staff/course.html",
        report=report,
        course=run,
        stage_labels={key: label for key, _slug, label in STAGES},
        access_code=course_access_code(run.id, secret),
        code_ok=access_code_matches(run, secret),
        renew_form=FlaskForm(),
    )


@bp.post("/courses/<int:course_id>/access-code")
@role_required(*ROLES)
def renew_code(course_id: int) -> ResponseReturnValue:
    run = _course(course_id)
    if not FlaskForm().validate():
        abort(400)
    renew_access_code(run, current_app.config["SECRET_KEY"], by_id=current_user.id)
    success(_("The access code works again for all three links."))
    return redirect(url_for("staff.course", course_id=run.id), code=303)
