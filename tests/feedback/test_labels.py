"""One name for each thing: every id analysis exports has one label, the same on every page."""

from __future__ import annotations

import ast
import html
import re
from pathlib import Path

from flask import Flask

from analysis.text.concern_rules import CATEGORIES
from analysis.text.themes import THEMES
from feedback import labels
from feedback.models import ROLES, SECTORS
from feedback.models.alert import SOURCES, STATES
from tests.feedback.staff_helpers import signed_in
from tests.feedback.test_focus_groups import NOTE_LISTENED, _auto_themes, _record
from tests.feedback.textdata import add_text

FEEDBACK = Path(labels.__file__).resolve().parent
TEXT = "The worker treated my mum and me with respect every single time."


def _label_tables() -> list[tuple[Path, set[str]]]:
    """(file, keys) of every dict literal in feedback/ whose values are all lazy_gettext calls."""
    found = []
    for path in FEEDBACK.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Dict) or not node.keys:
                continue
            values_lazy = all(
                isinstance(v, ast.Call) and getattr(v.func, "id", "") in ("_l", "lazy_gettext")
                for v in node.values
            )
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            if values_lazy and keys:
                found.append((path, {str(k) for k in keys}))
    return found


def test_every_theme_and_concern_category_has_exactly_one_label() -> None:
    assert list(labels.THEME_LABELS) == list(THEMES)
    assert list(labels.CATEGORY_LABELS) == list(CATEGORIES)
    assert list(labels.ROLE_LABELS) == list(ROLES)
    assert list(labels.SECTOR_LABELS) == list(SECTORS)
    assert list(labels.ALERT_STATE_LABELS) == list(STATES)
    assert list(labels.ALERT_SOURCE_LABELS) == list(SOURCES)
    # No second table naming the same ids anywhere else in the app.
    ids = set(THEMES) | set(CATEGORIES) | set(ROLES) | set(STATES) | set(SOURCES)
    elsewhere = [
        path.relative_to(FEEDBACK.parent)
        for path, keys in _label_tables()
        if keys & ids and path.name != "labels.py"
    ]
    assert elsewhere == []


def test_labels_are_template_globals_and_unknown_ids_read_as_words(app: Flask) -> None:
    with app.test_request_context():
        assert app.jinja_env.globals["theme_label"] is labels.theme_label
        assert labels.theme_label("respected") == "Respect and being valued"
        assert labels.theme_label("school_transport") == "School transport"
        assert labels.category_label("asks_for_help") == "Asks for help"


def _analyst_themes(app: Flask) -> list[str]:
    with app.app_context():
        for i in range(11):  # enough answers that the survey's figures are shown
            add_text("children-8-11", f"Reply {i} was fine.", [], closed={"listened": "happy"})
        add_text("children-8-11", TEXT, [("respected", "positive")])
    page = signed_in(app, "analyst").get("/analyse/surveys/children-8-11?period=all")
    assert page.status_code == 200 and TEXT in page.get_data(as_text=True)
    return re.findall(r"<h3>([^<]+)</h3>", page.get_data(as_text=True))


def _facilitator_suggestions(app: Flask) -> list[str]:
    client, session_id = _record(app)
    _auto_themes(app, session_id, {NOTE_LISTENED: ["respected"]})
    page = client.get(f"/facilitate/sessions/{session_id}").get_data(as_text=True)
    return re.findall(r'<span class="suggested">Suggested: ([^<]+)</span>', page)


def test_an_analyst_and_a_facilitator_read_the_same_words_for_a_theme(
    library_loaded: Flask,
) -> None:
    app = library_loaded
    analyst = [html.unescape(h).strip() for h in _analyst_themes(app)]
    facilitator = [
        name.strip()
        for line in _facilitator_suggestions(app)
        for name in html.unescape(line).split(",")
    ]
    assert "Respect and being valued" in analyst
    assert "Respect and being valued" in facilitator
