"""Focus-group sessions: record one, then confirm or change the themes the analyser suggests."""

from __future__ import annotations

import secrets

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from feedback.auth import role_required
from feedback.extensions import db
from feedback.facilitate import bp
from feedback.facilitate.forms import (
    MAX_QUOTE_ROWS,
    QUOTE_ROWS,
    definition_answers,
    prompt_choices,
    session_form_class,
)
from feedback.labels import theme_choices
from feedback.models import FocusSession, Response, SurveyVersion
from feedback.navigation import add_staff_link
from feedback.respond.pages import survey_text
from feedback.services.safeguarding.concerns import response_alerted
from feedback.services.surveys.focus import (
    FocusError,
    QuoteInput,
    focus_survey,
    list_sessions,
    review_items,
    save_human_themes,
)
from forms.schema import Definition

ROLES = ("facilitator", "admin")
add_staff_link("facilitate.sessions", lambda: _("Focus groups"), ROLES)


def _rows() -> int:
    try:
        wanted = int(request.form.get("quote_rows") or QUOTE_ROWS)
    except ValueError:
        wanted = QUOTE_ROWS
    return max(QUOTE_ROWS, min(MAX_QUOTE_ROWS, wanted))


@bp.get("/sessions")
@role_required(*ROLES)
def sessions() -> ResponseReturnValue:
    return render_template("facilitate/sessions.html", rows=list_sessions())


@bp.route("/sessions/new", methods=["GET", "POST"])
@role_required(*ROLES)
def new_session() -> ResponseReturnValue:
    definition = focus_survey().live_version.definition
    rows = _rows()
    more = request.method == "POST" and request.form.get("action") == "more"
    if more:
        rows = min(MAX_QUOTE_ROWS, rows + 4)
    form = session_form_class(definition, rows)()
    if request.method == "GET":
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
            flash(str(exc))
        else:
            if response is None:
                flash(_("That session was already saved."))
                return redirect(url_for("facilitate.sessions"), code=303)
            session = db.session.query(FocusSession).filter_by(response_id=response.id).one()
            flash(_("Session saved. Now check the themes suggested for each note and quote."))
            return redirect(url_for("facilitate.session", session_id=session.id), code=303)
    return render_template(
        "facilitate/session_new.html",
        form=form,
        definition=definition,
        rows=rows,
        t=survey_text,
    )


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
    session = db.session.get(FocusSession, session_id)
    if session is None:
        abort(404)
    return session, db.session.get_one(Response, session.response_id)


@bp.get("/sessions/<int:session_id>")
@role_required(*ROLES)
def session(session_id: int) -> ResponseReturnValue:
    focus, response = _session(session_id)
    definition = db.session.get_one(SurveyVersion, response.version_id).definition
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
    definition = db.session.get_one(SurveyVersion, response.version_id).definition
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
    flash(_("Themes saved. Your choices replace the suggestions."))
    return redirect(url_for("facilitate.session", session_id=focus.id), code=303)
