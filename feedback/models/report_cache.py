"""Board report PDFs already printed, so a second download of the same report is instant."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from feedback.extensions import Model
from feedback.models._time import utcnow


class ReportPdf(Model):
    """One printed report, found by its key (period, surveys, language, data version).

    Kept in the database, beside the data it was printed from: a new or restored
    database never serves another one's report, and every worker shares it. Rows printed
    from older data are deleted as soon as the data changes
    (feedback.services.outcomes.report_cache).
    """

    __tablename__ = "report_pdf"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: sha256 of period, surveys, language and data version
    key: Mapped[str] = mapped_column(String(64), unique=True)
    period: Mapped[str] = mapped_column(String(16))
    #: the data version it was printed from (see report_cache.data_version)
    data_version: Mapped[str] = mapped_column(String(64), index=True)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
