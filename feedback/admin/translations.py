"""/admin/translations: how complete each language is, and whether a translator has checked it.

Admins decide from this page whether a survey may be used with families in a language: a
draft catalog ("awaiting review by a qualified translator") works, but has not been checked
by a person qualified to do so. The review status is edited in translations/STATUS.yaml.
"""

from __future__ import annotations

from pathlib import Path

from flask import current_app, render_template
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l

from feedback import catalogs
from feedback.admin import bp
from feedback.auth import role_required
from feedback.i18n import LANGUAGE_NAMES, RTL, survey_languages
from feedback.navigation import add_staff_link
from feedback.services.surveys.lookup import surveys_by_slug

add_staff_link("admin.translations", lambda: str(_l("Translations")), ("admin",))


@bp.get("/translations")
@role_required("admin")
def translations() -> ResponseReturnValue:
    """Per language: review status, interface strings translated, surveys complete."""
    folder = Path(current_app.config.get("HEARD_TRANSLATIONS_DIR") or catalogs.TRANSLATIONS)
    surveys = surveys_by_slug()
    definitions = [s.current_version.definition for s in surveys if s.current_version]
    rows = list(catalogs.report(definitions, folder))
    offered = {d.slug: survey_languages(d) for d in definitions}
    return render_template(
        "admin/translations.html",
        rows=rows,
        definitions=definitions,
        offered=offered,
        names=LANGUAGE_NAMES,
        rtl=RTL,
    )
