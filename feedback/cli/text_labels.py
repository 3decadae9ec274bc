"""`heard text labels export -o FILE --as EMAIL`: leads' decisions as training labels."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext


@click.group("labels")
def labels_group() -> None:
    """Labels made by people: reading decisions and closed alerts."""


@labels_group.command("export")
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The JSON-lines file to write (keep it in the instance folder).",
)
@click.option(
    "--as",
    "email",
    required=True,
    help="Your e-mail address: an active admin or safeguarding lead (the export is audited).",
)
@with_appcontext
def export_command(output: Path, email: str) -> None:
    """Write every reading decision and closed alert as a labelled text (corpus format).

    The file holds children's words as written: it is readable by its owner only, and
    belongs in the instance folder beside the local model, never in a repository.
    """
    from feedback.services.people.users import user_by_email
    from feedback.services.text.training_labels import export_labels

    user = user_by_email(email.strip().lower())
    if user is None:
        raise click.ClickException(f"There is no account {email}.")
    try:
        count = export_labels(output, user)
    except PermissionError as exc:
        raise click.ClickException(
            f"{email} may not export labels: only an active admin or safeguarding lead may."
        ) from exc
    instance = Path(current_app.instance_path).resolve()
    if not output.resolve().is_relative_to(instance):
        click.echo(
            f"Warning: {output} is outside the instance folder ({instance}). It holds "
            "children's words as written: keep it on this server, and delete it when done.",
            err=True,
        )
    click.echo(f"Wrote {count} labels to {output}.")
