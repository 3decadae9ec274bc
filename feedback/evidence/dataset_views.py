"""/evidence: the priorities, the dataset's indicators, importing figures and definitions."""

from __future__ import annotations

from flask import abort, render_template
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from feedback.auth import role_required
from feedback.evidence import bp
from feedback.evidence.access import MANAGERS, VIEWERS, safe_name, today
from feedback.evidence.forms import DatasetUploadForm, DefinitionUploadForm
from feedback.navigation import add_staff_link
from feedback.services.evidence.actions import actions_for
from feedback.services.evidence.dataset import DatasetError, import_dataset
from feedback.services.evidence.definitions import current_source, indicator_map, store
from feedback.services.evidence.overview import indicator_views, priority_views
from forms.loader import DefinitionError

add_staff_link("evidence.index", lambda: str(_l("Priorities and evidence")), VIEWERS)


@bp.get("/")
@role_required(*VIEWERS)
def index():  # type: ignore[no-untyped-def]
    return render_template("evidence/index.html", views=priority_views(), today=today())


@bp.get("/indicators/<indicator_id>")
@role_required(*VIEWERS)
def indicator(indicator_id: str):  # type: ignore[no-untyped-def]
    found = indicator_map().get(indicator_id)
    if found is None:
        abort(404)
    view = indicator_views([found])[0]
    return render_template(
        "evidence/indicator.html",
        view=view,
        actions=actions_for("indicator", [found.id]),
        today=today(),
    )


@bp.route("/dataset", methods=["GET", "POST"])
@role_required(*MANAGERS)
def dataset_upload():  # type: ignore[no-untyped-def]
    form = DatasetUploadForm()
    problems: list[str] = []
    if form.validate_on_submit():
        file = form.dataset.data
        name = safe_name(file.filename or "upload.csv")
        try:
            result = import_dataset(file.read(), name, by=current_user)
        except DatasetError as exc:
            problems = exc.problems
        else:
            return render_template("evidence/dataset_done.html", result=result, name=name)
    code = 400 if (problems or form.errors) else 200
    return render_template("evidence/dataset_upload.html", form=form, problems=problems), code


@bp.route("/definitions", methods=["GET", "POST"])
@role_required("admin")
def definitions():  # type: ignore[no-untyped-def]
    form = DefinitionUploadForm()
    problems: list[str] = []
    stored = None
    done = False
    if form.validate_on_submit():
        file = form.definition.data
        name = safe_name(file.filename or "upload.yaml")
        try:
            stored = store(form.kind.data, file.read(), name, by=current_user)
            done = True
        except DefinitionError as exc:
            problems = exc.problems
    sources = {kind: current_source(kind)[1] for kind in ("priorities", "indicators")}
    code = 400 if (problems or form.errors) else 200
    return (
        render_template(
            "evidence/definitions.html",
            form=form,
            problems=problems,
            stored=stored,
            done=done,
            sources=sources,
        ),
        code,
    )
