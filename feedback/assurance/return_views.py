"""One agency's return: its lead edits and submits it; moderators challenge and agree
ratings; both sides write in each statement's thread. Every view finds the return
through services.assurance.scope, so another agency's return is a 404, never a page."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from feedback.admin.forms import PlainForm
from feedback.assurance import bp
from feedback.assurance.forms import AgreeForm, CommentForm
from feedback.auth import role_required
from feedback.i18n import survey_text
from feedback.models import AuditReturn
from feedback.services.assurance.returns import (
    ReturnError,
    add_comment,
    agree_rating,
    agree_unchallenged,
    already_submitted,
    answered_questions,
    save_return,
    submit_return,
)
from feedback.services.assurance.rounds import return_state
from feedback.services.assurance.scope import AUDIT_ROLES, MODERATORS, visible_return
from forms.builder import SurveyPageForm, build_page_form

#: The most text kept from one part of an answer (the service refuses longer).
MAX_TEXT = 5000


def _found(return_id: int) -> AuditReturn:
    return visible_return(current_user, return_id) or abort(404)


def _form_class(ret: AuditReturn) -> type[SurveyPageForm]:
    return build_page_form(answered_questions(ret), translate=survey_text, max_text=MAX_TEXT)


def _saved(ret: AuditReturn) -> dict[str, Any]:
    rows = {r.question_id: r for r in ret.ratings}
    saved: dict[str, Any] = {}
    for q in answered_questions(ret):
        r = rows.get(q.id)
        if r is not None:
            parts = {"rating": r.rating, "evidence": r.evidence, "actions": r.actions}
            saved[q.id] = parts if q.qtype.closed else r.evidence
    return saved


def _page(ret: AuditReturn, form: SurveyPageForm | None = None, code: int = 200) -> Any:
    editable = (
        ret.state == "draft"
        and current_user.role == "agency_lead"
        and current_user.agency_id == ret.agency_id
    )
    if editable and form is None:
        form = _form_class(ret)(data=_saved(ret))
    definition = ret.round.definition
    return (
        render_template(
            "assurance/return.html",
            ret=ret,
            definition=definition,
            form=form if editable else None,
            state=return_state(ret),
            ratings={r.question_id: r for r in ret.ratings},
            threads=_threads(ret),
            moderator=current_user.role in MODERATORS,
            comment_form=CommentForm(),
            agree_form=AgreeForm(),
            survey_text=survey_text,
        ),
        code,
    )


def _threads(ret: AuditReturn) -> dict[str, list[Any]]:
    threads: dict[str, list[Any]] = {}
    for comment in ret.comments:
        threads.setdefault(comment.question_id, []).append(comment)
    return threads


@bp.get("/returns/<int:return_id>")
@role_required(*AUDIT_ROLES)
def audit_return(return_id: int) -> ResponseReturnValue:
    return _page(_found(return_id))


@bp.post("/returns/<int:return_id>")
@role_required("agency_lead")
def save(return_id: int) -> ResponseReturnValue:
    """Save the draft ("save"), or save and submit it ("submit")."""
    ret = _found(return_id)
    action = request.form.get("action", "save")
    try:
        version = int(request.form.get("version", ""))
    except ValueError:
        version = -1  # a form without its version is treated as stale: nothing is lost
    if action == "submit" and ret.state != "draft":
        return _refused(ret, already_submitted(ret))
    form = _form_class(ret)()
    if ret.state == "draft" and not form.validate():
        return _page(ret, form, code=400)
    answers = {q.id: q.qtype.answer(form[q.id].data) for q in answered_questions(ret)}
    try:
        save_return(ret, answers, version, current_user)
        if action == "submit":
            submit_return(ret, ret.version, current_user)
    except ReturnError as exc:
        return _refused(ret, str(exc))
    flash(_("Your return is submitted.") if action == "submit" else _("Your draft is saved."))
    return redirect(url_for("assurance.audit_return", return_id=ret.id))


def _refused(ret: AuditReturn, message: str) -> Any:
    flash(message, "error")
    return redirect(url_for("assurance.audit_return", return_id=ret.id))


@bp.post("/returns/<int:return_id>/comments")
@role_required(*AUDIT_ROLES)
def comment(return_id: int) -> ResponseReturnValue:
    ret = _found(return_id)
    form = CommentForm()
    if not form.validate():
        return _refused(ret, _("Write the comment (up to 5,000 characters) and send it again."))
    try:
        add_comment(
            ret, form.question.data or "", form.body.data or "", current_user, form.kind.data or ""
        )
    except ReturnError as exc:
        return _refused(ret, str(exc))
    flash(
        _("Your challenge is sent.") if form.kind.data == "challenge" else _("Your reply is sent.")
    )
    return redirect(
        url_for("assurance.audit_return", return_id=ret.id) + f"#q-{form.question.data}"
    )


@bp.post("/returns/<int:return_id>/agree")
@role_required(*MODERATORS)
def agree(return_id: int) -> ResponseReturnValue:
    ret = _found(return_id)
    form = AgreeForm()
    if not form.validate():
        return _refused(ret, _("Choose the agreed rating."))
    try:
        agree_rating(ret, form.question.data or "", form.rating.data or "", current_user)
    except ReturnError as exc:
        return _refused(ret, str(exc))
    flash(_("The agreed rating is recorded."))
    return redirect(
        url_for("assurance.audit_return", return_id=ret.id) + f"#q-{form.question.data}"
    )


@bp.post("/returns/<int:return_id>/agree-unchallenged")
@role_required(*MODERATORS)
def agree_rest(return_id: int) -> ResponseReturnValue:
    """Agree the agency's own rating wherever nobody challenged it."""
    ret = _found(return_id)
    if not PlainForm().validate():
        abort(400)
    try:
        count = agree_unchallenged(ret, current_user)
    except ReturnError as exc:
        return _refused(ret, str(exc))
    flash(_("%(count)d self-ratings are agreed as they stand.", count=count))
    return redirect(url_for("assurance.audit_return", return_id=ret.id))
