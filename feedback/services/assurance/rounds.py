"""Opening audit rounds, and the states their returns are in.

A round keeps its own copy of the definition it asked (and its sha256), like a survey
version, so a later edit of the bundled file never changes a round already open.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Mapping, Sequence
from datetime import date, datetime

from flask_babel import gettext as _
from sqlalchemy import select

from feedback.extensions import db
from feedback.models import Agency, AuditCase, AuditReturn, AuditRound, User
from feedback.models._time import utcnow
from feedback.services.audit import audit
from feedback.times import LONDON, to_london
from forms.loader import audit_library_paths, load_definition
from forms.schema import Definition

#: The longest round title (the column's width).
TITLE_MAX = 200


class RoundError(ValueError):
    """The round could not be opened; the message says why in plain words."""


def bundled_audits() -> dict[str, Definition]:
    """The bundled audit definitions by slug (forms/library/audits)."""
    return {d.slug: d for d in map(load_definition, audit_library_paths())}


def london_today(now: datetime | None = None) -> date:
    """Today's date in Europe/London (a deadline is a London day)."""
    return to_london(now).date() if now else datetime.now(LONDON).date()


def open_round(
    title: str,
    deadline: date,
    agency_ids: Sequence[int],
    definition: Definition,
    by: User | None = None,
    kind: str = "section11",
    theme: str | None = None,
    cases: Sequence[str] = (),
    involved: Mapping[str, Collection[int]] | None = None,
) -> AuditRound:
    """Open a round asking each agency in `agency_ids` for a return (a draft each; in a
    case audit, one per agency involved in each case, each case known by its reference in
    `cases`, which the caller has checked: services.assurance.cases). `involved` gives,
    for some references, the ids of the agencies involved; a case it does not name
    involves every agency asked, and a return exists only for an agency involved, so an
    agency sees and grades only its cases.

    Raises RoundError for an empty or long title, no agencies, an inactive or unknown
    agency, or a definition that is not an audit. Nothing is stored unless all is well.
    """
    title = " ".join((title or "").split())
    if not title:
        raise RoundError(_("Enter a title for the round."))
    if len(title) > TITLE_MAX:
        raise RoundError(_("Shorten the title to %(max)d characters or fewer.", max=TITLE_MAX))
    if definition.kind != "audit":
        raise RoundError(_("Choose an audit definition."))
    ids = sorted(set(agency_ids))
    agencies = list(
        db.session.scalars(select(Agency).where(Agency.id.in_(ids), Agency.active.is_(True)))
    )
    if not ids:
        raise RoundError(_("Choose at least one agency to ask."))
    if len(agencies) != len(ids):
        raise RoundError(_("Choose active agencies only."))
    data = definition.to_dict()
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"))
    found = AuditRound(
        kind=kind,
        title=title,
        theme=theme,
        deadline=deadline,
        definition_json=data,
        definition_sha256=hashlib.sha256(canonical.encode()).hexdigest(),
        opened_by_id=by.id if by else None,
    )
    db.session.add(found)
    db.session.flush()
    for case in [None] if kind == "section11" else [AuditCase(reference=r) for r in cases]:
        if case is not None:
            found.cases.append(case)
            db.session.flush()
        for agency in agencies:
            if case is not None and case.reference in (involved or {}):
                if agency.id not in (involved or {})[case.reference]:
                    continue
            db.session.add(
                AuditReturn(
                    round_id=found.id,
                    agency_id=agency.id,
                    case_id=case.id if case else None,
                    state="draft",
                )
            )
    audit(
        "audit_round.open",
        "audit_round",
        found.id,
        commit=False,
        user_id=by.id if by else None,
        kind=kind,
        agencies=len(agencies),
        cases=len(cases),
        cases_naming_agencies=len(involved or {}),
        deadline=deadline.isoformat(),
    )
    db.session.commit()
    return found


def return_state(ret: AuditReturn, today: date | None = None) -> str:
    """The state a person reads: a stored state, or "overdue" for a late draft."""
    today = today or london_today()
    if ret.state == "draft" and today > ret.round.deadline:
        return "overdue"
    return ret.state


def rounds(kind: str | None = None) -> list[AuditRound]:
    """Rounds newest first (of one kind when given)."""
    query = select(AuditRound).order_by(AuditRound.created_at.desc(), AuditRound.id.desc())
    if kind:
        query = query.where(AuditRound.kind == kind)
    return list(db.session.scalars(query))


def publish_results(found: AuditRound, by: User | None) -> bool:
    """Show the round's partnership-wide results to the agencies asked; False if already."""
    if found.published_at is not None:
        return False
    found.published_at = utcnow()
    audit(
        "audit_round.publish",
        "audit_round",
        found.id,
        commit=False,
        user_id=by.id if by else None,
    )
    db.session.commit()
    return True


def round_by_id(round_id: int) -> AuditRound | None:
    """The audit round with this id, or None."""
    return db.session.get(AuditRound, round_id)
