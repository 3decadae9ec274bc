"""Campaigns in the browser: list, create, edit, QR codes and a printable poster.

Admins manage every campaign. Trainers see and edit only the campaigns of training
courses (made for them by a course run), so they can print their own posters.
"""

from __future__ import annotations

import io

import segno
from flask import Response, abort, current_app, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, SelectField, StringField

# SelectChoice is WTForms 3.3's; types-WTForms still describes 3.2, which has none.
from wtforms.fields.choices import SelectChoice  # type: ignore[attr-defined]
from wtforms.validators import InputRequired, Length, Optional

from feedback.admin import bp
from feedback.auth import role_required
from feedback.banners import success
from feedback.labels import survey_age_band, survey_name
from feedback.links import absolute_url
from feedback.models import Campaign
from feedback.navigation import add_staff_link
from feedback.services.surveys.campaigns import (
    CampaignError,
    CampaignFields,
    campaign_by_id,
    create_campaign,
    last_day,
    list_campaigns,
    minutes_to_answer,
    response_counts,
    update_campaign,
)
from feedback.services.surveys.lookup import survey_by_id, surveys_by_title

ROLES = ("admin", "trainer")
add_staff_link("admin.campaigns", lambda: _("Campaigns and posters"), ROLES)


class CampaignForm(FlaskForm):
    survey = SelectField(_l("Survey"), coerce=int, validators=[Optional()])
    name = StringField(_l("Campaign name"), validators=[InputRequired(), Length(max=200)])
    service = StringField(_l("Service or agency"), validators=[Optional(), Length(max=200)])
    slug = StringField(_l("Link name"), validators=[Optional(), Length(max=80)])
    opens_on = DateField(_l("First day open"), validators=[Optional()])
    closes_on = DateField(_l("Last day open"), validators=[Optional()])
    access_code = StringField(_l("Access code"), validators=[Optional(), Length(max=40)])
    remove_access_code = BooleanField(_l("Remove the access code"))
    kiosk = BooleanField(_l("Kiosk mode (a shared tablet at an event)"))

    def fields(self) -> CampaignFields:
        return CampaignFields(
            name=self.name.data or "",
            service=self.service.data,
            slug=self.slug.data,
            opens_on=self.opens_on.data,
            closes_on=self.closes_on.data,
            access_code=self.access_code.data,
            remove_access_code=self.remove_access_code.data,
            kiosk=self.kiosk.data,
        )


def _may_manage(campaign: Campaign) -> bool:
    return current_user.has_role("admin") or campaign.course_run_id is not None


def _campaign(campaign_id: int) -> Campaign:
    campaign = campaign_by_id(campaign_id)
    if campaign is None:
        abort(404)
    if not _may_manage(campaign):
        abort(403)
    return campaign


def public_link(campaign: Campaign) -> str:
    """The full link people type or scan: HEARD_BASE_URL/s/<slug>, whatever Host said."""
    return absolute_url("respond.start", slug=campaign.slug)


@bp.get("/campaigns")
@role_required(*ROLES)
def campaigns() -> ResponseReturnValue:
    survey_id = request.args.get("survey", type=int)
    rows = list_campaigns(survey_id, courses_only=not current_user.has_role("admin"))
    return render_template(
        "admin/campaigns.html",
        campaigns=rows,
        counts=response_counts([c.id for c in rows]),
        links={c.id: public_link(c) for c in rows},
        last_days={c.id: last_day(c.closes_at) for c in rows},
        surveys=surveys_by_title(),
        survey_id=survey_id,
    )


@bp.route("/campaigns/new", methods=["GET", "POST"])
@role_required("admin")
def new_campaign() -> ResponseReturnValue:
    form = CampaignForm()
    surveys = surveys_by_title()
    # With the age band: the three children's surveys differ by little else.
    names = [survey_name(s.title, survey_age_band(s)) for s in surveys]
    form.survey.choices = [SelectChoice(s.id, n) for s, n in zip(surveys, names, strict=True)]
    form.survey.validators = [InputRequired()]
    wanted = request.args.get("survey", type=int)
    if not form.is_submitted() and wanted:
        form.survey.data = wanted
    if form.validate_on_submit():
        survey = survey_by_id(form.survey.data) or abort(404)
        try:
            campaign = create_campaign(survey, form.fields(), by_id=current_user.id)
        except CampaignError as exc:
            form.name.errors = [str(exc)]
        else:
            success(_("Campaign created. Its link and poster are ready."))
            return redirect(url_for("admin.campaign_poster", campaign_id=campaign.id), code=303)
    return render_template("admin/campaign_form.html", form=form, campaign=None)


@bp.route("/campaigns/<int:campaign_id>/edit", methods=["GET", "POST"])
@role_required(*ROLES)
def edit_campaign(campaign_id: int) -> ResponseReturnValue:
    campaign = _campaign(campaign_id)
    form = CampaignForm(obj=None if request.method == "POST" else campaign)
    del form.survey
    if request.method == "GET":
        form.opens_on.data = campaign.opens_at.date() if campaign.opens_at else None
        form.closes_on.data = last_day(campaign.closes_at)
        form.access_code.data = ""
    if form.validate_on_submit():
        try:
            update_campaign(campaign, form.fields(), by_id=current_user.id)
        except CampaignError as exc:
            form.name.errors = [str(exc)]
        else:
            success(_("Campaign saved."))
            return redirect(url_for("admin.campaigns", survey=campaign.survey_id), code=303)
    return render_template("admin/campaign_form.html", form=form, campaign=campaign)


@bp.get("/campaigns/<int:campaign_id>/poster")
@role_required(*ROLES)
def campaign_poster(campaign_id: int) -> ResponseReturnValue:
    campaign = _campaign(campaign_id)
    version = campaign.survey.current_version
    questions = len(list(version.definition.questions())) if version else 0
    link = public_link(campaign)
    return render_template(
        "admin/poster.html",
        campaign=campaign,
        link=link,
        short_link=link.split("://", 1)[-1],
        minutes=minutes_to_answer(questions),
        audience=campaign.survey.audience,
    )


def _qr(campaign: Campaign) -> segno.QRCode:
    # Error level M survives a crease or a smudge on a printed poster.
    return segno.make(public_link(campaign), error="m", micro=False)


def _image(body: bytes, mimetype: str, name: str) -> Response:
    response = current_app.response_class(body, mimetype=mimetype)
    if request.args.get("download"):
        response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "private, max-age=300"
    return response


@bp.get("/campaigns/<int:campaign_id>/qr.svg")
@role_required(*ROLES)
def campaign_qr_svg(campaign_id: int) -> ResponseReturnValue:
    campaign = _campaign(campaign_id)
    out = io.BytesIO()
    _qr(campaign).save(out, kind="svg", scale=10, border=4, xmldecl=True, svgns=True)
    return _image(out.getvalue(), "image/svg+xml", f"{campaign.slug}-qr.svg")


@bp.get("/campaigns/<int:campaign_id>/qr.png")
@role_required(*ROLES)
def campaign_qr_png(campaign_id: int) -> ResponseReturnValue:
    campaign = _campaign(campaign_id)
    out = io.BytesIO()
    _qr(campaign).save(out, kind="png", scale=12, border=4)
    return _image(out.getvalue(), "image/png", f"{campaign.slug}-qr.png")
