"""The partner agencies of the demo (made-up names, one per sector)."""

from __future__ import annotations

#: (name, sector); the first is the demo agency lead's own.
DEMO_AGENCIES: tuple[tuple[str, str], ...] = (
    ("Riverside Community Health Trust", "health"),
    ("Metropolitan Police, West Area", "police"),
    ("Riverside Council Children's Services", "childrens_social_care"),
    ("Riverside Schools Partnership", "education"),
    ("Probation Service, West", "probation"),
    ("Harbour Family Charity", "voluntary"),
)
