"""Who sees the evidence pages, and the day actions fall due in (Europe/London)."""

from __future__ import annotations

from datetime import date
from pathlib import PurePath

from feedback.models._time import utcnow
from feedback.services.evidence.actions import MANAGERS as ACTION_MANAGERS
from feedback.times import to_london

#: staff who read priorities, the dataset and actions (agency leads: their agency's actions)
VIEWERS = ("admin", "analyst", "agency_lead")
#: staff who import figures and create actions (the services' rule, one definition)
MANAGERS = ACTION_MANAGERS


def today() -> date:
    """Today in London: an action due today is overdue from tomorrow, not at 23:00 UTC."""
    return to_london(utcnow()).date()


def safe_name(filename: str) -> str:
    """The last part of an uploaded file's name (a browser may send a path), for messages."""
    return PurePath(filename.replace("\\", "/")).name[:200] or "upload"
