"""/evidence/actions: the action plan, each action's updates, publishing it to the public."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

# SelectChoice is WTForms 3.3's; types-WTForms still describes 3.2, which has none.
from wtforms.fields.choices import SelectChoice  # type: ignore[attr-defined]

from feedback.auth import role_required
from feedback.evidence import bp
from feedback.evidence.access import MANAGERS, VIEWERS, today
from feedback.evidence.forms import ActionForm, PublishForm, UpdateForm
from feedback.models import Action
from feedback.services.assurance.agencies import all_agencies
from feedback.services.evidence.actions import (
    ActionError,
    ActionFields,
    action_by_id,
    add_update,
    all_actions,
    can_update_action,
    create_action,
    set_publication,
)
from feedback.services.evidence.definitions import priorities
from feedback.services.evidence.overview import overdue


def _action_or_404(action_id: int) -> Action:
    action = action_by_id(action_id)
    if action is None:
        abort(404)
    return action


@bp.get("/actions")
@role_required(*VIEWERS)
def actions():  # type: ignore[no-untyped-def]
    found = all_actions()
    return render_template(
        "evidence/actions.html",
        actions=found,
        overdue=overdue(found, today()),
        today=today(),
        can_create=current_user.role in MANAGERS,
    )


@bp.route("/actions/new", methods=["GET", "POST"])
@role_required(*MANAGERS)
def action_new():  # type: ignore[no-untyped-def]
    form = ActionForm()
    agencies = all_agencies(active_only=True)
    form.owner_agency.choices = [SelectChoice(a.id, a.name) for a in agencies]
    form.priority.choices = [SelectChoice("", _("None"))] + [
        SelectChoice(p.id, p.title) for p in priorities()
    ]
    problem = None
    if form.validate_on_submit():
        # InputRequired: each of these holds a value once the form validates.
        fields = ActionFields(
            title=form.title.data or "",
            owner_agency_id=form.owner_agency.data,
            owner_person=form.owner_person.data or "",
            due=form.due.data or today(),
            source_kind=form.source_kind.data,
            source_ref=form.source_ref.data or "",
            priority=form.priority.data or None,
        )
        try:
            action = create_action(fields, current_user)
        except ActionError as exc:
            problem = str(exc)
        else:
            flash(_("Action added."))
            return redirect(url_for("evidence.action", action_id=action.id), code=303)
    code = 400 if (problem or form.errors) else 200
    return render_template("evidence/action_new.html", form=form, problem=problem), code


def _page(action: Action, update: UpdateForm, publish: PublishForm, problem: str | None = None):  # type: ignore[no-untyped-def]
    return render_template(
        "evidence/action.html",
        action=action,
        update_form=update,
        publish_form=publish,
        can_update=can_update_action(current_user, action),
        can_publish=current_user.role in MANAGERS,
        today=today(),
        problem=problem,
    )


def _publish_form(action: Action) -> PublishForm:
    return PublishForm(
        formdata=None,
        published=action.published,
        audience=action.public_audience or "",
        public_text=action.public_text or "",
    )


@bp.get("/actions/<int:action_id>")
@role_required(*VIEWERS)
def action(action_id: int):  # type: ignore[no-untyped-def]
    found = _action_or_404(action_id)
    return _page(found, UpdateForm(formdata=None, status=found.status), _publish_form(found))


@bp.post("/actions/<int:action_id>/updates")
@role_required(*VIEWERS)
def action_update(action_id: int):  # type: ignore[no-untyped-def]
    found = _action_or_404(action_id)
    if not can_update_action(current_user, found):
        abort(403)
    form = UpdateForm()
    if form.validate_on_submit():
        try:
            add_update(
                found,
                current_user,
                form.text.data or "",
                form.status.data,
                form.evidence.data,
                form.reason.data,
            )
        except ActionError as exc:
            return _page(found, form, _publish_form(found), str(exc)), 400
        flash(_("Update added."))
        return redirect(url_for("evidence.action", action_id=found.id), code=303)
    return _page(found, form, _publish_form(found)), 400


@bp.post("/actions/<int:action_id>/publication")
@role_required(*MANAGERS)
def action_publication(action_id: int):  # type: ignore[no-untyped-def]
    found = _action_or_404(action_id)
    form = PublishForm()
    if form.validate_on_submit():
        try:
            set_publication(
                found, current_user, form.published.data, form.public_text.data, form.audience.data
            )
        except ActionError as exc:
            return _page(found, UpdateForm(formdata=None, status=found.status), form, str(exc)), 400
        flash(_("Published.") if found.published else _("Not published."))
        return redirect(url_for("evidence.action", action_id=found.id), code=303)
    return _page(found, UpdateForm(formdata=None, status=found.status), form), 400
