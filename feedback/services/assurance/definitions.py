"""Audit definitions: the bundled ones (forms/library/audits) and those admins upload.

An upload is checked by the same validator as surveys (forms.loader.load_text, which
runs forms.validate_audit), so it must say ``kind: audit`` and ``audience: agency``; every
problem is listed with its path, and nothing is stored unless there are none. A re-upload
of a slug that changed becomes a new version (the newest is offered; rounds keep their own
copy); an identical one changes nothing. A bundled slug cannot be uploaded, so the choice
offered when opening a round is never ambiguous.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import AuditDefinition, User
from feedback.models.audit_round import ROUND_KINDS
from feedback.services.assurance.rounds import bundled_audits
from feedback.services.audit import audit
from forms.loader import DefinitionError, load_text
from forms.schema import Definition

#: The largest definition file accepted (a Section 11 file is a few kilobytes).
MAX_UPLOAD = 256 * 1024
#: Which bundled definition opens which kind of round.
BUNDLED_FOR = {"section11": "section11", "case-audit": "case_audit"}


@dataclass(frozen=True)
class Stored:
    version: AuditDefinition
    created: bool


def _digest(definition: Definition) -> str:
    canonical = json.dumps(definition.to_dict(), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def parse_upload(content: bytes, source: str) -> Definition:
    """The audit definition in `content`; DefinitionError lists every problem."""
    if len(content) > MAX_UPLOAD:
        raise DefinitionError([f"{source}: the file is too large (at most {MAX_UPLOAD} bytes)"])
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DefinitionError([f"{source}: not UTF-8 text (byte {exc.start})"]) from None
    definition = load_text(text, source)
    if definition.kind != "audit":
        # A valid survey is still not an audit: say what to add, as the validator would.
        raise DefinitionError([f"{source}: kind: an uploaded audit must say kind: audit"])
    if definition.slug in BUNDLED_FOR:
        raise DefinitionError(
            [f"{source}: slug: '{definition.slug}' is a bundled audit's; choose another slug"]
        )
    return definition


def store_upload(content: bytes, source: str, round_kind: str, by: User | None) -> Stored:
    """Validate and keep an uploaded audit definition for `round_kind` rounds, audited in
    the same transaction. Raises DefinitionError (nothing stored) on any problem."""
    if round_kind not in ROUND_KINDS:
        raise DefinitionError([f"{source}: choose Section 11 rounds or case audits"])
    definition = parse_upload(content, source)
    digest = _digest(definition)
    latest = newest(definition.slug)
    if latest is not None and latest.sha256 == digest and latest.round_kind == round_kind:
        return Stored(latest, False)
    version = AuditDefinition(
        slug=definition.slug,
        number=(latest.number if latest else 0) + 1,
        round_kind=round_kind,
        definition_json=definition.to_dict(),
        sha256=digest,
        source=source[:200],
        created_by_id=by.id if by is not None else None,
    )
    db.session.add(version)
    db.session.flush()
    audit(
        "audit_definition.upload",
        "audit_definition",
        version.id,
        commit=False,
        user_id=by.id if by is not None else None,
        slug=version.slug,
        number=version.number,
        round_kind=round_kind,
    )
    db.session.commit()
    return Stored(version, True)


def newest(slug: str) -> AuditDefinition | None:
    return db.session.scalar(
        select(AuditDefinition)
        .where(AuditDefinition.slug == slug)
        .order_by(AuditDefinition.number.desc())
        .limit(1)
    )


def uploaded() -> list[AuditDefinition]:
    """The newest version of every uploaded slug, by slug."""
    latest = (
        select(AuditDefinition.slug, func.max(AuditDefinition.number).label("number"))
        .group_by(AuditDefinition.slug)
        .subquery()
    )
    return list(
        db.session.scalars(
            select(AuditDefinition)
            .join(
                latest,
                (AuditDefinition.slug == latest.c.slug)
                & (AuditDefinition.number == latest.c.number),
            )
            .order_by(AuditDefinition.slug)
        )
    )


def audit_choices(round_kind: str) -> dict[str, Definition]:
    """Every definition that opens a `round_kind` round, keyed by a form value: a bundled
    one by its slug, an upload by ``uploaded-<id>`` (of its newest version)."""
    found = {s: d for s, d in bundled_audits().items() if BUNDLED_FOR.get(s) == round_kind}
    for version in uploaded():
        if version.round_kind == round_kind:
            found[f"uploaded-{version.id}"] = version.definition
    return found
