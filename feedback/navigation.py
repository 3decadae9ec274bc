"""What each blueprint adds to the staff pages: menu entries and panels on the home page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask
from flask_login import current_user

StaffLink = tuple[str, Callable[[], str], tuple[str, ...]]
#: (template to include, a function giving its context, the roles that see it)
HomePanel = tuple[str, Callable[[], dict[str, Any]], tuple[str, ...]]
_LINKS: list[StaffLink] = []
_PANELS: list[HomePanel] = []


def add_staff_link(endpoint: str, label: Callable[[], str], roles: tuple[str, ...]) -> None:
    """Register a menu entry; `label` is called per request so it is translated."""
    if all(link[0] != endpoint for link in _LINKS):
        _LINKS.append((endpoint, label, roles))


def add_home_panel(
    template: str, context: Callable[[], dict[str, Any]], roles: tuple[str, ...]
) -> None:
    """Show `template` on the staff home of `roles`; `context` is called per request."""
    if all(panel[0] != template for panel in _PANELS):
        _PANELS.append((template, context, roles))


def _home_panels() -> list[tuple[str, dict[str, Any]]]:
    role = getattr(current_user, "role", None)
    return [(template, context()) for template, context, roles in _PANELS if role in roles]


def init_app(app: Flask) -> None:
    @app.context_processor
    def _staff_links() -> dict[str, object]:
        return {
            "staff_links": lambda: [(e, label(), r) for e, label, r in _LINKS],
            "home_panels": _home_panels,
        }
