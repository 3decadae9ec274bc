"""Multi-agency case audits: opening one (admins), a round's cases with each agency's
part, and the panel's agreed grades, findings and learning (moderators)."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from feedback.assurance import bp
from feedback.assurance.forms import NewCaseAuditForm
from feedback.auth import role_required
from feedback.i18n import survey_text
from feedback.models import AuditReturn, AuditRound
from feedback.services.assurance.agencies import all_agencies
from feedback.services.assurance.cases import (
    CaseAuditError,
    case_by_id,
    case_returns,
    grade_distribution,
    graded_questions,
    involvement,
    learning_themes,
    open_case_audit,
    record_panel,
    references,
)
from feedback.services.assurance.definitions import audit_choices
from feedback.services.assurance.rounds import return_state
from feedback.services.assurance.scope import MODERATORS, returns_seen_by


@bp.route("/cases/new", methods=["GET", "POST"])
@role_required("admin")
def new_case_audit() -> ResponseReturnValue:
    audits = audit_choices("case_audit")
    form = NewCaseAuditForm()
    form.set_choices(audits, all_agencies(active_only=True))
    problems: list[str] = []
    if form.validate_on_submit():
        assert form.deadline.data is not None  # InputRequired: validated, it holds a date
        try:
            found = open_case_audit(
                form.title.data or "",
                form.theme.data or "",
                form.deadline.data,
                form.agencies.data or [],
                references(form.references.data or ""),
                audits[form.definition.data],
                by=current_user,
                involved=involvement(form.references.data or ""),
            )
        except CaseAuditError as exc:
            problems = exc.problems
            form.references.errors = [problems[0]]
        else:
            flash(_("The case audit is open: each agency has a return for each case."))
            return redirect(url_for("assurance.round", round_id=found.id))
    code = 400 if form.is_submitted() else 200
    return render_template("assurance/case_new.html", form=form, problems=problems), code


def case_round_page(found: AuditRound) -> Any:
    returns = returns_seen_by(current_user, found.id)
    by_case: dict[int, list[AuditReturn]] = {}
    for ret in returns:
        by_case.setdefault(ret.case_id or 0, []).append(ret)
    return render_template(
        "assurance/case_round.html",
        round=found,
        by_case=by_case,
        questions=graded_questions(found),
        distribution=grade_distribution(found),
        themes=learning_themes(found),
        return_state=return_state,
        survey_text=survey_text,
    )


@bp.route("/cases/<int:case_id>", methods=["GET", "POST"])
@role_required(*MODERATORS)
def case_panel(case_id: int) -> ResponseReturnValue:
    """The panel's record of one case: agreed grades, findings, learning points."""
    case = case_by_id(case_id) or abort(404)
    questions = graded_questions(case.round)
    problems: list[str] = []
    if request.method == "POST":
        from feedback.admin.forms import PlainForm

        if not PlainForm().validate():
            abort(400)
        grades = {q.id: request.form.get(f"grade-{q.id}", "") for q in questions}
        try:
            record_panel(
                case,
                grades,
                request.form.get("findings", ""),
                request.form.get("learning", ""),
                current_user,
            )
        except CaseAuditError as exc:
            problems = exc.problems
        else:
            flash(_("The panel's record of case %(ref)s is saved.", ref=case.reference))
            return redirect(url_for("assurance.round", round_id=case.round_id))
    return (
        render_template(
            "assurance/case_panel.html",
            case=case,
            questions=questions,
            grades={g.question_id: g.grade for g in case.grades},
            # the agencies involved in this case and how far each got with its part
            involved=case_returns(case.id),
            return_state=return_state,
            problems=problems,
            survey_text=survey_text,
        ),
        400 if problems else 200,
    )
