"""heard translations status: how complete and how reviewed each language's catalogs are."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click
from flask import current_app
from flask.cli import AppGroup

from feedback import catalogs
from feedback.i18n import LANGUAGE_NAMES

if TYPE_CHECKING:
    from forms.schema import Definition

translations = AppGroup("translations", help="Translation catalogs.")


def _library() -> list[Definition]:
    from forms.loader import library_paths, load_definition

    return [load_definition(path) for path in library_paths()]


@translations.command("status")
@click.option("--check", is_flag=True, help="Exit 1 when a language is missing a string.")
@click.option("--verbose", "-v", is_flag=True, help="List the strings each language lacks.")
def status(check: bool, verbose: bool) -> None:
    """Per language: review status, interface strings translated, bundled surveys complete.

    Counts come from the compiled catalogs, so run `make translations` (or
    `make translations-compile`) first.
    """
    folder = Path(current_app.config.get("HEARD_TRANSLATIONS_DIR") or catalogs.TRANSLATIONS)
    definitions = _library()
    incomplete = False
    click.echo(f"{'lang':<5} {'status':<9} {'interface':>10} {'surveys':>8} {'fuzzy':>6}  note")
    for row in catalogs.report(definitions, folder):
        done = row.interface_total - len(row.interface_missing)
        surveys_done = sum(1 for missing in row.surveys_missing.values() if not missing)
        click.echo(
            f"{row.code:<5} {row.status:<9} {done:>5}/{row.interface_total:<4} "
            f"{surveys_done:>3}/{len(definitions):<4} {row.fuzzy:>6}  "
            f"{LANGUAGE_NAMES.get(row.code, row.code)}: {row.note}"
        )
        incomplete = incomplete or not row.complete or row.fuzzy > 0
        if verbose:
            for text in row.interface_missing:
                click.echo(f"      interface: {text!r}")
            for slug, missing in row.surveys_missing.items():
                for text in missing:
                    click.echo(f"      {slug}: {text!r}")
    if check and incomplete:
        raise SystemExit(1)
