"""heard dataset import|validate FILE.csv: the partnership dataset's figures per period."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup
from tqdm import tqdm

dataset = AppGroup("dataset", help="The partnership dataset (indicators per period).")
#: more rows than this and the import shows a progress bar
LONG = 2000


def _read(path: str) -> bytes:
    return Path(path).read_bytes()


@dataset.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def import_command(file: str) -> None:
    """Import FILE.csv (columns indicator,period,value); every bad row is named, nothing stored.

    A figure already held for an indicator and period is replaced (and audited).
    """
    from feedback.services.evidence.dataset import DatasetError, import_dataset

    content = _read(file)
    rows = content.count(b"\n")
    try:
        if rows > LONG:
            with tqdm(total=rows, desc="importing", unit="row", disable=None) as bar:
                result = import_dataset(content, Path(file).name, progress=bar.update)
        else:
            result = import_dataset(content, Path(file).name)
    except DatasetError as exc:
        for problem in exc.problems:
            click.echo(problem, err=True)
        click.echo("Nothing was imported.", err=True)
        raise SystemExit(1) from None
    total = result.added + result.replaced
    periods = ", ".join(result.periods)
    click.echo(f"Imported {total} figures for {periods} ({result.replaced} replaced).")


@dataset.command("validate")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def validate_command(file: str) -> None:
    """Check FILE.csv against the indicators in use; exit 1 naming every bad row."""
    from feedback.services.evidence.dataset import DatasetError, parse_upload

    try:
        rows = parse_upload(_read(file), Path(file).name)
    except DatasetError as exc:
        for problem in exc.problems:
            click.echo(problem, err=True)
        raise SystemExit(1) from None
    click.echo(f"All {len(rows)} rows are valid.")
