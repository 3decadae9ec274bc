"""heard outcomes SLUG [--period P] [--by FIELD] [--pool] [--format json|table]"""

from __future__ import annotations

import json

import click
from flask.cli import with_appcontext

from analysis.outcomes import OutcomeRow
from feedback.services.outcomes.rows import (
    BadBreakdown,
    BadPeriod,
    UnknownSurvey,
    survey_outcome_rows,
)

#: Click's own exit status for a usage error: a wrong slug, period or field is one too.
USAGE_ERROR = 2


def _fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)
    raise SystemExit(USAGE_ERROR)


def _interval(row: OutcomeRow) -> str:
    if row.suppressed:
        return f"fewer than {row.min_n}"
    return f"{row.ci_low:.1f} to {row.ci_high:.1f}"


def _table(rows: list[OutcomeRow]) -> str:
    header = ("outcome", "survey", "group", "n", "%", "95% CI", "change")
    lines = [header]
    for row in rows:
        group = "" if row.group is None else "; ".join(f"{k}={v}" for k, v in row.group.items())
        lines.append(
            (
                row.statement,
                row.survey or "",
                group or "everyone",
                str(row.denominator),
                "suppressed" if row.suppressed else f"{row.percent:.1f}%",
                _interval(row),
                row.change,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )


@click.command("outcomes")
@click.argument("slug")
@click.option(
    "--period", default="all", show_default=True, help="2026-H1, 2026-H2, 2026-Q3, FY2026 or all."
)
@click.option(
    "--by",
    default=None,
    help="Break down by survey, age_band, campaign, service, language, mode, "
    "completed_with_help or a closed question id.",
)
@click.option("--pool", is_flag=True, help="Add rows pooling the surveys that share an outcome id.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@with_appcontext
def outcomes_command(slug: str, period: str, by: str | None, pool: bool, fmt: str) -> None:
    """Outcome statements of survey SLUG with 95% intervals and the change since last period.

    Rows with fewer answers than the survey's min_n are suppressed: counted, never shown.
    """
    try:
        rows = survey_outcome_rows(slug, period, by, pool)
    except (UnknownSurvey, BadPeriod, BadBreakdown) as exc:
        _fail(str(exc.args[0] if exc.args else exc))
        return
    if fmt == "json":
        click.echo(json.dumps([row.to_json() for row in rows], ensure_ascii=False, indent=1))
    else:
        click.echo(_table(rows))
