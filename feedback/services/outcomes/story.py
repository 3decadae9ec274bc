"""The analysts' story: what is working, ongoing challenges, emerging areas.

The Safeguarding Effectiveness Framework asks the sub-group's twice-yearly report to say
"where improvements have been made, where there are ongoing challenges" and "emerging
areas of potential focus". Figures cannot say that; analysts write it here, per period,
for the whole report and for each voice. Each save is audited in the same transaction
as the change, so the log and the text never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from analysis.periods import Period
from analysis.stories import VOICES
from feedback.extensions import db
from feedback.models import StoryEntry
from feedback.models._time import utcnow
from feedback.services.audit import audit
from forms.priorities import ID

#: The framework's own headings, in the order a Board reads them.
HEADINGS = (
    ("working", _l("What is working")),
    ("challenges", _l("Ongoing challenges")),
    ("emerging", _l("Emerging areas")),
)
#: Where a story can be written: the whole report, then each voice (and each priority,
#: as PRIORITY_SCOPE followed by its id).
SCOPES = ("report", *VOICES)
PRIORITY_SCOPE = "priority-"
#: Long enough for a few paragraphs; a Board report is not the place for more.
MAX_CHARS = 4000


class StoryTooLong(ValueError):
    """A heading's text is longer than MAX_CHARS; `keys` names the ones that are."""

    def __init__(self, keys: list[tuple[str, str]]) -> None:
        super().__init__(f"longer than {MAX_CHARS} characters: {keys}")
        self.keys = keys


@dataclass(frozen=True)
class StoryView:
    """One heading as the report shows it: the words, who wrote them and when."""

    text: str
    author: str
    updated_at: datetime

    @property
    def paragraphs(self) -> list[str]:
        """The text split at blank lines, so line breaks survive escaping."""
        parts = [" ".join(p.split()) for p in self.text.replace("\r\n", "\n").split("\n\n")]
        return [p for p in parts if p]


def is_scope(scope: str) -> bool:
    """The whole report, a voice, or a priority ("priority-" and its id)."""
    if scope in SCOPES:
        return True
    return scope.startswith(PRIORITY_SCOPE) and bool(ID.fullmatch(scope[len(PRIORITY_SCOPE) :]))


def story_headings() -> list[tuple[str, str]]:
    """(key, label) of each heading, translated."""
    return [(key, str(label)) for key, label in HEADINGS]


def _author(entry: StoryEntry) -> str:
    # People have no display name yet: the e-mail address is how staff know each other.
    return entry.author.email if entry.author is not None else str(_l("a former member of staff"))


def story_entries(period: Period | str) -> dict[tuple[str, str], StoryEntry]:
    """{(scope, heading): entry} for one period."""
    label = period if isinstance(period, str) else period.label
    rows = db.session.scalars(select(StoryEntry).where(StoryEntry.period == label))
    return {(e.scope, e.heading): e for e in rows}


def story_for_report(period: Period | str) -> dict[str, dict[str, StoryView]]:
    """{scope: {heading: StoryView}} of the headings written for `period`."""
    found: dict[str, dict[str, StoryView]] = {}
    for (scope, heading), entry in story_entries(period).items():
        found.setdefault(scope, {})[heading] = StoryView(
            entry.text, _author(entry), entry.updated_at
        )
    return found


def save_story(period: Period, texts: Mapping[tuple[str, str], str], user_id: int) -> int:
    """Store the texts given for (scope, heading); an empty text removes that heading.

    Only headings whose text changed are written, each with an audit row, all in one
    commit. Returns how many changed. Raises StoryTooLong (storing nothing) when a text
    is longer than MAX_CHARS, and ValueError for an unknown scope or heading.
    """
    keys = {key for key, _label in HEADINGS}
    for scope, heading in texts:
        if not is_scope(scope) or heading not in keys:
            raise ValueError(f"unknown story heading {scope}/{heading}")
    too_long = [k for k, text in texts.items() if len(text.strip()) > MAX_CHARS]
    if too_long:
        raise StoryTooLong(too_long)
    existing = story_entries(period)
    changed = 0
    now = utcnow()
    for (scope, heading), raw in texts.items():
        text = raw.strip()
        entry = existing.get((scope, heading))
        if (entry is None and not text) or (entry is not None and entry.text == text):
            continue
        target = f"{period.label}/{scope}/{heading}"
        if not text:
            db.session.delete(entry)
            audit("story.delete", "story", target, commit=False, user_id=user_id)
        else:
            if entry is None:
                entry = StoryEntry(period=period.label, scope=scope, heading=heading, text=text)
                db.session.add(entry)
            entry.text, entry.author_id, entry.updated_at = text, user_id, now
            audit("story.save", "story", target, commit=False, user_id=user_id, chars=len(text))
        changed += 1
    db.session.commit()
    return changed
