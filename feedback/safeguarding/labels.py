"""Words a lead reads for alert states, levels and concern categories (translated)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

STATE_LABELS = {
    "new": _l("New"),
    "in_review": _l("In review"),
    "actioned": _l("Actioned"),
    "no_further_action": _l("No further action"),
}
FILTER_LABELS = {"open": _l("Open (new or in review)"), **STATE_LABELS, "all": _l("All")}
SOURCE_LABELS = {
    "analyser": _l("The analyser"),
    "reading": _l("A lead's reading"),
    "staff": _l("A colleague"),
}
LEVEL_LABELS = {1: _l("Possible"), 2: _l("Likely"), 3: _l("Urgent")}
#: why an alert's response has gone, as a tag in the list of alerts
REMOVED_TAGS = {"withdrawn": _l("Withdrawn"), "retention": _l("Response deleted")}
#: the concern categories of the design (THEMES.md)
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


def category_label(category: str) -> str:
    """A category's name; an unknown id (a survey's own) is shown as written."""
    label = CATEGORY_LABELS.get(category)
    return str(label) if label is not None else category.replace("_", " ")
