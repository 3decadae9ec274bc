"""Partner agencies: the organisations whose staff answer audits and own actions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from feedback.extensions import Model
from feedback.models._time import utcnow

#: the sectors a safeguarding partnership's agencies come from (issue 16)
SECTORS = (
    "police",
    "health",
    "education",
    "childrens_social_care",
    "probation",
    "voluntary",
    "other",
)


class Agency(Model):
    """One partner agency (a police force, a trust, a school, a charity...)."""

    __tablename__ = "agency"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    #: one of SECTORS
    sector: Mapped[str] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
