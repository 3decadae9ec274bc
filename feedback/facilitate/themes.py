"""The theme a person can pick when confirming or changing a suggested one.

The ids are the default taxonomy (shared/design/THEMES.md), which the analyser uses; a
survey may add its own themes (its definition's `themes`), offered after these.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from forms.schema import Definition

#: Default theme id -> what a person reads. Order: children's and families' voices first.
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


def theme_label(theme: str) -> str:
    """A readable name for a theme id; survey-specific ids are shown tidied up."""
    label = THEME_LABELS.get(theme)
    return str(label) if label is not None else theme.replace("_", " ").capitalize()


def theme_choices(definition: Definition | None = None) -> list[tuple[str, str]]:
    """(id, label) of every theme a person may choose, the survey's own ones last."""
    choices = [(key, str(label)) for key, label in THEME_LABELS.items()]
    if definition is not None:
        choices += [(key, theme_label(key)) for key in definition.themes if key not in THEME_LABELS]
    return choices
