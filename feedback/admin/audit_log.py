"""/admin/audit: the audit log, filtered by action, person and dates, a page at a time."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from feedback.admin import bp
from feedback.admin.audit_words import action_label, describe, resolve
from feedback.auth import role_required
from feedback.navigation import add_staff_link
from feedback.services import audit_log

PER_PAGE = 50
#: the "user" filter value for events no signed-in person caused (e.g. notifications)
NOBODY = "none"

add_staff_link("admin.audit", lambda: str(_l("Audit log")), ("admin",))


def _day(name: str, errors: list[str]) -> date | None:
    raw = (request.args.get(name) or "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        errors.append(_("%(value)s is not a date (use the form 2026-03-31).", value=raw[:20]))
        return None


def _filters() -> tuple[dict[str, Any], list[str]]:
    """The filters asked for in the query string, checked, and any problems with them."""
    errors: list[str] = []
    wanted: dict[str, Any] = {
        "action": (request.args.get("action") or "").strip()[:60],
        "user": (request.args.get("user") or "").strip(),
        "start": _day("start", errors),
        "end": _day("end", errors),
    }
    if wanted["user"] not in ("", NOBODY) and not wanted["user"].isdigit():
        errors.append(_("Choose a person from the list."))
        wanted["user"] = ""
    if wanted["start"] and wanted["end"] and wanted["start"] > wanted["end"]:
        errors.append(_("The start date is after the end date."))
    return wanted, errors


@bp.get("/audit")
@role_required("admin")
def audit() -> ResponseReturnValue:
    wanted, errors = _filters()
    user = wanted["user"]
    page = audit_log.events_page(
        request.args.get("page", 1, type=int),
        PER_PAGE,
        action=wanted["action"],
        user_id=int(user) if user.isdigit() else None,
        nobody=user == NOBODY,
        start=wanted["start"],
        end=wanted["end"],
    )
    emails = audit_log.everyone_by_email()
    actions = audit_log.recorded_actions()
    args = {k: v for k, v in request.args.items() if k != "page" and k in wanted and v}
    names = resolve(page.items)  # one query per kind of thing on this page, not per row
    return render_template(
        "admin/audit.html",
        page=page,
        events=[(event, describe(event, names)) for event in page.items],
        actions=[(a, action_label(a)) for a in actions],
        people=sorted(emails.items(), key=lambda item: item[1]),
        wanted=wanted,
        errors=errors,
        args=args,
        nobody=NOBODY,
    )
