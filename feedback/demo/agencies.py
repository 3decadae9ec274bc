"""The partner agencies of the demo (made-up names, one per sector).

One partnership for the whole demo: the Section 11 rounds, the case audit, the demo
agency lead and the action plan all use these agencies, so `make run` shows the same
names on the audit pages, the evidence pages and the Board report.
"""

from __future__ import annotations

from feedback.models import Agency
from feedback.services.assurance.agencies import ensure_agency

#: (name, sector); the first is the demo agency lead's own.
DEMO_AGENCIES: tuple[tuple[str, str], ...] = (
    ("Riverside Community Health Trust", "health"),
    ("Metropolitan Police, West Area", "police"),
    ("Riverside Council Children's Services", "childrens_social_care"),
    ("Riverside Schools Partnership", "education"),
    ("Probation Service, West", "probation"),
    ("Harbour Family Charity", "voluntary"),
)


def demo_agencies() -> dict[str, Agency]:
    """The demo agencies by sector, in DEMO_AGENCIES order, each added once if missing."""
    return {sector: ensure_agency(name, sector) for name, sector in DEMO_AGENCIES}
