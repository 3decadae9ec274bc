"""Printed Board report PDFs, kept per period, surveys, language and data version.

Printing the report takes seconds; the Board's papers are downloaded again and again
between two changes of the data. A PDF is kept under a key made of what it was asked
for and a *data version*: a fingerprint of every table the report reads (how many rows
and the newest id, or the newest edit), so a new response, analysis, alert, survey
version or story edit gives a new version and the next download prints afresh.

Prints from an older version are deleted as soon as a newer one is seen (they may hold
words of a response since withdrawn), and at most KEEP prints are kept at all.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

from flask import current_app
from flask_babel import get_locale
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from analysis.periods import Period
from feedback.extensions import db
from feedback.models import (
    Action,
    ActionUpdate,
    AuditEvent,
    ConcernAlert,
    EvidenceDefinition,
    IndicatorValue,
    ReportPdf,
    Response,
    StoryEntry,
    Survey,
    SurveyVersion,
    TextAnalysis,
    TextTheme,
)

#: Change when the report's layout changes, so no print of the old layout is served.
CACHE_FORMAT = "report-16.1"
#: the audit-log targets of the audit results the report shows
AUDIT_TARGETS = ("audit_round", "audit_return", "audit_case", "agency")
#: Prints kept at most (a few periods, each for a few choices of surveys).
KEEP = 12


def data_version() -> str:
    """A fingerprint of everything the report reads; it changes when any of it does."""
    parts: list[object] = [CACHE_FORMAT]
    for model in (Response, TextAnalysis, TextTheme, ConcernAlert, SurveyVersion, Survey):
        parts += db.session.execute(select(func.count(model.id), func.max(model.id))).one()
    parts += db.session.execute(
        select(func.count(StoryEntry.id), func.max(StoryEntry.updated_at))
    ).one()
    # The priority sections: the dataset, its definitions, and the actions with updates.
    for evidence in (IndicatorValue, EvidenceDefinition, ActionUpdate):
        parts += db.session.execute(select(func.count(evidence.id), func.max(evidence.id))).one()
    parts += db.session.execute(select(func.count(Action.id), func.max(Action.updated_at))).one()
    # The audit results (the Section 11 and case-audit parts, each priority's standards):
    # every change to a round, a return, a case or an agency writes an audit-log row in
    # its own transaction, and a panel's regrade changes a row in place, so the log is
    # the one place that sees them all.
    audits = AuditEvent.target_type.in_(AUDIT_TARGETS)
    parts += db.session.execute(
        select(func.count(AuditEvent.id), func.max(AuditEvent.id)).where(audits)
    ).one()
    parts.append(sorted(current_app.config.get("HEARD_REDACT_NAMES") or ()))
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _key(period: Period, slugs: Sequence[str], version: str) -> str:
    wanted = [period.label, sorted(set(slugs)), str(get_locale() or "en"), version]
    return hashlib.sha256(repr(wanted).encode()).hexdigest()


def drop_report_cache(commit: bool = False) -> None:
    """Delete every kept print: responses went, and a print may quote one of them."""
    db.session.execute(delete(ReportPdf))
    if commit:
        db.session.commit()


def cached_pdf(
    period: Period, slugs: Sequence[str], print_pdf: Callable[[], bytes]
) -> tuple[bytes, bool]:
    """The report's PDF from the cache, or printed by `print_pdf` and kept.

    Returns (pdf, whether it came from the cache).
    """
    version = data_version()
    db.session.execute(delete(ReportPdf).where(ReportPdf.data_version != version))
    key = _key(period, slugs, version)
    found = db.session.scalar(select(ReportPdf.pdf).where(ReportPdf.key == key))
    db.session.commit()
    if found is not None:
        return found, True
    pdf = print_pdf()
    db.session.add(ReportPdf(key=key, period=period.label, data_version=version, pdf=pdf))
    try:
        db.session.flush()
    except IntegrityError:
        # Another worker printed the same report meanwhile: theirs is as good.
        db.session.rollback()
        return pdf, False
    old = select(ReportPdf.id).order_by(ReportPdf.created_at.desc(), ReportPdf.id.desc())
    stale = list(db.session.scalars(old.offset(KEEP)))
    if stale:
        db.session.execute(delete(ReportPdf).where(ReportPdf.id.in_(stale)))
    db.session.commit()
    return pdf, False
