"""Answering a survey: consent, pages, check your answers, thank you.

Every page posts back to /s/<slug> with an `action`: start, next, back, change, submit.
Works with JavaScript off; validation happens here, on the server.
"""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.csrf import generate_csrf
from wtforms import StringField

from feedback.errors import render_error
from feedback.i18n import survey_languages, survey_text
from feedback.models._time import utcnow
from feedback.respond import thanks as thanks_note
from feedback.respond.contact import contact_request, respondent_definition
from feedback.respond.draft import Draft, DraftError, dump_draft, load_draft
from feedback.respond.page_cache import reuse_page
from feedback.respond.pages import answer_summary, posted_form, screen_body
from feedback.respond.throttle import (
    code_guessing_stopped,
    guard_survey_post,
    wrong_code_entered,
)
from feedback.services.surveys.entry import (
    LiveCampaign,
    LiveVersion,
    live_campaign,
    live_version,
)
from feedback.services.surveys.lifecycle import new_receipt, receipt_hash
from feedback.services.surveys.responses import record_response
from forms import steps
from forms.schema import Definition

bp = Blueprint("respond", __name__)


class StartForm(FlaskForm):
    # A label, even one the template never shows: without one WTForms translates the
    # field's name, and Flask-WTF loads the WTForms catalog from disk for that on every
    # request that builds this form (two per survey).
    access_code = StringField(_l("Access code"))


def find_campaign(slug: str) -> LiveCampaign:
    """The campaign, its survey's state and current version (every page needs all three)."""
    campaign = live_campaign(slug)
    if campaign is None:
        abort(404)
    if campaign.survey_audience == "agency":
        # An audit names its agency: it is never a public survey, however it was stored
        # (load_survey refuses audits; this holds for a database from before that).
        abort(404)
    return campaign


def _campaign(slug: str) -> LiveCampaign:
    campaign = find_campaign(slug)
    if not campaign.is_open(utcnow()):
        abort(410)
    return campaign


def _no_store(body: Any, code: int = 200) -> Any:
    # Answers (maybe a disclosure) must not linger in a shared device's cache.
    response = current_app.make_response((body, code))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/s/<slug>")
def start(slug: str) -> ResponseReturnValue:
    campaign = _campaign(slug)
    # Someone starting afresh inherits nothing of a thank-you page that was never shown.
    thanks_note.forget()
    if campaign.kiosk:  # a shared tablet: not even the last person's language
        session.pop("lang", None)
    definition = campaign.version.definition
    g.offered_languages = survey_languages(definition)
    return _no_store(_render_consent(campaign, definition))


def _render_consent(
    campaign: LiveCampaign,
    definition: Any,
    form: FlaskForm | None = None,
    notice: str | None = None,
) -> str:
    """The consent page; `form` when it has errors, else a fresh Start form if it is drawn."""

    def draw() -> str:
        return render_template(
            "respond/consent.html",
            campaign=campaign,
            definition=definition,
            form=form if form is not None else StartForm(),
            notice=notice,
            t=survey_text,
        )

    if notice or (form is not None and form.errors):
        return draw()
    key = ("consent", campaign.slug, campaign.kiosk, bool(campaign.access_code_hash))
    return reuse_page(key, (definition,), draw, {"csrf": generate_csrf()})


@bp.post("/s/<slug>")
@guard_survey_post
def answer(slug: str) -> ResponseReturnValue:
    campaign = _campaign(slug)
    action = request.form.get("action", "next")
    secret = current_app.config["SECRET_KEY"]
    if action == "start":
        return _start(campaign, secret)
    try:
        draft = load_draft(
            request.form.get("state", ""), secret, current_app.config["HEARD_DRAFT_MAX_AGE"]
        )
    except DraftError:
        return render_error(400, _("This survey page had expired. Please start again."))
    version = (
        campaign.version
        if draft.version_id == campaign.version.id
        else live_version(draft.version_id)
    )
    if (
        draft.campaign_id != campaign.id
        or version is None
        or version.survey_id != campaign.survey_id
    ):
        # A draft is the pass a link's start page gave (after its access code, if any):
        # a draft from another link, or another survey, must not open this one.
        return _start_again(campaign)
    definition = respondent_definition(version)
    g.offered_languages = survey_languages(definition)
    g.forced_locale = request.form.get("lang") or draft.language
    if g.forced_locale not in g.offered_languages:
        g.forced_locale = g.offered_languages[0]
    draft.language = g.forced_locale
    if request.form.get("lang"):
        action = "lang"
    result = steps.step(definition, draft, action, posted_form(definition, draft))
    return _show(campaign, version, definition, result, secret)


def _start_again(campaign: LiveCampaign) -> ResponseReturnValue:
    definition = respondent_definition(campaign.version)
    g.offered_languages = survey_languages(definition)
    form = StartForm(formdata=None)
    notice = _(
        "These answers were started on a different link. Please start again here; "
        "nothing has been sent."
    )
    return _no_store(_render_consent(campaign, definition, form, notice=notice))


