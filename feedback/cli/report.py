"""heard report [SLUG...] --period P --format html|pdf -o FILE"""

from __future__ import annotations

import time
from pathlib import Path

import click
from flask import current_app, g
from flask.cli import with_appcontext

from analysis.periods import parse_period
from feedback.services.audit import audit
from feedback.services.outcomes.report import build_report, render_html, render_pdf


@click.command("report")
@click.argument("slugs", nargs=-1)
@click.option("--period", required=True, help="2026-H1, 2026-Q3, FY2026 or all.")
@click.option(
    "--format", "fmt", type=click.Choice(["html", "pdf"]), default="html", show_default=True
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, writable=True),
    help="File to write.",
)
@with_appcontext
def report_command(slugs: tuple[str, ...], period: str, fmt: str, output: str) -> None:
    """The Board report for SLUGS (every survey when none) as one HTML file or a PDF."""
    try:
        when = parse_period(period)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--period") from exc
    started = time.perf_counter()
    # Labels and templates are translated per request: give them one (English, no user).
    with current_app.test_request_context("/"):
        # English, said outright: a request with no route counts as a respondent's error
        # page, whose languages are found by reading every public template (0.14 s).
        g.offered_languages = ["en"]
        try:
            report = build_report(list(slugs), when)
        except LookupError as exc:
            raise click.ClickException(str(exc)) from exc
        audit(f"report.{fmt}", "report", when.label, via="cli", surveys=list(slugs) or "all")
        if fmt == "pdf":
            Path(output).write_bytes(render_pdf(report))
        else:
            Path(output).write_text(render_html(report), encoding="utf-8")
    seconds = time.perf_counter() - started
    click.echo(f"Wrote {output} ({report.total_responses:,} responses, {seconds:.1f} s)", err=True)
