"""Analysts write the story of a period: /analyse/report/story?period=2026-H1.

One form: for the whole report and for each voice with a survey, the framework's three
headings. Saving stores only what changed (feedback.services.outcomes.story, audited in the same
transaction) and returns to the report page for that period with a banner.
"""

from __future__ import annotations

from flask import abort, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from analysis.periods import Period, parse_period
from analysis.stories import VOICES
from feedback.analyse import bp
from feedback.auth import role_required
from feedback.banners import success
from feedback.labels import voice_label
from feedback.services.evidence.definitions import priorities as current_priorities
from feedback.services.outcomes.periods import default_period
from feedback.services.outcomes.story import (
    MAX_CHARS,
    PRIORITY_SCOPE,
    StoryTooLong,
    save_story,
    story_entries,
    story_headings,
)
from feedback.services.surveys.lookup import surveys_by_slug


def _period() -> Period:
    raw = request.values.get("period")
    if not raw:
        return default_period()
    try:
        period = parse_period(raw)
    except ValueError:
        abort(400)
    return period


def _scopes() -> list[tuple[str, str]]:
    """("report", label), each voice that has a survey in the framework's order, then each
    of the partnership's priorities."""
    voices = {s.audience for s in surveys_by_slug()}
    ordered = [v for v in VOICES if v in voices] + sorted(voices - set(VOICES))
    priorities = [
        (PRIORITY_SCOPE + p.id, _("Priority: %(title)s", title=p.title))
        for p in current_priorities()
    ]
    return [("report", _("The whole report"))] + [(v, voice_label(v)) for v in ordered] + priorities


@bp.route("/report/story", methods=["GET", "POST"])
@role_required("analyst", "admin")
def story() -> ResponseReturnValue:
    """The form (GET), or save it (POST) and go back to the report page."""
    period = _period()
    scopes = _scopes()
    headings = story_headings()
    entries = story_entries(period)
    errors: dict[str, str] = {}
    keys = [(scope, heading) for scope, _label in scopes for heading, _name in headings]
    values = {f"{s}-{h}": entries[(s, h)].text if (s, h) in entries else "" for s, h in keys}
    if request.method == "POST":
        texts = {(s, h): request.form.get(f"{s}-{h}", "") for s, h in keys}
        values = {f"{s}-{h}": text for (s, h), text in texts.items()}
        try:
            changed = save_story(period, texts, current_user.id)
        except StoryTooLong as exc:
            message = _("Write at most %(num)d characters under each heading.", num=MAX_CHARS)
            errors = {f"{s}-{h}": message for s, h in exc.keys}
        else:
            success(
                ngettext(
                    "Saved: %(num)d heading changed for %(period)s.",
                    "Saved: %(num)d headings changed for %(period)s.",
                    changed,
                    period=period.label,
                )
                if changed
                else _("Nothing had changed, so nothing was saved.")
            )
            return redirect(url_for("analyse.report", period=period.label))
    return render_template(
        "report/story.html",
        period=period,
        scopes=scopes,
        headings=headings,
        entries=entries,
        values=values,
        errors=errors,
        max_chars=MAX_CHARS,
    ), (400 if errors else 200)
