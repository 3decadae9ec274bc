"""heard reading status [--format json|table]: how much of the children's free text is unread."""

from __future__ import annotations

import json

import click
from flask.cli import AppGroup

reading = AppGroup("reading", help="The safeguarding leads' reading list.")


@reading.command("status")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "table"]),
    default="table",
    show_default=True,
    help='json: {"unread": N, "overdue": M, "oldest_hours": H} (H null when nothing waits).',
)
def status(fmt: str) -> None:
    """Texts unread, how many are overdue, and how long the oldest has waited (hours)."""
    from feedback.services.safeguarding.reading import read_within_hours, reading_counts

    counts = reading_counts()
    if fmt == "json":
        click.echo(json.dumps(counts.as_json()))
        return
    click.echo(f"unread        {counts.unread}")
    click.echo(f"overdue       {counts.overdue}  (unread after {read_within_hours()} hours)")
    oldest = "-" if counts.oldest_hours is None else f"{counts.oldest_hours:.1f}"
    click.echo(f"oldest hours  {oldest}")
