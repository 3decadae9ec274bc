"""The reading list (/safeguarding/reading): every child's free text, read by a lead.

The page shows a batch of unread texts, highest concern score first, then oldest, and
signs the ids it showed. Each text can be marked "Read — no concern" or have an alert
raised on it; "Mark these N as read" posts the ids shown with that signature, so it can
never touch a text the lead did not see. A refused request changes nothing and says why;
a refused alert form comes back with what the lead wrote still in it.
"""

from __future__ import annotations

from typing import Any

from flask import current_app, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user

from feedback.auth import role_required
from feedback.banners import problem, success
from feedback.languages import language_name, words_direction
from feedback.navigation import add_home_panel, add_staff_link
from feedback.safeguarding import bp
from feedback.services.audit import audit
from feedback.services.safeguarding.alerts import Actor
from feedback.services.safeguarding.concerns import NOTE_MAX
from feedback.services.safeguarding.reading import read_within_hours, reading_counts, unread_items
from feedback.services.safeguarding.reading_decisions import (
    ReadingError,
    mark_read,
    raise_alert,
    sign_shown,
)

ROLES = ("safeguarding", "admin")
#: Texts shown at once: enough to clear a morning's answers, few enough to read each one.
PAGE_SIZE = 20
#: Problems with what the lead typed, or a page left open too long: the alert form is
#: shown again with what they wrote, nothing lost.
FORM_PROBLEMS = ("empty_note", "note_too_long", "category", "expired")

add_staff_link("safeguarding.reading", lambda: str(_l("Reading list")), ROLES)
add_home_panel(
    "safeguarding/_home_panel.html",
    lambda: {"counts": reading_counts(), "hours": read_within_hours()},
    ROLES,
)


def _message(error: ReadingError) -> str:
    messages = {
        "expired": _("That list was out of date, so nothing was changed. Here is the list now."),
        "not_shown": _(
            "That text was not on the list you were shown, so nothing was changed. "
            "Here is the list now."
        ),
        "not_listed": _("That text is not on the reading list, so nothing was changed."),
        "decided": _(
            "Someone has already decided on that text (perhaps a colleague, a moment ago), "
            "so nothing was changed. Here is the list now."
        ),
        "nothing": _("No text was chosen, so nothing was changed."),
        "empty_note": _("Say why you are raising an alert."),
        "note_too_long": _(
            "The note is longer than %(max)s characters. Shorten it and raise the alert again.",
            max=f"{NOTE_MAX:,}",
        ),
        "category": _("Choose categories from the list."),
    }
    return messages.get(error.code, _("That is not possible, so nothing was changed."))


def _actor() -> Actor:
    return Actor(id=current_user.id, email=current_user.email)


def _ids(values: list[str]) -> list[int]:
    if not all(v.isdigit() and len(v) < 12 for v in values):
        raise ReadingError("not_listed", "a forged id")
    return [int(v) for v in values]


def _page(failed: dict[str, Any] | None = None, status: int = 200) -> Any:
    items = unread_items(PAGE_SIZE)
    # Children's words as written: who saw which is logged (and committed) before showing.
    audit("reading.view", None, None, shown=[i.answer_id for i in items])
    if failed is not None:
        failed["shown"] = any(i.answer_id == failed["answer_id"] for i in items)
    body = render_template(
        "safeguarding/reading.html",
        items=items,
        counts=reading_counts(),
        hours=read_within_hours(),
        shown=sign_shown(current_user.id, [i.answer_id for i in items]),
        note_max=NOTE_MAX,
        failed=failed,
        language_name=language_name,
        words_direction=words_direction,
    )
    reply = current_app.make_response((body, status))
    reply.headers["Cache-Control"] = "no-store"
    return reply


def _back() -> Any:
    return redirect(url_for("safeguarding.reading"), code=303)


@bp.get("/reading")
@role_required(*ROLES)
def reading() -> ResponseReturnValue:
    """Unread texts of the surveys that read all text: highest concern first, then oldest."""
    return _page()


@bp.post("/reading/read")
@role_required(*ROLES)
def mark_read_view() -> ResponseReturnValue:
    """ "Read — no concern" on one text, or "Mark these N as read" on the texts shown."""
    bulk = request.form.get("bulk") == "1"
    try:
        ids = _ids(request.form.getlist("item"))
        done = mark_read(ids, request.form.get("shown", ""), _actor(), bulk=bulk)
    except ReadingError as error:
        problem(_message(error))
    else:
        success(ngettext("Marked %(num)d text as read.", "Marked %(num)d texts as read.", done))
    return _back()


@bp.post("/reading/<int:answer_id>/alert")
@role_required(*ROLES)
def reading_alert(answer_id: int) -> ResponseReturnValue:
    """Raise an alert on a text of the list (categories and a note); it is then in review."""
    categories = request.form.getlist("categories")
    note = request.form.get("note", "")
    try:
        alert = raise_alert(answer_id, request.form.get("shown", ""), _actor(), categories, note)
    except ReadingError as error:
        if error.code not in FORM_PROBLEMS:
            problem(_message(error))
            return _back()
        failed = {
            "answer_id": answer_id,
            "note": note,
            "categories": categories,
            "message": _message(error),
        }
        return _page(failed, status=400)
    success(_("Alert %(id)s raised: it is in review, and the other leads are told.", id=alert.id))
    return _back()
