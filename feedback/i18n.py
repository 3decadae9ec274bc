"""Language choice and text direction for every page.

The order is the contract of the languages issue: ?lang=xx, the choice remembered for this
visit, the browser's Accept-Language, then the survey's default.
"""

from __future__ import annotations

from flask import Flask, g, request, session
from flask_babel import get_locale

from feedback.extensions import babel

#: languages Heard's public pages are offered in, named in themselves
LANGUAGE_NAMES = {
    "en": "English",
    "pa": "ਪੰਜਾਬੀ",
    "pl": "Polski",
    "ur": "اردو",
    "ro": "Română",
    "gu": "ગુજરાતી",
    "ta": "தமிழ்",
    "ar": "العربية",
    "so": "Soomaali",
}
RTL = {"ar", "ur", "fa", "he", "ps", "ckb", "yi"}


def offered_languages() -> list[str]:
    """Languages the current page may be shown in (a survey narrows this in g)."""
    return list(getattr(g, "offered_languages", None) or ["en"])


def select_locale() -> str:
    offered = offered_languages()
    forced = g.get("forced_locale")
    if forced in offered:
        return forced
    wanted = request.args.get("lang")
    if wanted in offered:
        session["lang"] = wanted
        return wanted
    remembered = session.get("lang")
    if remembered in offered:
        return remembered
    best = request.accept_languages.best_match(offered)
    return best or offered[0]


def text_direction() -> str:
    return "rtl" if str(get_locale()).split("_")[0] in RTL else "ltr"


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)

    @app.context_processor
    def _language_context() -> dict[str, object]:
        return {
            "get_locale": get_locale,
            "text_direction": text_direction,
            "LANGUAGE_NAMES": LANGUAGE_NAMES,
            "offered_languages": offered_languages,
        }
