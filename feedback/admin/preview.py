"""Previewing a survey exactly as a respondent sees it, without storing anything.

The respondent's own templates (templates/respond/*) are drawn from the definition, and
the pages post back here instead of to /s/<slug>: this view walks the same consent,
pages, branching and check-your-answers as the public flow (the same state machine,
forms.steps.step), and at the end shows the
thank-you page instead of recording a response. Nothing here writes to the database.

The half-finished preview is signed with a key derived from SECRET_KEY for previews
only, so a preview's state cannot be replayed into the public survey to store a
response; and a closed survey can still be previewed.
"""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from flask import abort, current_app, g, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_wtf import FlaskForm

from feedback.admin import bp
from feedback.admin.surveys import survey_or_404
from feedback.auth import role_required
from feedback.errors import render_error
from feedback.i18n import survey_languages, survey_text
from feedback.models import Survey, SurveyVersion
from feedback.respond.contact import respondent_definition
from feedback.respond.draft import Draft, DraftError, dump_draft, load_draft
from feedback.respond.pages import answer_summary, posted_form, screen_body
from feedback.respond.views import StartForm
from forms import steps


def _secret() -> str:
    return current_app.config["SECRET_KEY"] + "/admin-preview"


def _version(survey: Survey, number: int | None) -> SurveyVersion:
    if number is None:
        return survey.current_version or abort(404)
    for version in survey.versions:
        if version.number == number:
            return version
    abort(404)


class _Preview:
    """Renders the respondent's templates for one survey version, posting back here."""

    def __init__(self, survey: Survey, version: SurveyVersion, number: int | None) -> None:
        # What a respondent walks through: the stored definition plus any question the
        # public flow adds (such as "Would you like someone to contact you?").
        self.survey, self.version = survey, version
        self.definition = respondent_definition(version)
        self.action = (
            url_for("admin.preview_version", slug=survey.slug, number=number)
            if number is not None
            else url_for("admin.preview", slug=survey.slug)
        )
        # The templates read a campaign's slug and access code; a preview has neither.
        self.campaign = SimpleNamespace(slug=survey.slug, access_code_hash=None, kiosk=False)

    def _url_for(self) -> Callable[..., str]:
        def preview_url_for(endpoint: str, **values: Any) -> str:
            # The respondent templates post to respond.answer: here that is this preview.
            if endpoint == "respond.answer":
                return self.action
            return url_for(endpoint, **values)

        return preview_url_for

    def render(self, template: str, **context: Any) -> Any:
        body = render_template(
            f"admin/preview/{template}",
            campaign=self.campaign,
            definition=self.definition,
            t=survey_text,
            url_for=self._url_for(),
            preview_version=self.version,
            preview_survey=self.survey,
            **context,
        )
        response = current_app.make_response(body)
        response.headers["Cache-Control"] = "no-store"
        return response

    def consent(self) -> Any:
        return self.render("consent.html", form=StartForm())

    def screen(self, screen: steps.Screen) -> Any:
        form, questions_html, _fresh = screen_body(self.definition, screen)
        return self.render(
            "page.html",
            screen=screen,
            form=form if form is not None else FlaskForm(),
            questions_html=questions_html,
            state=dump_draft(screen.draft, _secret()),
        )

    def show(self, result: steps.Result) -> Any:
        """Draw what the state machine decided; Finish thanks instead of storing."""
        if isinstance(result, steps.Finish):
            return self.finished()
        if isinstance(result, steps.Consent):
            return self.consent()
        if isinstance(result, steps.Check):
            return self.check(result.draft)
        return self.screen(result)

    def check(self, draft: Draft) -> Any:
        return self.render(
            "check.html",
            rows=answer_summary(self.definition, draft.answers),
            form=FlaskForm(),
            state=dump_draft(draft, _secret()),
        )

    def finished(self) -> Any:
        return self.render(
            "thanks.html",
            concern=False,
            receipt=None,
            help_lines=current_app.config["HEARD_HELP_LINES"],
            service_contact=current_app.config["HEARD_SERVICE_CONTACT"],
        )


@bp.route("/surveys/<slug>/preview", methods=["GET", "POST"])
@role_required("admin")
def preview(slug: str) -> ResponseReturnValue:
    return _preview(slug, None)


@bp.route("/surveys/<slug>/versions/<int:number>/preview", methods=["GET", "POST"])
@role_required("admin")
def preview_version(slug: str, number: int) -> ResponseReturnValue:
    return _preview(slug, number)


def _preview(slug: str, number: int | None) -> Any:
    survey = survey_or_404(slug)
    view = _Preview(survey, _version(survey, number), number)
    definition = view.definition
    offered = g.offered_languages = survey_languages(definition)
    if request.method == "GET":
        return view.consent()
    if request.form.get("action") == "start":
        language = request.form.get("lang") or session.get("lang") or offered[0]
        g.forced_locale = language if language in offered else offered[0]
        draft = Draft(version_id=view.version.id, campaign_id=0, language=g.forced_locale)
        return view.show(steps.step(definition, draft, "start", None))
    try:
        draft = load_draft(
            request.form.get("state", ""), _secret(), current_app.config["HEARD_DRAFT_MAX_AGE"]
        )
    except DraftError:
        return render_error(400, _("This preview page had expired. Please start again."))
    if draft.version_id != view.version.id:
        return render_error(400)
    g.forced_locale = request.form.get("lang") or draft.language
    if g.forced_locale not in offered:
        g.forced_locale = offered[0]
    draft.language = g.forced_locale
    action = "lang" if request.form.get("lang") else request.form.get("action", "next")
    return view.show(steps.step(definition, draft, action, posted_form(definition, draft)))
