"""The audit log in words: "sam@example.org viewed alert 12", with links, not codes.

The people and things a page of events names are looked up once per kind (one query for
the people, one for the surveys, ...), never once per row. Each action has a sentence;
an action without one (added later, or by another part of Heard) still reads sensibly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from flask import url_for
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from feedback.labels import alert_state_label, role_label
from feedback.models import AuditEvent
from feedback.services import audit_log

# %(who)s is the person (or Heard itself), %(what)s the thing, linked where it has a page.
# Other names are facts from the event's detail, already put into words.
SENTENCES: dict[str, Any] = {
    "alert.view": _l("%(who)s viewed %(what)s"),
    "alert.state": _l("%(who)s moved %(what)s from %(old)s to %(new)s"),
    "alert.assign": _l("%(who)s assigned %(what)s to %(to)s"),
    "alert.note": _l("%(who)s added a note to %(what)s"),
    "alert.raise": _l("%(who)s raised %(what)s"),
    "alert.notify": _l("%(who)s told the safeguarding leads about %(what)s"),
    "export.csv": _l("%(who)s exported the responses to %(what)s as CSV"),
    "export.xlsx": _l("%(who)s exported the responses to %(what)s as a spreadsheet"),
    "export.json": _l("%(who)s exported the responses to %(what)s as JSON"),
    "report.view": _l("%(who)s read the Board report for %(what)s"),
    "report.html": _l("%(who)s downloaded the Board report for %(what)s (web page)"),
    "report.pdf": _l("%(who)s downloaded the Board report for %(what)s (PDF)"),
    "story.save": _l("%(who)s wrote part of the story for %(what)s"),
    "story.delete": _l("%(who)s cleared part of the story for %(what)s"),
    "user.role": _l("%(who)s changed the role of %(what)s from %(before)s to %(after)s"),
    "user.deactivate": _l("%(who)s deactivated %(what)s"),
    "user.reactivate": _l("%(who)s reactivated %(what)s"),
    "user.invite": _l("%(who)s invited %(what)s as %(role)s"),
    "user.invite.accept": _l("%(who)s accepted an invitation and joined as %(role)s"),
    "user.invite.revoke": _l("%(who)s withdrew the invitation for %(what)s"),
    "user.create_sso": _l("%(who)s joined by single sign-on"),
    "user.link_sso": _l("%(who)s linked their account to single sign-on"),
    "signin.ok": _l("%(who)s signed in"),
    "signin.refused": _l("A sign-in as %(what)s was refused"),
    "mfa.enrol": _l("%(who)s set up a second factor"),
    "mfa.reset": _l("%(who)s removed the second factor of %(what)s"),
    "mfa.recovery_codes": _l("%(who)s made new recovery codes"),
    "survey.upload": _l("%(who)s uploaded a definition of %(what)s"),
    "survey.open": _l("%(who)s opened %(what)s for responses"),
    "survey.close": _l("%(who)s closed %(what)s"),
    "campaign.create": _l("%(who)s created the campaign %(what)s"),
    "campaign.update": _l("%(who)s changed the campaign %(what)s"),
    "course.create": _l("%(who)s created the course %(what)s"),
    "course.access_code": _l("%(who)s made a new access code for the course %(what)s"),
    "focus.record": _l("%(who)s recorded %(what)s"),
    "focus.themes": _l("%(who)s checked the themes of %(what)s"),
    "reading.view": _l("%(who)s opened the reading list"),
    "reading.read": _l("%(who)s marked %(what)s as read"),
    "reading.alert": _l("%(who)s raised an alert on %(what)s"),
    "reading.remind": _l("%(who)s reminded the leads of overdue texts"),
    "reading.demo": _l("%(who)s marked demo texts as read"),
    "response.withdraw": _l("A respondent withdrew their answers to %(what)s"),
    "paper.delete": _l("%(who)s deleted a paper questionnaire typed in for %(what)s"),
    "paper.correct": _l("%(who)s corrected a paper questionnaire typed in for %(what)s"),
    "retention.apply": _l("%(who)s deleted responses to %(what)s past their retention"),
    "retention.alerts": _l("%(who)s deleted closed alerts past their retention"),
    "labels.export": _l("%(who)s exported the leads' decisions as labels"),
}
#: the sentence for an action without its own: the code, so nothing is hidden
FALLBACK = _l("%(who)s: %(action)s %(what)s")


@dataclass
class Names:
    """What one page of events refers to, by kind and id."""

    people: dict[int, str] = field(default_factory=dict)
    surveys: dict[int, tuple[str, str]] = field(default_factory=dict)  # id: (title, slug)
    campaigns: dict[int, str] = field(default_factory=dict)
    courses: dict[int, str] = field(default_factory=dict)
    invitations: dict[int, str] = field(default_factory=dict)


def _int(value: object) -> int | None:
    text = str(value) if value is not None else ""
    return int(text) if text.isdigit() else None


def resolve(events: Iterable[AuditEvent]) -> Names:
    """Look up every person and thing `events` name: one query per kind present."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for event in events:
        if event.user_id:
            wanted["user"].add(event.user_id)
        target = _int(event.target_id)
        if event.target_type and target is not None:
            wanted[event.target_type].add(target)
        to = _int((event.detail or {}).get("to")) if event.action == "alert.assign" else None
        if to is not None:
            wanted["user"].add(to)
    names = Names()
    if wanted["user"]:
        # Staff have no display name yet: the e-mail address is how colleagues know them.
        names.people = audit_log.emails_of(wanted["user"])
    if wanted["survey"]:
        names.surveys = audit_log.survey_titles(wanted["survey"])
    if wanted["campaign"]:
        names.campaigns = audit_log.campaign_names(wanted["campaign"])
    if wanted["course_run"]:
        names.courses = audit_log.course_titles(wanted["course_run"])
    if wanted["invitation"]:
        names.invitations = audit_log.invitation_emails(wanted["invitation"])
    return names


