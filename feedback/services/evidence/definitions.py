"""The priorities and indicators in use: the newest uploaded version, else the bundled file.

An upload is validated by the forms readers with every problem listed, exactly as
`heard surveys validate` lists a survey's, and stored as a new numbered version with an
audit row in the same transaction. References are checked leniently against what is
loaded: outcome ids against the surveys in the database (not checked when there are
none), themes against the taxonomy, indicator and priority ids against the definitions
in use, and audit standards only once an audit definition is loaded (see
:func:`audit_standard_ids`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection

from sqlalchemy import func, select

from analysis.text.themes import THEMES
from feedback.extensions import db
from feedback.models import AuditRound, EvidenceDefinition, Survey, User
from feedback.services.assurance.rounds import bundled_audits
from feedback.services.audit import audit
from forms.indicators import Indicator, load_indicators_text
from forms.loader import LIBRARY, DefinitionError
from forms.priorities import Priority, load_priorities_text

BUNDLED = {"priorities": LIBRARY / "priorities.yaml", "indicators": LIBRARY / "indicators.yaml"}
#: the largest definition accepted, in bytes
MAX_UPLOAD = 256 * 1024


def _current(kind: str) -> EvidenceDefinition | None:
    query = (
        select(EvidenceDefinition)
        .where(EvidenceDefinition.kind == kind)
        .order_by(EvidenceDefinition.number.desc())
        .limit(1)
    )
    return db.session.scalar(query)


def current_source(kind: str) -> tuple[str, str]:
    """(YAML text, where it comes from) of the `kind` definition in use."""
    stored = _current(kind)
    if stored is not None:
        return stored.source, f"version {stored.number}"
    return BUNDLED[kind].read_text(encoding="utf-8"), f"forms/library/{BUNDLED[kind].name}"


def priorities() -> list[Priority]:
    """The priorities in use (validated when they were stored, read without references)."""
    return load_priorities_text(current_source("priorities")[0], "priorities.yaml")


def indicators() -> list[Indicator]:
    """The indicators in use."""
    return load_indicators_text(current_source("indicators")[0], "indicators.yaml")


def indicator_map() -> dict[str, Indicator]:
    return {i.id: i for i in indicators()}


def outcome_ids() -> set[str] | None:
    """Outcome ids of every survey's current version; None when no survey is loaded."""
    found: set[str] = set()
    any_survey = False
    for survey in db.session.scalars(select(Survey)):
        version = survey.current_version
        if version is None:
            continue
        any_survey = True
        found.update(o.id for o in version.definition.outcomes)
    return found if any_survey else None


def audit_standard_ids() -> set[str]:
    """The standard (page) ids of the bundled audit definitions and of every round's.

    A priority may name a standard of a round opened from an older definition, so the
    rounds' own copies count as well as the bundled files.
    """
    found = {p.id for d in bundled_audits().values() for p in d.pages if p.id}
    for stored in db.session.scalars(select(AuditRound.definition_json)):
        pages = stored.get("pages") if isinstance(stored, dict) else None
        found.update(p["id"] for p in pages or () if isinstance(p, dict) and p.get("id"))
    return found


def _known_for_priorities() -> dict[str, Collection[str]]:
    known: dict[str, Collection[str]] = {"themes": THEMES, "indicators": set(indicator_map())}
    outcomes = outcome_ids()
    if outcomes is not None:
        known["outcomes"] = outcomes
    known["audit_standards"] = audit_standard_ids()
    return known


def validate(kind: str, text: str, source: str) -> list[str]:
    """Every problem in `text` as a `kind` definition (an empty list when it is good)."""
    try:
        if kind == "priorities":
            load_priorities_text(text, source, _known_for_priorities())
        elif kind == "indicators":
            load_indicators_text(text, source, {p.id for p in priorities()})
        else:
            return [f"{source}: unknown kind of definition {kind!r}"]
    except DefinitionError as exc:
        return exc.problems
    return []


def store(kind: str, content: bytes, source: str, by: User | None) -> EvidenceDefinition | None:
    """Validate and keep `content` as the new `kind` definition, audited.

    Returns the new version, or None when it is the one already in use. Raises
    DefinitionError listing every problem; nothing is stored then.
    """
    if len(content) > MAX_UPLOAD:
        raise DefinitionError([f"{source}: the file is too large (at most {MAX_UPLOAD} bytes)"])
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DefinitionError([f"{source}: not UTF-8 text (byte {exc.start})"]) from None
    problems = validate(kind, text, source)
    if problems:
        raise DefinitionError(problems)
    digest = hashlib.sha256(text.encode()).hexdigest()
    stored = _current(kind)
    if stored is not None and stored.sha256 == digest:
        return None
    number = (
        db.session.scalar(
            select(func.max(EvidenceDefinition.number)).where(EvidenceDefinition.kind == kind)
        )
        or 0
    ) + 1
    version = EvidenceDefinition(
        kind=kind,
        number=number,
        source=text,
        sha256=digest,
        created_by_id=by.id if by is not None else None,
    )
    db.session.add(version)
    db.session.flush()
    audit(
        f"evidence.{kind}",
        "evidence_definition",
        version.id,
        commit=False,
        user_id=by.id if by is not None else None,
        number=number,
    )
    db.session.commit()
    return version
