"""`heard analyse-text` and `heard eval-text`: the text analyser on the command line.

Plain click commands: they need no Flask app context or database, so anyone can run
the analyser on their own texts or score it against a labelled file.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any

import click


@click.command("analyse-text")
def analyse_text_command() -> None:
    """Analyse JSON lines from stdin: {"id", "text", "language"?} in, one result out.

    Each output line is {"id", "language", "sentiment", "polarity", "themes",
    "concern", "concern_categories", "redacted"} (plus a few explanatory keys). A line
    that is not a JSON object with a text gives {"id": null, "error": "..."}; the
    command carries on and exits 1 at the end.
    """
    from analysis.text import analyse_text

    errors = 0
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ValueError("expected a JSON object")
            text = row.get("text")
            if not isinstance(text, str):
                raise ValueError('"text" must be a string')
            language = row.get("language")
            if language is not None and not isinstance(language, str):
                raise ValueError('"language" must be a string')
            result = analyse_text(text, language or None, prompt=row.get("prompt"))
            payload = result.to_json(row.get("id"))
        except ValueError as exc:  # json.JSONDecodeError is a ValueError
            errors += 1
            payload = {"id": None, "error": f"line {number}: {exc}"}
        click.echo(json.dumps(payload, ensure_ascii=False))
    if errors:
        sys.exit(1)


@click.command("eval-text")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="A readable table, or the figures as JSON.",
)
@click.option(
    "--no-prompt",
    is_flag=True,
    help="Do not give the analyser each answer's question (FFT CSV only).",
)
def eval_text_command(file: str, fmt: str, no_prompt: bool) -> None:
    """Score the text analyser on a labelled FILE (.jsonl like voices-dev, or the NHS
    FFT .csv) and print per-theme precision/recall/F1, sentiment accuracy and concern
    recall/precision, each beside a plain baseline."""
    from tqdm import tqdm

    from analysis.text.evaluate import evaluate, format_report, load_examples

    try:
        examples = load_examples(file)
    except (ValueError, KeyError) as exc:
        raise click.ClickException(f"{file}: {exc}") from exc

    def progress(items: Iterable[Any]) -> Iterable[Any]:
        return tqdm(items, desc="analysing", unit="text", file=sys.stderr, leave=False)

    figures = evaluate(examples, progress=progress, use_prompt=not no_prompt, source=file)
    if fmt == "json":
        click.echo(json.dumps(figures, indent=2))
    else:
        click.echo(format_report(figures), nl=False)
