"""The list of concern alerts and one alert's page, for safeguarding leads and admins.

The alert page is the one place in Heard where a flagged text is shown as written; every
view of it is audited. Pages are never cached by the browser.
"""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from feedback.auth import role_required
from feedback.labels import alert_state_label, category_label, removed_label
from feedback.models import ConcernAlert
from feedback.navigation import add_home_panel, add_staff_link
from feedback.safeguarding import bp
from feedback.safeguarding.forms import AssignForm, NoteForm, StateForm
from feedback.services.audit import audit
from feedback.services.mail import smtp_configured
from feedback.services.people.users import emails_by_id, user_by_id
from feedback.services.safeguarding.alert_records import alert_record
from feedback.services.safeguarding.alerts import (
    FILTERS,
    TRANSITIONS,
    alert_by_id,
    alerts_page,
    is_overdue,
    leads,
)
from feedback.services.safeguarding.alerts import state_counts as count_states
from feedback.services.safeguarding.contact import contact_available, decrypt_contact
from feedback.services.safeguarding.notify import outbox_path, pending_count
from feedback.services.safeguarding.reading_summary import (
    monthly_summary,
    next_month,
    parse_month,
    previous_month,
)
from feedback.services.safeguarding.workload import alert_work
from feedback.services.surveys.lookup import survey_by_id, titles_by_id

ROLES = ("safeguarding", "admin")
PER_PAGE = 50

add_staff_link("safeguarding.index", lambda: str(_l("Safeguarding alerts")), ROLES)
add_home_panel(
    "safeguarding/_alerts_panel.html",
    lambda: {"work": alert_work(current_user.id, _overdue_hours()), "hours": _overdue_hours()},
    ROLES,
)


def _private(body: str) -> Any:
    response = current_app.make_response(body)
    response.headers["Cache-Control"] = "no-store"
    return response


def _overdue_hours() -> int:
    return int(current_app.config.get("HEARD_ALERT_OVERDUE_HOURS") or 24)


def _setup_notices() -> dict[str, Any]:
    return {
        "outbox": None if smtp_configured() else str(outbox_path()),
        "unsent": pending_count(),
        "contact_off": not contact_available(),
    }


@bp.get("/")
@role_required(*ROLES)
def index() -> ResponseReturnValue:
    """Alerts, open ones first, most severe and newest first; ?state= filters."""
    state = request.args.get("state", "open")
    if state not in FILTERS:
        state = "open"
    page = max(1, request.args.get("page", 1, type=int) or 1)
    found = alerts_page(state, page, PER_PAGE)
    alerts = found[:PER_PAGE]
    surveys = titles_by_id({a.survey_id for a in alerts})
    people = emails_by_id({a.assignee_id for a in alerts if a.assignee_id})
    hours = _overdue_hours()
    rows = [
        {
            "alert": a,
            "survey": surveys.get(a.survey_id, ""),
            "assignee": people.get(a.assignee_id) if a.assignee_id else None,
            "overdue": is_overdue(a, hours),
            "categories": [category_label(c) for c in a.categories],
            "removed": removed_label(a.response_removed_reason),
        }
        for a in alerts
    ]
    return _private(
        render_template(
            "safeguarding/index.html",
            rows=rows,
            state=state,
            counts=count_states(),
            page=page,
            more=len(found) > PER_PAGE,
            hours=hours,
            **_summary(),
            **_setup_notices(),
        )
    )


def _summary() -> dict[str, Any]:
    """The monthly summary under the alerts (?month=2026-11; this month by default)."""
    month = parse_month(request.args.get("month"))
    return {
        "summary": monthly_summary(month),
        "month_label": format_date(month, "MMMM y"),
        "earlier": previous_month(month).strftime("%Y-%m"),
        "later": next_month(month).strftime("%Y-%m"),
    }


def _context(alert: ConcernAlert) -> dict[str, Any]:
    authors = emails_by_id({n.user_id for n in alert.notes if n.user_id})
    return {
        # Read live while the response exists, else as kept when it went.
        "record": alert_record(alert),
        "survey": survey_by_id(alert.survey_id),
        "assignee": user_by_id(alert.assignee_id) if alert.assignee_id else None,
        "raised_by": user_by_id(alert.raised_by_id) if alert.raised_by_id else None,
        "authors": authors,
    }


@bp.get("/alerts/<int:alert_id>")
@role_required(*ROLES)
def alert(alert_id: int) -> ResponseReturnValue:
    """One alert: the text as written, why it was flagged, contact details, the workflow."""
    alert = alert_by_id(alert_id)
    if alert is None:
        abort(404)
    contact = decrypt_contact(alert.contact_encrypted)
    # Written (and committed) before anything is shown: a view that is not logged never happened.
    audit("alert.view", "alert", alert.id, **({"contact": True} if contact is not None else {}))
    state_form = StateForm()
    state_form.state.choices = [(s, alert_state_label(s)) for s in TRANSITIONS[alert.state]]
    assign_form = AssignForm(assignee=str(alert.assignee_id or ""))
    assign_form.assignee.choices = [("", str(_l("Nobody")))] + [
        (str(u.id), u.email) for u in leads()
    ]
    return _private(
        render_template(
            "safeguarding/alert.html",
            alert=alert,
            contact=contact,
            overdue=is_overdue(alert, _overdue_hours()),
            hours=_overdue_hours(),
            categories=[category_label(c) for c in alert.categories],
            state_form=state_form,
            assign_form=assign_form,
            note_form=NoteForm(),
            **_context(alert),
        )
    )