def _start(campaign: LiveCampaign, secret: str) -> ResponseReturnValue:
    version = campaign.version
    definition = respondent_definition(version)
    g.offered_languages = survey_languages(definition)
    form = StartForm()
    if not form.validate():  # CSRF
        return render_error(400, _("This page had expired. Please reload it and try again."))
    if campaign.access_code_hash:
        from feedback.services.surveys.campaigns import check_access_code

        if code_guessing_stopped(campaign):
            return render_error(429)
        if not check_access_code(campaign, form.access_code.data or ""):
            wrong_code_entered(campaign)
            form.access_code.errors = [_("That access code is not right")]
            return _no_store(_render_consent(campaign, definition, form))
    language = request.form.get("lang") or session.get("lang") or g.offered_languages[0]
    if language not in g.offered_languages:
        language = g.offered_languages[0]
    g.forced_locale = language
    draft = Draft(version_id=version.id, campaign_id=campaign.id, language=language)
    return _show(
        campaign, version, definition, steps.step(definition, draft, "start", None), secret
    )


def _show(
    campaign: LiveCampaign,
    version: LiveVersion,
    definition: Definition,
    result: steps.Result,
    secret: str,
) -> ResponseReturnValue:
    """Draw what the state machine decided (forms.steps); store the answers at Finish."""
    if isinstance(result, steps.Finish):
        return _submit(campaign, version, result.draft, secret)
    if isinstance(result, steps.Consent):
        return _no_store(_render_consent(campaign, definition))
    if isinstance(result, steps.Check):
        return _render_check(campaign, definition, result.draft)
    return _render_screen(campaign, definition, result)


def _submit(
    campaign: LiveCampaign, version: LiveVersion, draft: Draft, secret: str
) -> ResponseReturnValue:
    # Read before storing: the commit expires the campaign, and reading its slug after
    # would cost a query just to write the redirect.
    thanks_url = url_for("respond.thanks", slug=campaign.slug)
    receipt = new_receipt() if version.definition.allow_withdrawal else None
    response = record_response(
        version=version,
        campaign=campaign,
        answers=draft.answers,
        token=draft.token,
        secret=secret,
        language=draft.language,
        contact=contact_request(draft.answers),
        receipt_hash=receipt_hash(receipt) if receipt else None,
    )
    # A retry of a stored submission shows the thanks again, but no receipt: that was
    # made for the first one, which keeps its own.
    thanks_note.hand_over(draft.token, draft.language, receipt if response is not None else None)
    return redirect(thanks_url, code=303)


@bp.get("/s/<slug>/thanks")
def thanks(slug: str) -> ResponseReturnValue:
    campaign = find_campaign(slug)
    definition = campaign.version.definition
    g.offered_languages = survey_languages(definition)
    # Shown once: the sealed note leaves the session cookie as soon as the page is drawn.
    info = thanks_note.take_over()
    g.forced_locale = info.language

    def draw() -> str:
        return render_template(
            "respond/thanks.html",
            campaign=campaign,
            definition=definition,
            concern=info.concern,
            receipt=info.receipt,
            help_lines=current_app.config["HEARD_HELP_LINES"],
            service_contact=current_app.config["HEARD_SERVICE_CONTACT"],
            t=survey_text,
        )

    if info.receipt:  # shown once, to this respondent only
        return _no_store(draw())
    key = ("thanks", campaign.slug, campaign.kiosk, info.concern)
    return _no_store(reuse_page(key, (definition,), draw, {}))


def _render_screen(
    campaign: LiveCampaign, definition: Definition, screen: steps.Screen
) -> ResponseReturnValue:
    form, questions_html, fresh = screen_body(definition, screen)
    state = dump_draft(screen.draft, current_app.config["SECRET_KEY"])

    def draw() -> str:
        return render_template(
            "respond/page.html",
            campaign=campaign,
            definition=definition,
            screen=screen,
            form=form if form is not None else FlaskForm(),
            questions_html=questions_html,
            state=state,
            t=survey_text,
        )

    if not fresh:  # answers or errors on it: this respondent's own page
        return _no_store(draw())
    key = ("page", campaign.slug, campaign.kiosk, screen.number, screen.total)
    same = (definition, screen.page, questions_html)
    return _no_store(reuse_page(key, same, draw, {"csrf": generate_csrf(), "state": state}))


def _render_check(
    campaign: LiveCampaign, definition: Definition, draft: Draft
) -> ResponseReturnValue:
    return _no_store(
        render_template(
            "respond/check.html",
            campaign=campaign,
            definition=definition,
            rows=answer_summary(definition, draft.answers),
            form=FlaskForm(),
            state=dump_draft(draft, current_app.config["SECRET_KEY"]),
            t=survey_text,
        )
    )
