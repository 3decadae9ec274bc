"""heard retention apply | heard erase --receipt CODE"""

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

from feedback.services.surveys.lifecycle import apply_retention, expire_closed_alerts, withdraw

retention = AppGroup("retention", help="Delete responses past each survey's retention period.")


@retention.command("apply")
@click.option("--dry-run", is_flag=True, help="Only say what would be deleted.")
def apply(dry_run: bool) -> None:
    """Delete answers and text analysis past retention, and closed alerts past theirs.

    Alerts on the deleted responses are kept as safeguarding records (with what was
    written); a closed alert goes HEARD_ALERT_RETENTION_DAYS after it was closed.
    """
    delete, keep = ("would delete", "would keep") if dry_run else ("deleted", "kept")
    for r in apply_retention(dry_run=dry_run):
        click.echo(
            f"{r.survey}: {delete} {r.responses} responses, {r.answers} answers, "
            f"{r.analyses} text analyses; {keep} {r.alerts} alerts "
            f"(before {r.cutoff:%Y-%m-%d})"
        )
    days = int(current_app.config["HEARD_ALERT_RETENTION_DAYS"])
    expiry = expire_closed_alerts(days, dry_run=dry_run)
    click.echo(
        f"alerts: {delete} {expiry.alerts} closed alerts "
        f"(closed before {expiry.cutoff:%Y-%m-%d}, response gone)"
    )
    from feedback.services.assurance.retention import expire_rounds

    rounds = expire_rounds(int(current_app.config["HEARD_AUDIT_RETENTION_DAYS"]), dry_run=dry_run)
    click.echo(
        f"audits: {delete} {rounds.rounds} Section 11 and case audit rounds "
        f"(deadline before {rounds.cutoff:%Y-%m-%d})"
    )


@click.command("erase")
@click.option("--receipt", required=True, help="The receipt code from the thank-you page.")
@with_appcontext
def erase(receipt: str) -> None:
    """Remove the response with this receipt code (a respondent's withdrawal)."""
    if not withdraw(receipt):
        raise click.ClickException("No response has that receipt code (it may be removed already).")
    click.echo(
        "Removed the response and everything stored with it, except any safeguarding "
        "alert on it, which is kept as a record."
    )
