"""The current paper-entry batch: its entries listed, so a typing mistake can be put right.

An entry can be deleted, or corrected: "Correct" opens the paper form filled in with
what was typed, and saving it stores the corrected entry and then deletes the old one
(both audited). Only entries of this browser's current batch, typed in by the person
signed in, can be changed: the ids live in the signed session cookie and are checked
against the database.
"""

from __future__ import annotations

from typing import Any

from flask import abort, redirect, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict

from feedback.auth import role_required
from feedback.banners import success
from feedback.facilitate import bp
from feedback.models import Response
from feedback.services.surveys.lifecycle import delete_paper_entry
from feedback.services.surveys.paper import entered_by, entries_with_counts
from feedback.services.surveys.versions import version_by_id

ROLES = ("facilitator", "admin")
BATCH = "paper_batch"
#: the most entries a batch remembers (a cookie must stay small)
MAX_REMEMBERED = 100


def batch_entry(batch: dict, response_id: int | None) -> Response | None:
    """The entry `response_id` if it is in `batch` and was typed in by the person signed in."""
    if response_id is None or response_id not in batch.get("ids", []):
        return None
    return entered_by(response_id, current_user.id)


def remember(batch: dict, response_id: int, replaces: int | None = None) -> None:
    """Add a saved entry to the batch (in the place of the one it corrects, if any)."""
    ids = list(batch.get("ids", []))
    if replaces in ids:
        ids[ids.index(replaces)] = response_id
    else:
        ids.append(response_id)
    batch["ids"] = ids[-MAX_REMEMBERED:]


def batch_entries(batch: dict) -> list[dict[str, Any]]:
    """The batch's entries, oldest first, with their answer counts (counted in SQL)."""
    ids = batch.get("ids", [])
    if not ids:
        return []
    rows = entries_with_counts(ids, current_user.id)
    # Numbered by their place in the batch (a corrected entry keeps its number).
    rows = sorted(rows, key=lambda row: ids.index(row[0].id))
    return [
        {"number": ids.index(r.id) + 1, "response": r, "campaign": name, "answers": count}
        for r, name, count in rows
    ]


def filled_in(response: Response) -> MultiDict:
    """What was typed for `response`, as form data, so the paper form shows it again.

    Pairing codes are stored hashed, so they cannot be shown: they are typed again."""
    version = version_by_id(response.version_id)
    questions = version.definition.questions() if version is not None else []
    hashed = {q.id for q in questions if q.type == "pairing_code"}
    data: MultiDict = MultiDict()
    for answer in sorted(response.answers, key=lambda a: a.id):
        if answer.question_id not in hashed:
            data.add(answer.question_id, answer.value)
    data["entry_mode"] = response.mode
    data["entry_language"] = response.language
    if response.completed_on:
        data["entry_date"] = response.completed_on.isoformat()
    if response.campaign_id:
        data["entry_campaign"] = str(response.campaign_id)
    if response.completed_with_help:
        data["entry_helper"] = response.completed_with_help
    return data


@bp.post("/paper/<slug>/entries/<int:response_id>/delete")
@role_required(*ROLES)
def paper_delete(slug: str, response_id: int) -> ResponseReturnValue:
    if not FlaskForm().validate():
        abort(400)
    batch = session.get(BATCH) or {}
    response = batch_entry(batch, response_id) if batch.get("slug") == slug else None
    if response is None:
        abort(404)
    number = batch["ids"].index(response_id) + 1
    delete_paper_entry(response, current_user.id)
    batch["ids"] = [i for i in batch["ids"] if i != response_id]
    batch["count"] = max(0, batch.get("count", 0) - 1)
    session[BATCH] = batch
    success(_("Entry %(number)d of this batch was deleted.", number=number))
    return redirect(url_for("facilitate.paper_entry", slug=slug), code=303)
