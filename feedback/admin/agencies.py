"""Partner agencies in the browser: list, add, rename or re-sector, deactivate."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from feedback.admin import bp
from feedback.admin.forms import ActiveForm, AgencyForm
from feedback.auth import role_required
from feedback.models import Agency
from feedback.navigation import add_staff_link
from feedback.services.assurance.agencies import (
    AgencyError,
    add_agency,
    agency_by_id,
    all_agencies,
    edit_agency,
    set_agency_active,
)

add_staff_link("admin.agencies", lambda: str(_l("Partner agencies")), ("admin",))


def _page(form: AgencyForm, agency: Agency | None = None, code: int = 200) -> Any:
    return (
        render_template(
            "admin/agencies.html",
            agencies=all_agencies(),
            form=form,
            editing=agency,
            active_form=ActiveForm(),
        ),
        code,
    )


@bp.route("/agencies", methods=["GET", "POST"])
@role_required("admin")
def agencies() -> ResponseReturnValue:
    """The list of agencies, with the form that adds one."""
    form = AgencyForm()
    if form.is_submitted():
        if not form.validate():
            return _page(form, code=400)
        try:
            agency = add_agency(form.name.data or "", form.sector.data, by=current_user)
        except AgencyError as exc:
            form.name.errors = [*form.name.errors, str(exc)]
            return _page(form, code=400)
        flash(_("%(name)s is added.", name=agency.name))
        return redirect(url_for("admin.agencies"))
    return _page(form)


@bp.route("/agencies/<int:agency_id>", methods=["GET", "POST"])
@role_required("admin")
def agency(agency_id: int) -> ResponseReturnValue:
    """One agency's name and sector, for correcting."""
    found = agency_by_id(agency_id) or abort(404)
    form = AgencyForm(obj=found)
    if form.is_submitted():
        if not form.validate():
            return _page(form, found, code=400)
        try:
            changed = edit_agency(found, form.name.data or "", form.sector.data, by=current_user)
        except AgencyError as exc:
            form.name.errors = [*form.name.errors, str(exc)]
            return _page(form, found, code=400)
        if changed:
            flash(_("%(name)s is saved.", name=found.name))
        return redirect(url_for("admin.agencies"))
    return _page(form, found)


@bp.post("/agencies/<int:agency_id>/active")
@role_required("admin")
def agency_active(agency_id: int) -> ResponseReturnValue:
    found = agency_by_id(agency_id) or abort(404)
    form = ActiveForm()
    if not form.validate():
        abort(400)
    active = form.active.data == "1"
    if set_agency_active(found, active, by=current_user):
        flash(
            _("%(name)s is active again.", name=found.name)
            if active
            else _("%(name)s is deactivated: it is asked for no new returns.", name=found.name)
        )
    return redirect(url_for("admin.agencies"))
