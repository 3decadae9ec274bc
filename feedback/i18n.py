"""Language choice and text direction for every page.

The order is the contract of the languages issue: ?lang=xx, the choice remembered for this
visit, the browser's Accept-Language, then the survey's default. A survey page narrows the
choice to the languages the survey offers (g.offered_languages, set by the respond views
from feedback.catalogs.survey_languages); while a survey is being answered, the language
the draft carries (g.forced_locale) stands in for "the choice remembered for this visit".
"""

from __future__ import annotations

from pathlib import Path

from flask import Flask, current_app, g, has_request_context, request, session
from flask_babel import get_locale, gettext

from feedback import catalogs
from feedback.catalogs import ROOT
from feedback.extensions import babel
from forms.schema import Definition

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
#: blueprints whose pages a respondent reads; every other page stays in English for now
PUBLIC_BLUEPRINTS = {"respond"}


def offered_languages() -> list[str]:
    """Languages the current page may be shown in (a survey narrows this in g)."""
    offered = getattr(g, "offered_languages", None)
    if offered:
        return list(offered)
    if has_request_context() and _public_page():
        # An error page reached from a survey link (closed survey, mistyped link) speaks
        # the respondent's language when the interface is complete in it.
        return interface_languages()
    return ["en"]


def _public_page() -> bool:
    return request.blueprint in PUBLIC_BLUEPRINTS or request.url_rule is None


def _catalog_dir() -> Path:
    return Path(current_app.config.get("HEARD_TRANSLATIONS_DIR") or catalogs.TRANSLATIONS)


def interface_languages() -> list[str]:
    """English plus every language whose compiled catalog has the whole public interface."""
    wanted, folder = catalogs.public_messages(), _catalog_dir()
    complete = [c for c in LANGUAGE_NAMES if not catalogs.missing_strings(c, wanted, folder)]
    return ["en"] + [c for c in complete if c != "en"]


def survey_languages(definition: Definition) -> list[str]:
    """The languages *definition* lists whose catalogs are complete (its default first)."""
    return catalogs.survey_languages(definition, _catalog_dir())


def select_locale() -> str:
    """Flask-Babel's locale selector: the first of the contract's sources that is offered."""
    if not has_request_context():  # the command line (messages from shared services)
        return current_app.config.get("BABEL_DEFAULT_LOCALE", "en")
    offered = offered_languages()
    wanted = request.args.get("lang")
    if wanted in offered:
        session["lang"] = wanted
        return wanted
    forced = g.get("forced_locale")
    if forced in offered:
        if request.method == "POST":
            # the survey's own language: the draft's, or the picker button's posted `lang`
            # (request.form is not read here: an error page for a too-large body needs a
            # locale too, and reading the form again would raise). Written only when it
            # changes: an unchanged session is not signed and sent again with every page.
            if session.get("lang") != forced:
                session["lang"] = forced
        return forced
    remembered = session.get("lang")
    if remembered in offered:
        return remembered
    best = request.accept_languages.best_match(offered)
    return best or offered[0]


def survey_text(text: str | None) -> str:
    """Survey wording in the respondent's language (the `surveys` catalog), else as written."""
    if not text:
        return text or ""
    return gettext(text)


def text_direction() -> str:
    return "rtl" if str(get_locale()).split("_")[0] in RTL else "ltr"


def _resolve_directories(app: Flask) -> None:
    """Make BABEL_TRANSLATION_DIRECTORIES absolute, one entry per domain.

    Flask-Babel resolves a relative folder against the package (feedback/), not the
    project, and pairs the N-th domain of BABEL_DOMAIN with the N-th directory: with one
    directory and "messages;surveys" it would never load the surveys catalog.
    """
    domains = app.config["BABEL_DOMAIN"].split(";")
    folders = [
        str(p if Path(p).is_absolute() else ROOT / p)
        for p in app.config["BABEL_TRANSLATION_DIRECTORIES"].split(";")
    ]
    if len(folders) < len(domains):
        folders += [folders[-1]] * (len(domains) - len(folders))
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = ";".join(folders)
    app.config.setdefault("HEARD_TRANSLATIONS_DIR", folders[0])


def init_app(app: Flask) -> None:
    _resolve_directories(app)
    babel.init_app(app, locale_selector=select_locale)

    @app.context_processor
    def _language_context() -> dict[str, object]:
        return {
            "get_locale": get_locale,
            "text_direction": text_direction,
            "LANGUAGE_NAMES": LANGUAGE_NAMES,
            "offered_languages": offered_languages,
        }
