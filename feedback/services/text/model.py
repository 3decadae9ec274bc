"""Which learned model Heard analyses with: the shipped one, or this instance's own.

A local model (`heard text train --with-labels`) lives in HEARD_TEXT_MODEL_DIR (by
default the instance folder's ``text-model``), which is never committed or shipped. At
start-up, unless HEARD_LOCAL_TEXT_MODEL is ``off``, Heard reads its description and the
shipped model's and uses the local one only when analysis.text.local.choose says its
recall on the shipped corpus is no lower. The choice lives here because analysis/ never
reads Flask settings.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flask import Flask, current_app

import analysis.text as analyser
from analysis.text.local import Choice, analyse_with, choose
from analysis.text.model import MODEL_DIR, LearnedModel, load_model, model_paths
from analysis.text.result import TextResult

#: Where the shipped model is read from (tests point it at a model of their own).
SHIPPED_DIR = MODEL_DIR
MODEL_KEY = "heard.text_model"
CHOICE_KEY = "heard.text_model_choice"


def local_dir(app: Flask | None = None) -> Path:
    """The folder of this instance's local model."""
    app = app or current_app
    configured = app.config.get("HEARD_TEXT_MODEL_DIR")
    return Path(configured) if configured else Path(app.instance_path) / "text-model"


def read_meta(directory: Path) -> dict[str, Any] | None:
    """A model's ``.json`` description, or None when there is no model there."""
    npz, meta = model_paths(directory)
    if not npz.exists() or not meta.exists():
        return None
    try:
        return json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def decide(app: Flask) -> Choice:
    """Whether this instance should analyse with its local model (reads two small files)."""
    if str(app.config.get("HEARD_LOCAL_TEXT_MODEL", "auto")).lower() in ("off", "0", "no"):
        return Choice(False, "HEARD_LOCAL_TEXT_MODEL is off")
    return choose(read_meta(local_dir(app)), read_meta(SHIPPED_DIR))


def init_app(app: Flask) -> None:
    """Load the local model at start-up when it exists and earns its place."""
    app.extensions[MODEL_KEY] = None
    if read_meta(local_dir(app)) is None:
        return  # the usual case: nothing to decide, nothing logged
    choice = decide(app)
    app.extensions[CHOICE_KEY] = choice
    if not choice.use:
        app.logger.warning(
            "not using the local text model in %s: %s", local_dir(app), choice.reason
        )
        return
    app.extensions[MODEL_KEY] = load_model(local_dir(app))
    app.logger.info("using the local text model in %s: %s", local_dir(app), choice.reason)


def active_model(app: Flask | None = None) -> LearnedModel | None:
    """The local model when Heard uses one; None means the shipped analyser."""
    return (app or current_app).extensions.get(MODEL_KEY)


def analyse(text: str, language: str | None, **options: Any) -> TextResult:
    """analysis.text.analyse_text, with the local model as the learned tier when in use."""
    model = active_model()
    if model is None:
        return analyser.analyse_text(text, language, **options)
    return analyse_with(model, text, language, **options)
