"""The words people read for Heard's ids: themes, concern categories, roles, alerts.

One table per kind of id, keyed on the ids the rest of Heard stores and exports
(analysis.text.themes.THEMES, analysis.text.concern_rules.CATEGORIES, models.ROLES,
models.alert STATES and SOURCES), so the same theme has the same name on an analyst's
page, a facilitator's page and the Board report. Every label is lazy: it is translated
when it is shown, in the reader's language. `init_app` makes the lookups template
globals, so templates and views never pass their own copies around.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from forms.schema import Definition

#: The default themes of the design (shared/design/THEMES.md), in its order: children's
#: and families' voices first. A survey's own themes are shown as their ids, tidied.
THEME_LABELS = {
    "listened_to": _l("Being listened to"),
    "respected": _l("Respect and being valued"),
    "judged": _l("Feeling judged or blamed"),
    "understood_story": _l("Having their story understood"),
    "proportionate_help": _l("The right amount of help"),
    "safety": _l("Feeling safe"),
    "relationship_with_worker": _l("Relationship with a worker"),
    "communication": _l("Being kept informed"),
    "timeliness": _l("Waiting and delays"),
    "involvement_in_decisions": _l("Having a say in decisions"),
    "leadership_line_of_sight": _l("Leaders knowing what practice is like"),
    "supervision_support": _l("Supervision and support"),
    "workload": _l("Workload"),
    "training_learning": _l("Training and learning"),
    "partnership_working": _l("Partnership working"),
    "responsiveness": _l("The partnership responding to the community"),
}
#: The concern categories of the design (THEMES.md), in its order.
CATEGORY_LABELS = {
    "physical_abuse": _l("Physical abuse"),
    "sexual_abuse": _l("Sexual abuse"),
    "neglect": _l("Neglect"),
    "emotional_abuse": _l("Emotional abuse"),
    "domestic_abuse": _l("Domestic abuse"),
    "self_harm_suicide": _l("Self-harm or suicide"),
    "exploitation": _l("Exploitation"),
    "bullying_harm": _l("Bullying causing harm"),
    "running_away": _l("Running away or going missing"),
    "asks_for_help": _l("Asks for help"),
}
#: Staff roles (models.ROLES), in the order the admin's role menu offers them.
ROLE_LABELS = {
    "admin": _l("Admin"),
    "analyst": _l("Analyst"),
    "facilitator": _l("Facilitator"),
    "trainer": _l("Trainer"),
    "safeguarding": _l("Safeguarding lead"),
    "moderator": _l("Audit moderator"),
    "agency_lead": _l("Agency lead"),
}
#: A partner agency's sector (models.agency.SECTORS).
SECTOR_LABELS = {
    "police": _l("Police"),
    "health": _l("Health"),
    "education": _l("Education"),
    "childrens_social_care": _l("Children's social care"),
    "probation": _l("Probation"),
    "voluntary": _l("Voluntary and community"),
    "other": _l("Other"),
}
#: An audit return's state (models.audit_return.RETURN_STATES, and "overdue").
RETURN_STATE_LABELS = {
    "draft": _l("Draft"),
    "overdue": _l("Overdue"),
    "submitted": _l("Submitted"),
    "challenged": _l("Challenged"),
    "agreed": _l("Agreed"),
}
#: Where a concern alert came from (models.alert.SOURCES).
ALERT_SOURCE_LABELS = {
    "analyser": _l("The analyser"),
    "reading": _l("A lead's reading"),
    "staff": _l("A colleague"),
}
#: A concern alert's state (models.alert.STATES).
ALERT_STATE_LABELS = {
    "new": _l("New"),
    "in_review": _l("In review"),
    "actioned": _l("Actioned"),
    "no_further_action": _l("No further action"),
}
#: The filters of the list of alerts: the states, plus "open" and "all".
ALERT_FILTER_LABELS = {
    "open": _l("Open (new or in review)"),
    **ALERT_STATE_LABELS,
    "all": _l("All"),
}
#: A concern alert's level: 1 possible, 2 likely, 3 urgent.
ALERT_LEVEL_LABELS = {1: _l("Possible"), 2: _l("Likely"), 3: _l("Urgent")}
#: Why an alert's response has gone (models.alert.REMOVED_REASONS), as a tag.
REMOVED_LABELS = {
    "withdrawn": _l("Withdrawn"),
    "retention": _l("Response deleted"),
    "entry_deleted": _l("Paper entry deleted"),
}
#: Whose voice a survey carries (analysis.stories.VOICES).
VOICE_LABELS = {
    "child": _l("Children and young people"),
    "parent_carer": _l("Parents and carers"),
    "staff": _l("Frontline staff"),
    "community": _l("Community"),
    "focus_group": _l("Focus groups"),
}
#: An action's status and where it came from (models.action.STATUSES, SOURCES).
ACTION_STATUS_LABELS = {
    "planned": _l("Planned"),
    "in_progress": _l("In progress"),
    "done": _l("Done"),
    "dropped": _l("Dropped"),
}
ACTION_SOURCE_LABELS = {
    "theme": _l("A theme in what people told us"),
    "outcome": _l("An outcome statement"),
    "audit_standard": _l("An audit standard"),
    "audit_finding": _l("An audit finding"),
    "case_review": _l("A case review"),
    "indicator": _l("A dataset indicator"),
}
#: How a response was completed (models.response.MODES).
MODE_LABELS = {
    "online": _l("Online"),
    "paper": _l("Paper"),
    "facilitated": _l("Facilitated"),
}
#: An excerpt's sentiment (analysis.excerpts.SENTIMENTS).
SENTIMENT_LABELS = {
    "positive": _l("Positive"),
    "negative": _l("Negative"),
    "neutral": _l("Neutral or mixed"),
}


def _named(table: Mapping[str, object], key: str) -> str:
    # An id the table does not know (a survey's own theme or category) still reads as words.
    label = table.get(key)
    return str(label) if label is not None else key.replace("_", " ").capitalize()


def theme_label(theme: str) -> str:
    """A theme's name, for a default theme id or a survey's own."""
    return _named(THEME_LABELS, theme)


def category_label(category: str) -> str:
    """A concern category's name, for a default category id or a survey's own."""
    return _named(CATEGORY_LABELS, category)


def role_label(role: str) -> str:
    return _named(ROLE_LABELS, role)


def sector_label(sector: str) -> str:
    return _named(SECTOR_LABELS, sector)


def sector_choices() -> list[tuple[str, str]]:
    return _choices(SECTOR_LABELS)


def return_state_label(state: str) -> str:
    return _named(RETURN_STATE_LABELS, state)


def alert_source_label(source: str) -> str:
    return _named(ALERT_SOURCE_LABELS, source)


def alert_state_label(state: str) -> str:
    return _named(ALERT_STATE_LABELS, state)


def alert_level_label(level: int) -> str:
    label = ALERT_LEVEL_LABELS.get(level)
    return str(label) if label is not None else str(level)


def removed_label(reason: str | None) -> str | None:
    """The tag for an alert whose response has gone; None while it is there."""
    label = REMOVED_LABELS.get(reason or "")
    return str(label) if label is not None else None


def voice_label(voice: str) -> str:
    return _named(VOICE_LABELS, voice)


def mode_label(mode: str) -> str:
    return _named(MODE_LABELS, mode)


def action_status_label(status: str) -> str:
    return _named(ACTION_STATUS_LABELS, status)


def action_source_label(source: str) -> str:
    return _named(ACTION_SOURCE_LABELS, source)


def action_audience_choices() -> list[tuple[str, str]]:
    """Who a published action is told to: a voice that answers surveys, or nobody yet."""
    voices = [(v, str(label)) for v, label in VOICE_LABELS.items() if v != "focus_group"]
    return [("", str(_l("Nobody yet"))), *voices]


def sentiment_label(sentiment: str) -> str:
    return _named(SENTIMENT_LABELS, sentiment)


def _choices(table: Mapping[str, object]) -> list[tuple[str, str]]:
    return [(str(key), str(label)) for key, label in table.items()]


def theme_labels() -> dict[str, str]:
    """Every default theme id with its name (translated now), for chart labels."""
    return dict(_choices(THEME_LABELS))


def theme_choices(definition: Definition | None = None) -> list[tuple[str, str]]:
    """(id, name) of every theme a person may choose, the survey's own ones last."""
    choices = _choices(THEME_LABELS)
    if definition is not None:
        choices += [(key, theme_label(key)) for key in definition.themes if key not in THEME_LABELS]
    return choices


