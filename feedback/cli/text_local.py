"""The local half of `heard text train --with-labels`: where the model goes, and the verdict.

A local model is written to the instance's model folder (HEARD_TEXT_MODEL_DIR), never
into analysis/text/models; its figures are printed beside the shipped model's, with
whether Heard will use it from its next start.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from flask import Flask, current_app
from flask.cli import ScriptInfo


def _app() -> Flask:
    if current_app:
        # current_app is typed as Flask, but is a proxy: this is the app behind it.
        return current_app._get_current_object()  # type: ignore[attr-defined]
    context = click.get_current_context()
    app = context.ensure_object(ScriptInfo).load_app()
    context.with_resource(app.app_context())
    return app


def local_target() -> Path:
    """This instance's local model folder (the `heard` app's settings decide where)."""
    from feedback.services.text.model import local_dir

    return local_dir(_app())


def report_local(meta: dict[str, Any]) -> None:
    """Print the local model's corpus figures beside the shipped model's, and the verdict."""
    from analysis.text.local import choose, format_comparison
    from feedback.services.text.model import SHIPPED_DIR, read_meta

    app = _app()
    shipped = read_meta(SHIPPED_DIR)
    click.echo("")
    click.echo(format_comparison(meta, shipped))
    choice = choose(meta, shipped)
    if str(app.config.get("HEARD_LOCAL_TEXT_MODEL", "auto")).lower() in ("off", "0", "no"):
        click.echo("HEARD_LOCAL_TEXT_MODEL is off: Heard will keep the shipped model.")
    elif choice.use:
        click.echo(f"Heard will use this local model from its next start: {choice.reason}.")
    else:
        click.echo(f"Heard will keep the shipped model: {choice.reason}.")
