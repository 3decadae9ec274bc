"""heard export SLUG --format csv|xlsx|json [-o FILE] [--long] [--raw-text] [--period P]"""

from __future__ import annotations

import sys

import click
from flask.cli import with_appcontext
from tqdm import tqdm

from analysis.periods import parse_period
from feedback.services.audit import audit
from feedback.services.outcomes.exports import FORMATS, ExportRequest, count_responses, write_export
from feedback.services.surveys.lookup import survey_by_slug


@click.command("export")
@click.argument("slug")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="File format.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="File to write (CSV and JSON go to standard output without it).",
)
@click.option("--long", "long_", is_flag=True, help="CSV with one row per answer.")
@click.option(
    "--raw-text",
    is_flag=True,
    help="Unredacted free text (recorded in the audit log; flagged texts stay withheld).",
)
@click.option("--period", default="all", show_default=True, help="2026-H1, 2026-Q3, FY2026 or all.")
@with_appcontext
def export_command(
    slug: str, fmt: str, output: str | None, long_: bool, raw_text: bool, period: str
) -> None:
    """Export one survey's responses, streamed in constant memory."""
    try:
        when = parse_period(period)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--period") from exc
    try:
        survey = survey_by_slug(slug)
    except LookupError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "xlsx" and not output:
        raise click.UsageError("An XLSX workbook is binary: give a file with -o.")
    try:
        request = ExportRequest(survey, fmt, long=long_, raw=raw_text, period=when)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    audit(f"export.{fmt}", "survey", survey.id, via="cli", **request.audit_detail())
    total = None if long_ else count_responses(survey, when)
    with tqdm(total=total, desc=f"export {slug}", unit="row", file=sys.stderr, disable=None) as bar:
        if output is None:
            write_export(request, sys.stdout, progress=bar.update)
        elif fmt == "xlsx":
            write_export(request, output, progress=bar.update)
        else:
            with open(output, "w", encoding="utf-8", newline="") as target:
                write_export(request, target, progress=bar.update)
    if output:
        click.echo(f"Wrote {output}", err=True)