def category_choices() -> list[tuple[str, str]]:
    return _choices(CATEGORY_LABELS)


def role_choices() -> list[tuple[str, str]]:
    return _choices(ROLE_LABELS)


def alert_source_choices() -> list[tuple[str, str]]:
    return _choices(ALERT_SOURCE_LABELS)


def alert_filter_choices() -> list[tuple[str, str]]:
    return _choices(ALERT_FILTER_LABELS)


#: What every template can call, registered once by init_app.
def survey_name(title: str, age_band: str | None) -> str:
    """A survey's title with its age band: the children's surveys differ by little else.

    "adult" (and no band) adds nothing: only an age range tells surveys apart.
    """
    if not age_band or not any(c.isdigit() for c in age_band):
        return title
    return _("%(title)s (ages %(band)s)", title=title, band=age_band.replace("-", "\u2013"))


def survey_age_band(survey: Any) -> str | None:
    """The age band of a Survey's current version, if it has one."""
    version = getattr(survey, "current_version", None)
    return (version.definition_json or {}).get("age_band") if version is not None else None


def survey_names(surveys: Any) -> dict[str, str]:
    """{slug: title with age band} for Survey rows, for pages that list or pool them."""
    return {s.slug: survey_name(s.title, survey_age_band(s)) for s in surveys}


TEMPLATE_GLOBALS = {
    f.__name__: f
    for f in (
        theme_label,
        category_label,
        role_label,
        sector_label,
        sector_choices,
        return_state_label,
        alert_source_label,
        alert_state_label,
        alert_level_label,
        voice_label,
        mode_label,
        sentiment_label,
        action_status_label,
        action_source_label,
        category_choices,
        role_choices,
        alert_source_choices,
        alert_filter_choices,
    )
}


def _survey_name_filter(survey: Any) -> str:
    """{{ survey|survey_name }}: the title with its age band, on every staff page.

    The three children's surveys have titles that differ by little; staff tell them
    apart by age band.
    """
    if survey is None:
        return ""
    return survey_name(survey.title, survey_age_band(survey))


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(TEMPLATE_GLOBALS)
    app.add_template_filter(_survey_name_filter, "survey_name")
