"""Any member of staff can raise a safeguarding concern about a text they are shown.

A page that shows a text (an analyst's excerpt, a facilitator's note or quote, a
trainer's course comment) links each one with :func:`concern_url`: a signed link naming
the text and the page to return to, so nobody can raise (or read) a concern about a text
by guessing its id. The short form asks why and, optionally, the categories; the alert it
raises has source "staff" and the colleague's name, and from then on that text and every
text of its response are withheld like any flagged one.
"""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from feedback.auth import role_required
from feedback.banners import success
from feedback.models import ROLES, Answer
from feedback.safeguarding import bp
from feedback.services.safeguarding.alerts import Actor
from feedback.services.safeguarding.concerns import (
    NOTE_MAX,
    ConcernError,
    raise_staff_concern,
    response_alerted,
)
from feedback.services.signed import sign, unsign
from feedback.services.surveys.responses import answer_by_id
from feedback.services.text.analyses import redacted_text

PURPOSE = "concern.link"
#: A concern link works for a week: long enough for a page left open, short enough to expire.
LINK_MAX_AGE = 7 * 24 * 3600


_DONE = _l(
    "Thank you. The safeguarding leads have been told, and the text is now withheld from "
    "analysis, exports and reports."
)
_ADDED = _l(
    "Thank you. A lead is already looking at this text: what you wrote was added to the alert."
)


def concern_token(answer_id: int, back: str) -> str:
    """The signed part of a concern link: the text, and the page to go back to."""
    return sign(PURPOSE, {"a": answer_id, "b": back})


def concern_url(answer_id: int) -> str:
    """The "Raise a safeguarding concern" link for a text shown on the current page."""
    back = request.full_path.rstrip("?")
    return url_for("safeguarding.raise_concern", signed=concern_token(answer_id, back))


@bp.app_context_processor
def _links() -> dict[str, Any]:
    return {"concern_url": concern_url}


def _target(signed: str) -> tuple[Answer, str]:
    payload = unsign(PURPOSE, signed, LINK_MAX_AGE)
    if not isinstance(payload, dict) or not isinstance(payload.get("a"), int):
        abort(404)
    answer = answer_by_id(payload["a"])
    if answer is None:
        abort(404)
    back = str(payload.get("b") or "")
    return answer, back if back.startswith("/") and not back.startswith("//") else "/staff"


def _messages(error: ConcernError) -> str:
    return {
        "empty_note": _("Say why this text worries you."),
        "note_too_long": _(
            "That is longer than %(max)s characters. Shorten it and send it again.",
            max=f"{NOTE_MAX:,}",
        ),
        "category": _("Choose categories from the list."),
    }.get(error.code, _("The concern could not be recorded."))


@bp.route("/concern/<signed>", methods=["GET", "POST"])
@role_required(*ROLES)
def raise_concern(signed: str) -> ResponseReturnValue:
    """The short form: why (required) and categories (optional), then back to the page."""
    answer, back = _target(signed)
    why = request.form.get("why", "")
    chosen = request.form.getlist("categories")
    problem = None
    if request.method == "POST":
        actor = Actor(id=current_user.id, email=current_user.email)
        try:
            alert, new = raise_staff_concern(answer.id, actor, chosen, why)
        except ConcernError as error:
            problem = _messages(error)
        else:
            success(str(_DONE if new else _ADDED))
            current_app.logger.info("staff concern on alert %s", alert.id)
            return redirect(back, code=303)
    withheld = response_alerted(answer.response_id)
    text = None
    if not withheld:
        text = redacted_text(answer.id)
    body = render_template(
        "safeguarding/concern.html",
        text=text,
        withheld=withheld,
        back=back,
        why=why,
        chosen=chosen,
        note_max=NOTE_MAX,
        problem=problem,
    )
    reply = current_app.make_response((body, 400 if problem else 200))
    reply.headers["Cache-Control"] = "no-store"
    return reply
