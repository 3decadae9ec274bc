"""/admin/surveys: the list, uploading a definition, a survey's versions, open and close."""

from __future__ import annotations

from flask import abort, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from feedback.admin import bp
from feedback.admin.forms import OpenForm, UploadForm
from feedback.auth import role_required
from feedback.banners import success
from feedback.models import Survey
from feedback.navigation import add_staff_link
from feedback.services.surveys.admin import (
    UploadError,
    import_upload,
    set_open,
    survey_rows,
    version_rows,
)
from feedback.services.surveys.lookup import UnknownSurvey, survey_by_slug

add_staff_link("admin.surveys", lambda: str(_l("Surveys")), ("admin",))


def survey_or_404(slug: str) -> Survey:
    try:
        return survey_by_slug(slug)
    except UnknownSurvey:
        abort(404)


@bp.get("/surveys")
@role_required("admin")
def surveys() -> ResponseReturnValue:
    return render_template("admin/surveys.html", rows=survey_rows())


# Not under /surveys/: a survey may well have the slug "upload".
@bp.route("/upload", methods=["GET", "POST"])
@role_required("admin")
def upload() -> ResponseReturnValue:
    form = UploadForm()
    problems: list[str] = []
    unsupported: list[str] = []
    if form.validate_on_submit():
        file = form.definition.data
        try:
            imported = import_upload(
                file.filename or "upload",
                file.read(),
                by=current_user,
                skip_unsupported=form.skip_unsupported.data,
            )
        except UploadError as exc:
            problems, unsupported = exc.problems, exc.unsupported
        else:
            return render_template("admin/upload_done.html", imported=imported)
    code = 400 if (problems or form.errors) else 200
    return (
        render_template("admin/upload.html", form=form, problems=problems, unsupported=unsupported),
        code,
    )


@bp.get("/surveys/<slug>")
@role_required("admin")
def survey(slug: str) -> ResponseReturnValue:
    found = survey_or_404(slug)
    return render_template(
        "admin/survey.html", survey=found, versions=version_rows(found), form=OpenForm()
    )


@bp.post("/surveys/<slug>/state")
@role_required("admin")
def survey_state(slug: str) -> ResponseReturnValue:
    found = survey_or_404(slug)
    form = OpenForm()
    if not form.validate():
        abort(400)
    opening = form.state.data == "open"
    if set_open(found, opening, by=current_user):
        success(
            _("%(title)s is open for responses.", title=found.title)
            if opening
            else _(
                "%(title)s is closed: its links now say the survey has closed.", title=found.title
            )
        )
    return redirect(url_for("admin.survey", slug=found.slug))
