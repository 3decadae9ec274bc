"""heard surveys load|validate|list"""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask.cli import AppGroup

from feedback.services.surveys.versions import SlugTaken, load_survey, survey_summaries
from forms.loader import DefinitionError, is_survey_file, load_definition, validate_file

surveys = AppGroup("surveys", help="Survey definitions.")


def _expand(paths: tuple[str, ...]) -> list[Path]:
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(
                p
                for p in path.iterdir()
                if p.suffix in (".yaml", ".yml", ".xlsx") and is_survey_file(p)
            )
        else:
            found.append(path)
    return found


@surveys.command("load")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option(
    "--skip-unsupported",
    is_flag=True,
    help="For an XLSForm (.xlsx): import the rest and list the rows Heard cannot keep.",
)
def load(paths: tuple[str, ...], skip_unsupported: bool) -> None:
    """Load definitions from PATH (a file or a folder); a changed one becomes a new version.

    PATH may be a YAML definition or an XLSForm workbook (.xlsx, from ODK or KoboToolbox).
    """
    failed = False
    for path in _expand(paths):
        try:
            if skip_unsupported and path.suffix.lower() == ".xlsx":
                from forms.xlsform import load_workbook

                definition, found = load_workbook(path.read_bytes(), str(path), True)
                for skipped in found.unsupported:
                    click.echo(f"skipped: {skipped}", err=True)
            else:
                definition = load_definition(path)
            result = load_survey(definition, source=path.name)
        except SlugTaken as exc:  # the survey's link is a campaign's of another survey
            failed = True
            click.echo(f"{path}: {exc.problems[0]}", err=True)
            continue
        except DefinitionError as exc:
            failed = True
            for problem in exc.problems:
                click.echo(problem, err=True)
            continue
        state = "new version" if result.created else "unchanged"
        click.echo(f"{definition.slug}: version {result.version.number} ({state})")
    if failed:
        raise SystemExit(1)


@surveys.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True))
def validate(files: tuple[str, ...]) -> None:
    """Check definitions; exit 1 with one clear message per problem."""
    problems = [p for path in _expand(files) for p in validate_file(path)]
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        raise SystemExit(1)
    click.echo("All definitions are valid.")


@surveys.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
def list_surveys(fmt: str) -> None:
    """List surveys with their current version and number of responses."""
    rows = survey_summaries()
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    if not rows:
        click.echo("No surveys yet. Load some with: heard surveys load forms/library")
        return
    click.echo(f"{'slug':<24} {'audience':<13} {'ver':>3} {'responses':>9}  title")
    for r in rows:
        version = "-" if r["version"] is None else str(r["version"])  # none loaded yet
        counts = f"{version:>3} {r['responses']:>9}"
        click.echo(f"{r['slug']:<24} {r['audience']:<13} {counts}  {r['title']}")
