"""What a lead decides on the reading list: read with no concern, or raise an alert.

The page signs the ids it shows (:func:`sign_shown`); a decision names ids and carries
that signature, so "Mark these N as read" can only ever touch texts that were on the
lead's screen. Every check is made before anything is written, and each decision is
signed (the lead's id), timed and audited in one transaction: a refused request
changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy.exc import IntegrityError

from feedback.extensions import db
from feedback.models import Answer, ConcernAlert, ReadingDecision, User
from feedback.services.audit import audit
from feedback.services.safeguarding.alerts import Actor
from feedback.services.safeguarding.concerns import (
    ConcernError,
    clean_categories,
    clean_note,
    raise_by_person,
)
from feedback.services.safeguarding.reading import listed
from feedback.services.signed import sign, unsign

PURPOSE = "reading.shown"
#: A page of the reading list stays actionable this long (a lead may read slowly).
SHOWN_MAX_AGE = 12 * 3600


class ReadingError(ValueError):
    """A decision that was refused, nothing changed. `code`: expired, not_shown,
    not_listed, decided, nothing, or a ConcernError's code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def sign_shown(user_id: int, answer_ids: Iterable[int]) -> str:
    """The signature of the page `user_id` is shown: which texts are on it."""
    return sign(PURPOSE, {"u": user_id, "ids": list(answer_ids)})


def shown_ids(token: str, user_id: int) -> frozenset[int]:
    """The ids a signed page showed to `user_id`; ReadingError when forged or stale."""
    payload = unsign(PURPOSE, token, SHOWN_MAX_AGE)
    if not isinstance(payload, dict) or payload.get("u") != user_id:
        raise ReadingError("expired", "The list this came from is out of date.")
    return frozenset(int(i) for i in payload.get("ids", ()))


def _check(answer_ids: Sequence[int], token: str, actor: Actor) -> dict[int, tuple[int, int]]:
    """Refuse unless every id was shown, is on the list and is still undecided."""
    if not answer_ids:
        raise ReadingError("nothing", "No texts were chosen.")
    found = listed(list(answer_ids))
    if set(answer_ids) - found.keys():
        raise ReadingError("not_listed", "A text named is not on the reading list.")
    if set(answer_ids) - shown_ids(token, actor.id):
        raise ReadingError("not_shown", "A text named was not on the list shown.")
    if any(decided for _, _, decided in found.values()):
        raise ReadingError("decided", "A text named has already been decided on.")
    return {answer_id: (rid, sid) for answer_id, (rid, sid, _) in found.items()}


def _commit() -> None:
    try:
        db.session.commit()
    except IntegrityError as exc:  # another lead decided on the same text a moment ago
        db.session.rollback()
        raise ReadingError("decided", "A text named has already been decided on.") from exc


def mark_read(answer_ids: Sequence[int], token: str, actor: Actor, *, bulk: bool = False) -> int:
    """Record "read — no concern" for each of `answer_ids`; return how many."""
    ids = list(dict.fromkeys(answer_ids))
    found = _check(ids, token, actor)
    for answer_id in ids:
        db.session.add(
            ReadingDecision(
                answer_id=answer_id,
                response_id=found[answer_id][0],
                decision="no_concern",
                user_id=actor.id,
                bulk=bulk,
            )
        )
        audit(
            "reading.read",
            "answer",
            answer_id,
            commit=False,
            user_id=actor.id,
            **({"bulk": len(ids)} if bulk else {}),
        )
    _commit()
    return len(ids)


def raise_alert(
    answer_id: int, token: str, actor: Actor, categories: Sequence[str], note: str
) -> ConcernAlert:
    """Raise an alert on a text of the list: it joins the workflow, in review by `actor`."""
    found = _check([answer_id], token, actor)
    try:
        chosen = clean_categories(categories)
        note = clean_note(note)
    except ConcernError as exc:
        raise ReadingError(exc.code, str(exc)) from exc
    answer = db.session.get(Answer, answer_id)
    assert answer is not None  # listed() found it a moment ago
    user = db.session.get(User, actor.id)
    lead = user is not None and user.role == "safeguarding"
    alert = raise_by_person(
        answer,
        "reading",
        actor,
        chosen,
        note,
        state="in_review",
        assignee_id=actor.id if lead else None,
    )
    db.session.add(
        ReadingDecision(
            answer_id=answer_id,
            response_id=found[answer_id][0],
            decision="alert",
            alert_id=alert.id,
            user_id=actor.id,
        )
    )
    audit("reading.alert", "answer", answer_id, commit=False, user_id=actor.id, alert=alert.id)
    _commit()
    return alert
