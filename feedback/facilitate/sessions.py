"""Focus-group sessions: record one, then confirm or change the themes the analyser suggests."""

from __future__ import annotations

import secrets
from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict

from feedback.auth import role_required
from feedback.banners import problem, success
from feedback.facilitate import bp
from feedback.facilitate.forms import (
    MAX_QUOTE_ROWS,
    QUOTE_ROWS,
    definition_answers,
    prompt_choices,
    session_form_class,
)
from feedback.i18n import survey_text
from feedback.labels import theme_choices
from feedback.models import FocusSession, Response
from feedback.navigation import add_home_panel, add_staff_link
from feedback.services.safeguarding.concerns import response_alerted
from feedback.services.surveys.focus import (
    FocusError,
    QuoteInput,
    focus_survey,
    list_sessions,
    review_items,
    save_human_themes,
    session_of_response,
    session_with_response,
)
from feedback.services.surveys.focus_drafts import discard_draft, load_draft, save_draft
from feedback.services.surveys.upcoming import sessions_to_check
from feedback.services.surveys.versions import response_definition
from forms.schema import Definition

ROLES = ("facilitator", "admin")
add_staff_link("facilitate.sessions", lambda: _("Focus groups"), ROLES)
add_home_panel(
    "facilitate/_home_panel.html", lambda: {"to_check": sessions_to_check()}, ("facilitator",)
)


def _rows(fields: Any = None) -> int:
    try:
        wanted = int((fields or request.form).get("quote_rows") or QUOTE_ROWS)
    except ValueError:
        wanted = QUOTE_ROWS
    return max(QUOTE_ROWS, min(MAX_QUOTE_ROWS, wanted))


@bp.get("/sessions")
@role_required(*ROLES)
def sessions() -> ResponseReturnValue:
    return render_template(
        "facilitate/sessions.html", rows=list_sessions(), draft=load_draft(current_user.id)
    )


@bp.route("/sessions/new", methods=["GET", "POST"])
@role_required(*ROLES)
def new_session() -> ResponseReturnValue:
    definition = focus_survey().live_version.definition
    action = request.form.get("action") if request.method == "POST" else None
    if action in ("draft", "discard"):
        return _draft_action(action)
    draft = load_draft(current_user.id) if request.method == "GET" else None
    saved = MultiDict([(k, v) for k, vs in draft.fields.items() for v in vs]) if draft else None
    rows = _rows(saved)
    more = action == "more"
    if more:
        rows = min(MAX_QUOTE_ROWS, rows + 4)
    form_class = session_form_class(definition, rows)
    # A draft is shown again as it was left (its token too, so it is saved only once).
    form = form_class(formdata=saved) if saved else form_class()
    if request.method == "GET" and not saved:
        form.token.data = secrets.token_urlsafe(24)
        form.facilitator.data = current_user.email
    form.quote_rows.data = str(rows)
    if not more and request.method == "POST" and form.validate():
        quotes = [
            QuoteInput(
                text=form[f"quote_{i}_text"].data or "",
                consent=form[f"quote_{i}_consent"].data == "yes",
                prompt_id=form[f"quote_{i}_prompt"].data or None,
            )
            for i in range(rows)
        ]
        try:
            response = _record(form, definition, quotes)
        except FocusError as exc:
            problem(str(exc))
        else:
            if response is None:
                flash(_("That session was already saved."), "info")
                return redirect(url_for("facilitate.sessions"), code=303)
            session = session_of_response(response.id)
            discard_draft(current_user.id)
            success(_("Session saved. Now check the themes suggested for each note and quote."))
            return redirect(url_for("facilitate.session", session_id=session.id), code=303)
    return render_template(
        "facilitate/session_new.html",
        form=form,
        definition=definition,
        rows=rows,
        t=survey_text,
        draft=draft,
    )


def _draft_action(action: str) -> ResponseReturnValue:
    """ "Save and continue later" keeps the form as it is, unchecked; "Start again" drops it."""
    if not FlaskForm().validate():  # the CSRF token only: a draft may be half done
        abort(400)
    if action == "discard":
        discard_draft(current_user.id)
        success(_("The draft was deleted. Here is an empty form."))
        return redirect(url_for("facilitate.new_session"), code=303)
    save_draft(current_user.id, request.form.to_dict(flat=False))
    success(
        _("Draft saved. To carry on, choose “Record a session”: the form opens as you left it.")
    )
    return redirect(url_for("facilitate.sessions"), code=303)


def _record(form: FlaskForm, definition: Definition, quotes: list[QuoteInput]) -> Response | None:
    from feedback.services.surveys.focus import record_session

    return record_session(
        answers=definition_answers(form, definition),
        facilitator=form.facilitator.data,
        quotes=quotes,
        secret=current_app.config["SECRET_KEY"],
        entered_by_id=current_user.id,
        token=form.token.data or None,
    )


def _session(session_id: int) -> tuple[FocusSession, Response]:
    found = session_with_response(session_id)
    if found is None:
        abort(404)
    return found


@bp.get("/sessions/<int:session_id>")
@role_required(*ROLES)
def session(session_id: int) -> ResponseReturnValue:
    focus, response = _session(session_id)
    definition = response_definition(response)
    answers = {a.question_id: a.value for a in response.answers if a.question_id != "quotes"}
    labels = {q.id: survey_text(q.text) for q in definition.questions()}
    choices = {
        q.id: {c.value: survey_text(c.label) for c in q.all_choices()}
        for q in definition.questions()
    }
    return render_template(
        "facilitate/session.html",
        focus=focus,
        response=response,
        answers=answers,
        labels=labels,
        choices=choices,
        items=review_items(response),
        themes=theme_choices(definition),
        prompts={c.value: c.label for c in prompt_choices(definition)},
        form=FlaskForm(),
        alerted=response_alerted(response.id),
    )


@bp.post("/sessions/<int:session_id>/themes")
@role_required(*ROLES)
def review_themes(session_id: int) -> ResponseReturnValue:
    focus, response = _session(session_id)
    if not FlaskForm().validate():
        abort(400)
    definition = response_definition(response)
    allowed = {key for key, _label in theme_choices(definition)}
    mine = {item.answer_id for item in review_items(response) if item.shown}
    chosen: dict[int, list[str]] = {}
    for raw in request.form.getlist("answer"):
        try:
            answer_id = int(raw)
        except ValueError:
            abort(400)
        if answer_id in mine:
            picked = request.form.getlist(f"themes_{answer_id}")
            chosen[answer_id] = [t for t in picked if t in allowed]
    save_human_themes(focus, chosen, current_user.id)
    success(_("Themes saved. Your choices replace the suggestions."))
    return redirect(url_for("facilitate.session", session_id=focus.id), code=303)