def _link(text: str, url: str | None) -> Markup:
    return Markup('<a href="{}">{}</a>').format(url, text) if url else escape(text)


def _person(names: Names, user_id: int | None) -> Markup:
    if user_id is None:
        return escape(str(_l("Heard")))
    return escape(names.people.get(user_id) or str(_l("a deleted account")))


def _survey(names: Names, key: int | None, raw: str) -> Markup:
    found = names.surveys.get(key) if key is not None else None
    if found is None:
        return escape(str(_l("survey %(id)s", id=raw)))
    title, slug = found
    return _link(title, url_for("admin.survey", slug=slug))


def _what(event: AuditEvent, names: Names) -> Markup:
    """The thing an event is about, in words, linked to its page where it has one."""
    kind, raw = event.target_type, event.target_id or ""
    key = _int(raw)
    things: dict[str, Callable[[], Markup]] = {
        "alert": lambda: _link(
            str(_l("alert %(id)s", id=raw)),
            url_for("safeguarding.alert", alert_id=key) if key is not None else None,
        ),
        "user": lambda: _person(names, key),
        "invitation": lambda: escape(names.invitations.get(key or 0, str(_l("a person")))),
        "survey": lambda: _survey(names, key, raw),
        "campaign": lambda: _link(
            names.campaigns.get(key or 0, str(_l("campaign %(id)s", id=raw))),
            url_for("admin.edit_campaign", campaign_id=key) if key in names.campaigns else None,
        ),
        "course_run": lambda: _link(
            names.courses.get(key or 0, str(_l("course %(id)s", id=raw))),
            url_for("staff.course", course_id=key) if key in names.courses else None,
        ),
        "focus_session": lambda: _link(
            str(_l("focus-group session %(id)s", id=raw)),
            url_for("facilitate.session", session_id=key) if key is not None else None,
        ),
        "answer": lambda: escape(str(_l("a text on the reading list (answer %(id)s)", id=raw))),
        "report": lambda: _link(raw, url_for("analyse.report", period=raw)),
        "story": lambda: _link(
            raw.split("/")[0], url_for("analyse.story", period=raw.split("/")[0])
        ),
    }
    if kind in things:
        return things[kind]()
    return escape(f"{kind} {raw}".strip()) if kind else Markup("")


def _facts(event: AuditEvent, names: Names) -> dict[str, Markup]:
    """The event's details that its sentence names, put into words."""
    detail = event.detail or {}
    facts: dict[str, Markup] = {}
    if event.action == "alert.state":
        facts["old"] = escape(alert_state_label(str(detail.get("old", ""))))
        facts["new"] = escape(alert_state_label(str(detail.get("new", ""))))
    elif event.action == "alert.assign":
        to = _int(detail.get("to"))
        facts["to"] = _person(names, to) if to is not None else escape(str(_l("nobody")))
    for key in ("role", "before", "after"):
        if key in detail:
            facts[key] = escape(role_label(str(detail[key])))
    return facts


def describe(event: AuditEvent, names: Names) -> Markup:
    """One event as a sentence; every name in it is escaped, every link built here."""
    values: dict[str, Markup] = defaultdict(Markup)
    values.update(
        who=_person(names, event.user_id),
        what=_what(event, names),
        action=escape(event.action),
        **_facts(event, names),
    )
    sentence = SENTENCES.get(event.action, FALLBACK)
    # The translated sentence is escaped first; only our escaped pieces go into it.
    return Markup(escape(str(sentence))) % values


def action_label(action: str) -> str:
    """The filter list's name for an action: its sentence without the blanks."""
    sentence = SENTENCES.get(action)
    if sentence is None:
        return action
    text = str(sentence % defaultdict(str, who="", what="…")).strip()
    return text[:1].upper() + text[1:]
