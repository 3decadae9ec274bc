"""Uploading audit definitions (admins): checked like a survey's, every problem listed,
nothing stored unless the file is sound (services.assurance.definitions)."""

from __future__ import annotations

from flask import render_template
from flask.typing import ResponseReturnValue
from flask_login import current_user
from werkzeug.utils import secure_filename

from feedback.assurance import bp
from feedback.assurance.forms import AuditDefinitionForm
from feedback.auth import role_required
from feedback.services.assurance.definitions import Stored, store_upload, uploaded
from forms.loader import DefinitionError


@bp.route("/definitions", methods=["GET", "POST"])
@role_required("admin")
def definitions() -> ResponseReturnValue:
    form = AuditDefinitionForm()
    problems: list[str] = []
    stored: Stored | None = None
    if form.validate_on_submit():
        file = form.definition.data
        name = secure_filename(file.filename or "") or "upload.yaml"
        try:
            stored = store_upload(file.read(), name, form.round_kind.data or "", current_user)
        except DefinitionError as exc:
            problems = exc.problems
    code = 400 if (problems or form.errors) else 200
    return (
        render_template(
            "assurance/definitions.html",
            form=form,
            problems=problems,
            stored=stored,
            uploaded=uploaded(),
        ),
        code,
    )
