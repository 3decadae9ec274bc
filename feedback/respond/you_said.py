"""/s/<slug>/you-said: "you said, we did", public, in the respondent's language."""

from __future__ import annotations

from flask import g, render_template

from feedback.i18n import survey_languages, survey_text
from feedback.labels import theme_label
from feedback.respond.views import bp, find_campaign
from feedback.services.evidence.you_said import you_said
from feedback.services.surveys.lookup import survey_by_id


@bp.get("/s/<slug>/you-said")
def you_said_page(slug: str):  # type: ignore[no-untyped-def]
    # A closed campaign's page still answers: people come back to see what changed.
    campaign = find_campaign(slug)
    definition = campaign.version.definition
    survey = survey_by_id(campaign.survey_id)
    assert survey is not None  # the campaign row was just read with its survey
    g.offered_languages = survey_languages(definition)
    return render_template(
        "respond/you_said.html",
        campaign=campaign,
        definition=definition,
        found=you_said(survey),
        theme_label=theme_label,
        t=survey_text,
    )
