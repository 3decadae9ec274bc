"""What each blueprint adds to the staff pages: menu entries and panels on the home page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask
from flask_babel import lazy_gettext as _l
from flask_login import current_user

StaffLink = tuple[str, Callable[[], str], tuple[str, ...]]
#: (template to include, a function giving its context, the roles that see it)
HomePanel = tuple[str, Callable[[], dict[str, Any]], tuple[str, ...]]
_LINKS: list[StaffLink] = []
_PANELS: list[HomePanel] = []

#: The menu's groups, in order: a role with more than FLAT_LIMIT links sees these as
#: disclosure menus, so the menu stays on one line of a laptop screen (1280 px).
GROUPS = {
    "protect": _l("Safeguarding"),
    "analysis": _l("Analysis"),
    "collect": _l("Collecting views"),
    "manage": _l("Administration"),
}
FLAT_LIMIT = 5
#: the group of each menu entry (add_staff_link(group=...) for a new one; else "manage")
_GROUP_OF: dict[str, str] = {
    "safeguarding.index": "protect",
    "safeguarding.reading": "protect",
    "analyse.index": "analysis",
    "analyse.report": "analysis",
    "admin.campaigns": "collect",
    "staff.courses": "collect",
    "facilitate.sessions": "collect",
    "facilitate.paper": "collect",
}


def add_staff_link(
    endpoint: str, label: Callable[[], str], roles: tuple[str, ...], group: str | None = None
) -> None:
    """Register a menu entry; `label` is called per request so it is translated.

    `group` is one of GROUPS: where the entry goes when a role's menu is grouped."""
    if all(link[0] != endpoint for link in _LINKS):
        _LINKS.append((endpoint, label, roles))
    if group is not None:
        _GROUP_OF[endpoint] = group


#: one menu item: (group label or None for a plain link, [(endpoint, label), ...])
MenuItem = tuple[str | None, list[tuple[str, str]]]


def staff_menu() -> list[MenuItem]:
    """The signed-in person's menu: plain links, or grouped when there are too many."""
    role = getattr(current_user, "role", None)
    mine = [(endpoint, label()) for endpoint, label, roles in _LINKS if role in roles]
    if len(mine) <= FLAT_LIMIT:
        return [(None, [link]) for link in mine]
    menu: list[MenuItem] = []
    for key, title in GROUPS.items():
        links = [link for link in mine if _GROUP_OF.get(link[0], "manage") == key]
        if len(links) == 1:
            menu.append((None, links))
        elif links:
            menu.append((str(title), links))
    return menu


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
            "staff_menu": staff_menu,
        }
