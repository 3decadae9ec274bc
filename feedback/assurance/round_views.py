"""Audit rounds: the list (by role), opening a round, and a round's overview."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, make_response, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from feedback.admin.forms import PlainForm
from feedback.assurance import bp
from feedback.assurance.forms import NewRoundForm
from feedback.auth import role_required
from feedback.i18n import survey_text
from feedback.models import AuditRound
from feedback.navigation import add_staff_link
from feedback.services.assurance.agencies import all_agencies
from feedback.services.assurance.definitions import audit_choices
from feedback.services.assurance.results import results
from feedback.services.assurance.rounds import (
    RoundError,
    london_today,
    open_round,
    publish_results,
    return_state,
    round_by_id,
    rounds,
)
from feedback.services.assurance.scope import (
    AUDIT_ROLES,
    MODERATORS,
    returns_seen_by,
    sees_round,
)
from feedback.services.audit import audit

add_staff_link("assurance.index", lambda: str(_l("Audits")), AUDIT_ROLES)


@bp.get("/")
@role_required(*AUDIT_ROLES)
def index() -> ResponseReturnValue:
    """Moderators: every round. Agency leads: their own agency's returns, and only those."""
    mine = returns_seen_by(current_user, newest_first=True)
    asked = {ret.round_id for ret in mine}
    return render_template(
        "assurance/index.html",
        published=[r for r in rounds("section11") if r.published_at and r.id in asked],
        rounds=rounds() if current_user.role in MODERATORS else [],
        returns=mine if current_user.role not in MODERATORS else [],
        return_state=return_state,
        today=london_today(),
    )


@bp.route("/rounds/new", methods=["GET", "POST"])
@role_required("admin")
def new_round() -> ResponseReturnValue:
    audits = audit_choices("section11")
    form = NewRoundForm()
    form.set_choices(audits, all_agencies(active_only=True))
    if form.validate_on_submit():
        assert form.deadline.data is not None  # InputRequired: validated, it holds a date
        try:
            found = open_round(
                form.title.data or "",
                form.deadline.data,
                form.agencies.data or [],
                audits[form.definition.data],
                by=current_user,
            )
        except RoundError as exc:
            form.agencies.errors = [str(exc)]
        else:
            flash(_("The round is open: each agency asked has a draft return."))
            return redirect(url_for("assurance.round", round_id=found.id))
    code = 400 if form.is_submitted() else 200
    return render_template("assurance/round_new.html", form=form), code


def round_context(found: AuditRound) -> dict[str, Any]:
    returns = returns_seen_by(current_user, found.id)
    return {
        "round": found,
        "returns": returns,
        "return_state": return_state,
        "results": results(found),
        "survey_text": survey_text,
    }


@bp.get("/rounds/<int:round_id>")
@role_required(*MODERATORS)
def round(round_id: int) -> ResponseReturnValue:
    found = round_by_id(round_id) or abort(404)
    if found.kind == "case_audit":
        from feedback.assurance.case_views import case_round_page

        return case_round_page(found)
    return render_template("assurance/round.html", **round_context(found))


@bp.get("/rounds/<int:round_id>/results.xlsx")
@role_required(*MODERATORS)
def round_xlsx(round_id: int) -> ResponseReturnValue:
    """The round's results as a workbook; the download is audited."""
    found = round_by_id(round_id)
    if found is None or found.kind != "section11":
        abort(404)
    # openpyxl is imported only when a workbook is asked for (start-up of every worker)
    from feedback.services.assurance.export import XLSX, results_workbook

    body = results_workbook(results(found))
    audit("audit_round.export", "audit_round", found.id, format="xlsx")
    reply = make_response(body)
    reply.headers["Content-Type"] = XLSX
    reply.headers["Content-Disposition"] = f'attachment; filename="section11-{found.id}.xlsx"'
    reply.headers["Cache-Control"] = "no-store"
    return reply


@bp.post("/rounds/<int:round_id>/publish")
@role_required(*MODERATORS)
def publish(round_id: int) -> ResponseReturnValue:
    found = round_by_id(round_id) or abort(404)
    if not PlainForm().validate():
        abort(400)
    if publish_results(found, current_user):
        flash(_("The results are published to the agencies asked."))
    return redirect(url_for("assurance.round", round_id=found.id))


@bp.get("/rounds/<int:round_id>/results")
@role_required(*AUDIT_ROLES)
def published(round_id: int) -> ResponseReturnValue:
    """The partnership-wide heat map, for moderators and, once published, for the leads
    of the agencies the round asked (another round is not found)."""
    found = round_by_id(round_id)
    if found is None or found.kind != "section11":
        abort(404)
    if current_user.role not in MODERATORS:
        if found.published_at is None or not sees_round(current_user, found.id):
            abort(404)
    return render_template(
        "assurance/published.html",
        round=found,
        results=results(found),
        survey_text=survey_text,
    )
