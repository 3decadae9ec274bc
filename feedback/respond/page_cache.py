"""Respondent pages drawn once and reused, with holes for what differs per respondent.

The consent page, a screen nobody has typed on yet and the thank-you page are the same
for every respondent of a link in a language, except for the CSRF token and the signed
draft. Drawing them (layout, language picker, translated strings) was about a fifth of a
survey's server CPU (bench/NOTES.md), so each is drawn once per key and later requests
fill its holes with their own token and draft.

The key holds everything these templates read that can differ between requests: the
caller's part (link, kiosk, access code, screen, concern...), the language and offered
languages, the script root and endpoint (url_for), and the settings the layout shows.
Objects that are cached elsewhere (the parsed definition, a page, the drawn questions)
are compared by identity, so a new survey version never meets an old page. A page is
never cached while flash messages wait (the layout would consume them) and a hole's
value must appear exactly once in the page, or the page is simply not cached.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Hashable, Mapping
from typing import Any

from flask import current_app, g, request, session
from flask_babel import get_locale

_MAX_PAGES = 512
#: unguessable per process, so no survey text can contain a hole's marker
_NONCE = secrets.token_hex(8)


def _marker(name: str) -> str:
    return f"\x1e{name}:{_NONCE}\x1e"


def _settings() -> tuple[Any, ...]:
    config = current_app.config
    return (
        config.get("HEARD_QUICK_EXIT_URL"),
        config.get("HEARD_KIOSK_IDLE_SECONDS"),
        config.get("HEARD_KIOSK_THANKS_SECONDS"),
        config.get("HEARD_KIOSK_CONCERN_SECONDS"),
        repr(config.get("HEARD_HELP_LINES")),
        config.get("HEARD_SERVICE_CONTACT"),
    )


def reuse_page(
    key: tuple[Hashable, ...],
    same: tuple[object, ...],
    draw: Callable[[], str],
    holes: Mapping[str, str],
) -> str:
    """The page `draw()` makes for `key`, drawn once; `holes` are this request's values.

    `same`: objects the page was drawn from that must be the very same ones (by identity)
    for the cached page to be reused.
    """
    if "_flashes" in session:
        return draw()
    pages: dict[tuple[Any, ...], tuple[tuple[object, ...], str]] = (
        current_app.extensions.setdefault("heard.respond_pages", {})
    )
    full_key = (
        key,
        str(get_locale()),
        tuple(getattr(g, "offered_languages", ()) or ()),
        request.script_root,
        request.endpoint,
        _settings(),
    )
    cached = pages.get(full_key)
    if cached is not None and all(a is b for a, b in zip(cached[0], same, strict=True)):
        page = cached[1]
        for name, value in holes.items():
            page = page.replace(_marker(name), value)
        return page
    page = draw()
    template = page
    for name, value in holes.items():
        if not value or template.count(value) != 1:
            return page
        template = template.replace(value, _marker(name))
    if len(pages) >= _MAX_PAGES:
        pages.clear()  # bounded: links x languages x screens
    pages[full_key] = (same, template)
    return page
