"""heard audits load FILE: the command-line counterpart of the audit definitions page."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup

from feedback.services.assurance.definitions import store_upload
from forms.loader import DefinitionError

audits = AppGroup("audits", help="Audit definitions (Section 11 and case audits).")


@audits.command("load")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--for",
    "round_kind",
    type=click.Choice(["section11", "case_audit"]),
    default="section11",
    show_default=True,
    help="The kind of round the definition opens.",
)
def load(path: str, round_kind: str) -> None:
    """Check and keep the audit definition in PATH (YAML); every problem is printed and
    nothing is stored unless there are none. A changed file becomes a new version."""
    file = Path(path)
    try:
        stored = store_upload(file.read_bytes(), file.name, round_kind, by=None)
    except DefinitionError as exc:
        for problem in exc.problems:
            click.echo(problem, err=True)
        raise SystemExit(1) from None
    state = "new version" if stored.created else "unchanged"
    click.echo(f"{stored.version.slug}: version {stored.version.number} ({state})")
