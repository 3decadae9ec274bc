"""What a lead does with an alert: change its state, assign it, add a note (POST only).

Each handler checks the CSRF token (the forms), calls a service that writes a note and
an audit row, and redirects back to the alert page.
"""

from __future__ import annotations

from flask import abort, redirect, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from feedback.auth import role_required
from feedback.banners import problem, success
from feedback.labels import alert_state_label
from feedback.models import ConcernAlert
from feedback.safeguarding import bp
from feedback.safeguarding.forms import AssignForm, NoteForm, StateForm
from feedback.services.safeguarding import alerts
from feedback.services.safeguarding.alerts import TRANSITIONS, Actor, AlertError

ROLES = ("safeguarding", "admin")


def _alert(alert_id: int) -> ConcernAlert:
    alert = alerts.alert_by_id(alert_id)
    if alert is None:
        abort(404)
    return alert


def _actor() -> Actor:
    return Actor(id=current_user.id, email=current_user.email)


def _back(alert_id: int) -> ResponseReturnValue:
    # The top of the page, not the form's anchor: the banner saying what happened (or the
    # error summary) is there, and a screen reader is taken to it.
    return redirect(url_for("safeguarding.alert", alert_id=alert_id), code=303)


def _refused(error: AlertError, field: str | None = None) -> None:
    messages = {
        "note_required": _("Say what was done before closing the alert."),
        "empty_note": _("Write a note first."),
        "assignee": _("Alerts can only be assigned to an active safeguarding lead."),
    }
    problem(messages.get(error.code, _("That change is not possible.")), field=field)


@bp.post("/alerts/<int:alert_id>/state")
@role_required(*ROLES)
def change_state(alert_id: int) -> ResponseReturnValue:
    alert = _alert(alert_id)
    form = StateForm()
    form.state.choices = [(s, alert_state_label(s)) for s in TRANSITIONS[alert.state]]
    if not form.validate():
        problem(_("Choose what the alert should move to."), field="state-0")
        return _back(alert_id)
    try:
        alerts.change_state(alert, form.state.data, _actor(), form.state_note.data or "")
    except AlertError as error:
        _refused(error, field="state_note")
    else:
        success(_("The alert is now: %(state)s.", state=alert_state_label(alert.state)))
    return _back(alert_id)


@bp.post("/alerts/<int:alert_id>/assign")
@role_required(*ROLES)
def assign(alert_id: int) -> ResponseReturnValue:
    alert = _alert(alert_id)
    form = AssignForm()
    if not form.validate():
        abort(400)
    raw = form.assignee.data or ""
    if raw and not raw.isdigit():
        abort(400)
    try:
        alerts.assign(alert, int(raw) if raw else None, _actor())
    except AlertError as error:
        _refused(error, field="assignee")
    else:
        success(_("Assignment saved."))
    return _back(alert_id)


@bp.post("/alerts/<int:alert_id>/notes")
@role_required(*ROLES)
def add_note(alert_id: int) -> ResponseReturnValue:
    alert = _alert(alert_id)
    form = NoteForm()
    if not form.validate():
        problem(_("Write a note first (up to 5,000 characters)."), field="note_text")
        return _back(alert_id)
    try:
        alerts.add_note(alert, form.note_text.data or "", _actor())
    except AlertError as error:
        _refused(error, field="note_text")
    else:
        success(_("Note added."))
    return _back(alert_id)
