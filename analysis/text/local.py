"""A local model: the shipped corpus plus a partnership's own labels, and whether to use it.

Leads' decisions (reading-list verdicts, closed alerts) are labels in the corpus format;
`heard text train --with-labels FILE` trains on the shipped corpus with them as an extra
source (analysis.text.train, unchanged) and writes the model in the instance folder.
Heard then uses it instead of the shipped model only when :func:`choose` says so: same
corpus, and a cross-validated recall of concern on that corpus (the analyser's, model or
rules) no lower than the shipped model's. Both figures come from each model's own
``.json``, so deciding at start-up costs two small file reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from . import _combine
from .model import LearnedModel
from .result import TextResult
from .rules import analyse_rules

#: The training source whose figures decide: the shipped corpus.
CORPUS = "corpus"


def analyse_with(
    model: LearnedModel | None,
    text: str,
    language: str | None = None,
    *,
    extra_names: Iterable[str] = (),
    extra_themes: Mapping[str, Iterable[str]] | None = None,
    prompt: str | None = None,
) -> TextResult:
    """analysis.text.analyse_text with `model` as the learned tier (None: rules alone)."""
    text = text or ""
    rules = analyse_rules(
        text, language, extra_names=extra_names, extra_themes=extra_themes, prompt=prompt
    )
    if model is None:
        return rules
    return _combine(rules, model.score(text, prompt), model, text, prompt)


def corpus_figures(meta: Mapping[str, Any] | None, tier: str = "either") -> dict[str, Any] | None:
    """A model's cross-validated concern figures on the shipped corpus for `tier`
    (model, rules or either: what the analyser raises), or None when it has none."""
    if meta is None:
        return None
    try:
        return dict(meta["cross_validated"][CORPUS]["concern"][tier])
    except (KeyError, TypeError):
        return None


@dataclass(frozen=True)
class Choice:
    """Whether to use the local model, and why, in words for a log or a terminal."""

    use: bool
    reason: str
    local_recall: float | None = None
    shipped_recall: float | None = None


def choose(local: Mapping[str, Any] | None, shipped: Mapping[str, Any] | None) -> Choice:
    """Use the local model only when its recall on the shipped corpus is no lower."""
    if local is None:
        return Choice(False, "there is no local model")
    if shipped is None:
        return Choice(False, "there is no shipped model to compare it with")
    if local.get("corpus_sha256") != shipped.get("corpus_sha256"):
        return Choice(False, "it was trained on another corpus than the shipped model (retrain it)")
    mine, theirs = corpus_figures(local), corpus_figures(shipped)
    if mine is None or theirs is None:
        return Choice(False, "a model has no cross-validated figures on the corpus")
    recall, shipped_recall = float(mine["recall"]), float(theirs["recall"])
    if recall >= shipped_recall:
        return Choice(
            True,
            f"its recall on the shipped corpus ({recall:.3f}) is no lower than the shipped "
            f"model's ({shipped_recall:.3f})",
            recall,
            shipped_recall,
        )
    return Choice(
        False,
        f"its recall on the shipped corpus ({recall:.3f}) is lower than the shipped "
        f"model's ({shipped_recall:.3f})",
        recall,
        shipped_recall,
    )


def format_comparison(local: Mapping[str, Any], shipped: Mapping[str, Any] | None) -> str:
    """The two models' cross-validated concern figures on the shipped corpus, side by side."""
    lines = [
        "== concern on the shipped corpus, 5-fold cross-validated: local beside shipped ==",
        f"{'':<9}{'recall':>16}{'precision':>20}{'F1':>16}",
        f"{'':<9}{'local':>8}{'shipped':>8}{'local':>10}{'shipped':>10}{'local':>8}{'shipped':>8}",
    ]
    for tier in ("model", "rules", "either"):
        mine, theirs = corpus_figures(local, tier), corpus_figures(shipped, tier)
        cells = []
        for key in ("recall", "precision", "f1"):
            width = 10 if key == "precision" else 8
            cells.append(f"{mine[key]:>{width}.3f}" if mine else f"{'-':>{width}}")
            cells.append(f"{theirs[key]:>{width}.3f}" if theirs else f"{'-':>{width}}")
        lines.append(f"  {tier:<7}" + "".join(cells))
    return "\n".join(lines)
