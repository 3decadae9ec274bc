"""Partner agencies: adding, renaming, changing sector, deactivating (admins only).

Every change writes its audit-log row in the same transaction as the change itself.
A deactivated agency keeps its history (returns, people) but is asked for nothing new,
and its agency leads reach none of its pages until it is active again.
"""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import func, select

from feedback.extensions import db
from feedback.models import SECTORS, Agency, User
from feedback.services.audit import audit

#: The longest agency name (the column's width).
NAME_MAX = 120


class AgencyError(ValueError):
    """The change was refused; the message says why in plain words."""


def all_agencies(active_only: bool = False) -> list[Agency]:
    """Agencies by name (only the active ones when `active_only`)."""
    query = select(Agency).order_by(Agency.name)
    if active_only:
        query = query.where(Agency.active.is_(True))
    return list(db.session.scalars(query))


def agency_by_name(name: str) -> Agency | None:
    return db.session.scalar(select(Agency).where(func.lower(Agency.name) == name.strip().lower()))


def _checked(name: str, sector: str, agency_id: int | None) -> str:
    name = " ".join(name.split())
    if not name:
        raise AgencyError(_("Enter the agency's name."))
    if len(name) > NAME_MAX:
        raise AgencyError(_("Shorten the name to %(max)d characters or fewer.", max=NAME_MAX))
    if sector not in SECTORS:
        raise AgencyError(_("Choose the agency's sector from the list."))
    other = agency_by_name(name)
    if other is not None and other.id != agency_id:
        raise AgencyError(_("There is already an agency called %(name)s.", name=other.name))
    return name


def add_agency(name: str, sector: str, by: User | None = None) -> Agency:
    """A new active agency. Raises AgencyError for an empty, long or taken name."""
    name = _checked(name, sector, None)
    agency = Agency(name=name, sector=sector, active=True)
    db.session.add(agency)
    db.session.flush()
    audit("agency.add", "agency", agency.id, commit=False, user_id=_id(by), sector=sector)
    db.session.commit()
    return agency


def edit_agency(agency: Agency, name: str, sector: str, by: User | None = None) -> bool:
    """Rename or re-sector `agency`; False when nothing changed."""
    name = _checked(name, sector, agency.id)
    if (agency.name, agency.sector) == (name, sector):
        return False
    before = {"name": agency.name, "sector": agency.sector}
    agency.name, agency.sector = name, sector
    audit(
        "agency.edit",
        "agency",
        agency.id,
        commit=False,
        user_id=_id(by),
        before=before,
        after={"name": name, "sector": sector},
    )
    db.session.commit()
    return True


def set_agency_active(agency: Agency, active: bool, by: User | None = None) -> bool:
    """Deactivate or reactivate `agency`; False when nothing changed."""
    if agency.active == active:
        return False
    agency.active = active
    audit(
        "agency.activate" if active else "agency.deactivate",
        "agency",
        agency.id,
        commit=False,
        user_id=_id(by),
    )
    db.session.commit()
    return True


def ensure_agency(name: str, sector: str) -> Agency:
    """The agency called `name`, added first if there is none (demo data, tests)."""
    return agency_by_name(name) or add_agency(name, sector)


def _id(user: User | None) -> int | None:
    return user.id if user is not None else None


def agency_by_id(agency_id: int) -> Agency | None:
    """The agency with this id, or None."""
    return db.session.get(Agency, agency_id)
