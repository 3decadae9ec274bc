"""heard retention apply | heard erase --receipt CODE"""

import click
from flask.cli import AppGroup, with_appcontext

from feedback.services.lifecycle import apply_retention, withdraw

retention = AppGroup("retention", help="Delete responses past each survey's retention period.")


@retention.command("apply")
@click.option("--dry-run", is_flag=True, help="Only say what would be deleted.")
def apply(dry_run: bool) -> None:
    """Delete answers, text analysis, alerts and contact details past retention."""
    for r in apply_retention(dry_run=dry_run):
        verb = "would delete" if dry_run else "deleted"
        click.echo(
            f"{r.survey}: {verb} {r.responses} responses, {r.answers} answers, "
            f"{r.analyses} text analyses, {r.alerts} alerts (before {r.cutoff:%Y-%m-%d})"
        )


@click.command("erase")
@click.option("--receipt", required=True, help="The receipt code from the thank-you page.")
@with_appcontext
def erase(receipt: str) -> None:
    """Remove the response with this receipt code (a respondent's withdrawal)."""
    if not withdraw(receipt):
        raise click.ClickException("No response has that receipt code (it may be removed already).")
    click.echo("Removed the response and everything stored with it.")
