"""`heard text train`: rebuild the learned text models from the corpus.

Plain click: no app, no database. The models land under analysis/text/models/ (or
``--output``) as .npz and .json; the same inputs always give byte-identical files.
With ``--with-labels FILE`` (leads' decisions, `heard text labels export`) the model is
this instance's own: it goes to the local model folder (feedback.cli.text_local).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click


@click.group("text")
def text_group() -> None:
    """The text analyser's learned models."""


@text_group.command("train")
@click.option(
    "--corpus",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Folder of labelled .jsonl files (default: the bundled corpus).",
)
@click.option(
    "--nhs",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="The NHS FFT development CSV, used as ordinary text.",
)
@click.option(
    "--extra",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    multiple=True,
    help="More labelled .jsonl files (voices-dev form); repeatable.",
)
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write the model (default: analysis/text/models/).",
)
@click.option(
    "--with-labels",
    "labels",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Leads' labels (heard text labels export): build this instance's local model.",
)
def train_command(
    corpus: Path | None,
    nhs: Path | None,
    extra: tuple[Path, ...],
    output: Path | None,
    labels: Path | None,
) -> None:
    """Cross-validate, choose thresholds, fit and write the models; print the figures."""
    from tqdm import tqdm

    from analysis.text import train as training
    from analysis.text.train_figures import format_figures

    if labels is not None:
        if output is not None:
            raise click.UsageError("a model with labels is local: it is not written to --output")
        from feedback.cli.text_local import local_target

        output = local_target()
        extra = (*extra, labels)
    try:
        data = training.load_training_set(corpus or training.CORPUS_DIR, nhs, extra)
    except (ValueError, KeyError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(
        f"Training on {len(data.examples)} answers: "
        + ", ".join(f"{src} {data.sources.count(src)}" for src in data.hashes),
        err=True,
    )

    def bar(items: Iterable[Any]) -> Iterable[Any]:
        return tqdm(items, desc="rules tier", unit="text", file=sys.stderr, leave=False)

    rules = training.rules_view(data, bar)
    steps = tqdm(total=training.FOLDS + 1, desc="cross-validation", file=sys.stderr, leave=False)

    begun: list[str] = []

    def step(message: str) -> None:  # called as each stage begins: count the one before
        if begun:
            steps.update(1)
        begun.append(message)
        steps.set_postfix_str(message)

    command = (
        "heard text train"
        + (f" --nhs {nhs.name}" if nhs else "")
        + "".join(f" --extra {p.name}" for p in extra)
    )
    trained = training.train(data, rules, step, command=command)
    steps.update(1)
    steps.close()
    npz, meta = trained.write(output or training.MODEL_DIR)
    click.echo(format_figures(trained.meta["cross_validated"]))
    click.echo(f"Alert threshold (calibrated): {trained.meta['thresholds']['concern']}")
    click.echo(f"Wrote {npz} and {meta}")
    if labels is not None:
        from feedback.cli.text_local import report_local

        report_local(trained.meta)
