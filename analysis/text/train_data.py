"""Training data for the learned tier: the corpus and other labelled files, as arrays.

The corpus (analysis/text/corpus/*.jsonl) is the team's own labelled answers; the NHS
FFT development half joins as ordinary text with sentiment and six themes, and other
labelled JSON lines (voices-dev, a partnership's own reading decisions) as extras.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .concern_rules import CATEGORIES
from .evaluate import Example, load_fft_csv, load_jsonl, three_class
from .model import SENTIMENTS
from .themes import THEMES

CORPUS_DIR = Path(__file__).with_name("corpus")


@dataclass
class TrainingSet:
    """Examples with where each came from ("corpus", "nhs" or an extra file's name)."""

    examples: list[Example] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)

    def add(self, examples: Iterable[Example], source: str, digest: str) -> None:
        batch = list(examples)
        self.examples += batch
        self.sources += [source] * len(batch)
        self.hashes[source] = digest


def corpus_files(directory: Path = CORPUS_DIR) -> list[Path]:
    """The corpus's JSON-lines files, in a fixed order."""
    return sorted(directory.glob("*.jsonl"))


def sha256_files(paths: Sequence[Path]) -> str:
    """One SHA-256 over the names and bytes of ``paths`` (the corpus's fingerprint)."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def load_training_set(
    corpus: Path = CORPUS_DIR, nhs: Path | None = None, extra: Sequence[Path] = ()
) -> TrainingSet:
    """The corpus, plus the NHS FFT file (ordinary text) and extra labelled JSON lines."""
    files = corpus_files(corpus)
    if not files:
        raise ValueError(f"{corpus}: no .jsonl files")
    data = TrainingSet()
    data.add((ex for path in files for ex in load_jsonl(path)), "corpus", sha256_files(files))
    if nhs is not None:
        rows = load_fft_csv(nhs)
        for ex in rows:
            ex.concern = False  # patient feedback: ordinary text for the concern model
        data.add(rows, "nhs", sha256_files([Path(nhs)]))
    for path in extra:
        data.add(load_jsonl(path), Path(path).name, sha256_files([Path(path)]))
    return data


def outputs() -> list[str]:
    """Every model output, in column order."""
    return (
        ["concern"]
        + [f"cat:{c}" for c in CATEGORIES]
        + [f"sent:{s}" for s in SENTIMENTS]
        + [f"theme:{t}" for t in THEMES]
    )


def labels_of(examples: list[Example]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """{output: (mask of examples that label it, 0/1 labels)} for every yes/no output."""
    n = len(examples)
    concern_known = np.array([ex.concern is not None for ex in examples])
    out = {"concern": (concern_known, np.array([bool(ex.concern) for ex in examples]))}
    for cat in CATEGORIES:
        out[f"cat:{cat}"] = (
            concern_known,
            np.array([cat in ex.concern_categories for ex in examples]),
        )
    for theme in THEMES:
        mask = np.array(
            [
                ex.themes is not None and (ex.theme_scope is None or theme in ex.theme_scope)
                for ex in examples
            ]
        )
        out[f"theme:{theme}"] = (mask, np.array([theme in (ex.themes or ()) for ex in examples]))
    assert all(len(m) == n for m, _ in out.values())
    return out


@dataclass
class RulesView:
    """What the rules tier says of each training example: a flag, and its themes."""

    flags: np.ndarray
    themes: list[set[str]]
    #: positive | negative | other, as `heard eval-text` counts sentiment
    sentiments: np.ndarray


def rules_view(
    data: TrainingSet, progress: Callable[[Iterable[Any]], Iterable[Any]] | None = None
) -> RulesView:
    """Run the rules tier over every training example (once, before cross-validation)."""
    from .rules import analyse_rules

    loop = progress(data.examples) if progress else data.examples
    results = [analyse_rules(ex.text, ex.language, prompt=ex.prompt) for ex in loop]
    return RulesView(
        np.array([r.concern for r in results], dtype=bool),
        [set(r.themes) for r in results],
        np.array([three_class(r.sentiment) for r in results]),
    )
