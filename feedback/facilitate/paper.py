"""Paper and assisted entry: key in a stack of questionnaires, one blank form after another.

The form is the survey's own (forms.builder), every question on one page and none
required (a paper form may have gaps). show_if is applied after saving: answers to
questions the respondent should have skipped are dropped by record_response. The batch
count lives in the signed session cookie, so it survives the redirect after each save.
"""

from __future__ import annotations

import secrets

from flask import abort, current_app, flash, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

# SelectChoice is WTForms 3.3's; types-WTForms still describes 3.2, which has none.
from wtforms.fields.choices import SelectChoice  # type: ignore[attr-defined]

from feedback.auth import role_required
from feedback.banners import success
from feedback.facilitate import bp
from feedback.facilitate.forms import definition_answers, optional_questions, paper_form_class
from feedback.facilitate.paper_batch import BATCH, batch_entries, batch_entry, filled_in, remember
from feedback.i18n import survey_text
from feedback.models import Survey
from feedback.navigation import add_staff_link
from feedback.services.surveys.campaigns import campaign_by_id
from feedback.services.surveys.lifecycle import delete_paper_entry
from feedback.services.surveys.lookup import UnknownSurvey, survey_by_slug
from feedback.services.surveys.paper import paper_surveys, survey_campaigns
from feedback.services.surveys.responses import record_response

ROLES = ("facilitator", "admin")
#: Settings kept from one questionnaire to the next in a batch (all from one stack).
STICKY = ("entry_mode", "entry_helper", "entry_campaign", "entry_language")
add_staff_link("facilitate.paper", lambda: _("Paper entry"), ROLES)


def _batch(slug: str) -> dict:
    """This browser's current batch for survey `slug` (a new survey starts a new batch)."""
    batch = session.get(BATCH) or {}
    if batch.get("slug") != slug:
        batch = {"slug": slug, "count": 0, "sticky": {}, "ids": []}
    return batch


@bp.get("/paper")
@role_required(*ROLES)
def paper() -> ResponseReturnValue:
    surveys = paper_surveys()
    return render_template("facilitate/paper.html", surveys=surveys, batch=session.get(BATCH))


def _survey(slug: str) -> Survey:
    try:
        return survey_by_slug(slug)
    except UnknownSurvey:
        abort(404)


@bp.route("/paper/<slug>", methods=["GET", "POST"])
@role_required(*ROLES)
def paper_entry(slug: str) -> ResponseReturnValue:
    survey = _survey(slug)
    version = survey.live_version
    definition = version.definition
    campaigns = survey_campaigns(survey.id)
    form_class = paper_form_class(definition, [SelectChoice(c.id, c.name) for c in campaigns])
    batch = _batch(slug)
    # ?correct=<id>: an entry of this batch, shown again to be put right (the form's
    # action keeps the query string, so the POST knows which entry it replaces).
    correcting = batch_entry(batch, request.args.get("correct", type=int))
    if correcting is not None and request.method == "GET":
        form = form_class(formdata=filled_in(correcting))
    else:
        form = form_class()
    if form.is_submitted() and form.validate():
        campaign = campaign_by_id(form.entry_campaign.data)
        if campaign is None or campaign.survey_id != survey.id:
            abort(400)
        helped = form.entry_mode.data == "facilitated"
        response = record_response(
            version=version,
            campaign=campaign,
            answers=definition_answers(form, definition),
            token=form.entry_token.data or secrets.token_urlsafe(24),
            secret=current_app.config["SECRET_KEY"],
            language=form.entry_language.data or definition.languages[0],
            mode=form.entry_mode.data,
            completed_on=form.entry_date.data,
            entered_by_id=current_user.id,
            completed_with_help=form.entry_helper.data if helped else None,
        )
        if response is None:
            flash(_("That questionnaire was already saved; it was not saved twice."), "info")
        elif correcting is not None:
            # Stored first, then the old entry deleted: a failure between the two leaves
            # both (to delete one again), never neither.
            number = batch["ids"].index(correcting.id) + 1
            delete_paper_entry(correcting, current_user.id, replaced_by=response.id)
            remember(batch, response.id, replaces=correcting.id)
            session[BATCH] = batch
            success(_("Entry %(number)d of this batch was corrected.", number=number))
        else:
            batch["count"] += 1
            batch["sticky"] = {name: form[name].data for name in STICKY}
            remember(batch, response.id)
            session[BATCH] = batch
            success(_("Saved. Here is a blank form for the next one."))
        return redirect(url_for("facilitate.paper_entry", slug=slug), code=303)
    if not form.is_submitted() and correcting is None:
        form.entry_campaign.data = campaigns[0].id if campaigns else None
        for name, value in batch["sticky"].items():
            if name in form and value not in (None, ""):
                form[name].data = value
    if not form.is_submitted():
        form.entry_token.data = secrets.token_urlsafe(24)
    return render_template(
        "facilitate/paper_entry.html",
        form=form,
        survey=survey,
        definition=definition,
        questions=optional_questions(definition),
        count=batch["count"],
        entries=batch_entries(batch),
        correcting=correcting,
        new_batch=FlaskForm(),
        t=survey_text,
    )


@bp.post("/paper/<slug>/new-batch")
@role_required(*ROLES)
def paper_new_batch(slug: str) -> ResponseReturnValue:
    _survey(slug)
    if not FlaskForm().validate():
        abort(400)
    session.pop(BATCH, None)
    success(_("A new batch has started."))
    return redirect(url_for("facilitate.paper_entry", slug=slug), code=303)
