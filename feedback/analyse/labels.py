"""Words an analyst or a Board member reads for themes, voices and modes (translated)."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

#: The default themes of the design (THEMES.md); a survey's own themes show as written.
THEME_LABELS = {
    "listened_to": _l("Being listened to"),
    "respected": _l("Respect and kindness"),
    "judged": _l("Feeling judged"),
    "understood_story": _l("Their story understood"),
    "proportionate_help": _l("Help that fits the need"),
    "safety": _l("Feeling safe"),
    "relationship_with_worker": _l("Relationship with the worker"),
    "communication": _l("Being kept informed"),
    "timeliness": _l("Waiting and delays"),
    "involvement_in_decisions": _l("A say in decisions"),
    "leadership_line_of_sight": _l("Leaders' line of sight to practice"),
    "supervision_support": _l("Supervision and support"),
    "workload": _l("Workload"),
    "training_learning": _l("Training and learning"),
    "partnership_working": _l("Working in partnership"),
    "responsiveness": _l("Responding to the community"),
}
VOICE_LABELS = {
    "child": _l("Children and young people"),
    "parent_carer": _l("Parents and carers"),
    "staff": _l("Frontline staff"),
    "community": _l("Community"),
    "focus_group": _l("Focus groups"),
}
MODE_LABELS = {
    "online": _l("Online"),
    "paper": _l("Paper"),
    "facilitated": _l("Facilitated"),
}
SENTIMENT_LABELS = {
    "positive": _l("Positive"),
    "negative": _l("Negative"),
    "neutral": _l("Neutral or mixed"),
}


def _label(table: dict, key: str) -> str:  # type: ignore[type-arg]
    label = table.get(key)
    return str(label) if label is not None else key.replace("_", " ")


def theme_label(theme: str) -> str:
    """A theme's name; an id the table does not know is shown with spaces."""
    return _label(THEME_LABELS, theme)


def voice_label(voice: str) -> str:
    return _label(VOICE_LABELS, voice)


def mode_label(mode: str) -> str:
    return _label(MODE_LABELS, mode)


def sentiment_label(sentiment: str) -> str:
    return _label(SENTIMENT_LABELS, sentiment)


def theme_labels() -> dict[str, str]:
    """Every known theme id with its name, for chart labels."""
    return {key: str(value) for key, value in THEME_LABELS.items()}


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
