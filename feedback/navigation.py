"""The staff areas each blueprint adds to the staff menu: (endpoint, label, roles)."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask

StaffLink = tuple[str, Callable[[], str], tuple[str, ...]]
_LINKS: list[StaffLink] = []


def add_staff_link(endpoint: str, label: Callable[[], str], roles: tuple[str, ...]) -> None:
    """Register a menu entry; `label` is called per request so it is translated."""
    if all(link[0] != endpoint for link in _LINKS):
        _LINKS.append((endpoint, label, roles))


def init_app(app: Flask) -> None:
    @app.context_processor
    def _staff_links() -> dict[str, object]:
        return {"staff_links": lambda: [(e, label(), r) for e, label, r in _LINKS]}
