"""Scoring the text analyser against labelled files (`heard eval-text`).

Two forms are read: JSON lines like shared/data/voices-dev.jsonl (``text``, ``themes``,
``sentiment``, ``concern``, ``concern_categories``, optional ``language`` and
``prompt``) and the NHS Friends and Family Test CSV of the pxtextmining project, whose
theme columns are mapped onto Heard's themes (FFT_THEMES). The result is a plain dict;
format_report() turns it into a text table. Beside each figure stands a baseline:
plain TextBlob polarity for sentiment, and plain keyword spotting (the lexicons' single
words, unstemmed, no phrases or negation) for themes and concern.
"""

from __future__ import annotations

import csv
import json
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypedDict

from . import analyse_tiers
from .concern_rules import CATEGORIES
from .sentiment import textblob_polarity
from .themes import THEMES
from .themes_lexicon import ENGLISH

#: NHS FFT theme columns -> Heard theme (shared/data/README.md).
FFT_THEMES = {
    "Staff listening, understanding & involving patients": "listened_to",
    "Staff manner & personal attributes": "respected",
    "Timeliness of care": "timeliness",
    "Being kept informed, clarity & consistency of information": "communication",
    "Information directly from staff during care": "communication",
    "Information provision & guidance": "communication",
    "Unspecified communication": "communication",
    "Feeling safe": "safety",
    "Staff continuity": "relationship_with_worker",
}
_FFT_SCOPE = tuple(t for t in THEMES if t in set(FFT_THEMES.values()))
#: FFT "Comment sentiment" 1-5 -> three classes.
FFT_SENTIMENT = {"1": "positive", "2": "positive", "3": "other", "4": "negative", "5": "negative"}
#: Words a naive concern filter would look for: the baseline for concern detection.
CONCERN_KEYWORDS = frozenset(
    "hit hits hurt hurts beat abuse abused kill die dead suicide "
    "suicidal touch touched rape bully bullied bullying neglect "
    "hungry scared unsafe cut missing drugs weed groomed".split()
)


@dataclass
class Example:
    """One labelled answer. A label left None was not given and is not scored."""

    id: str
    text: str
    language: str | None = None
    prompt: str | None = None
    themes: set[str] | None = None
    sentiment: str | None = None
    concern: bool | None = None
    concern_categories: set[str] = field(default_factory=set)
    #: The themes the labels cover (the mapped FFT themes); None: all default themes.
    theme_scope: tuple[str, ...] | None = None


def three_class(label: str) -> str:
    """positive | negative | other (mixed and neutral)."""
    return label if label in ("positive", "negative") else "other"


def baseline_sentiment(text: str) -> str:
    """Plain TextBlob: positive above 0.05, negative below -0.05, else other."""
    polarity = textblob_polarity(text)
    return "positive" if polarity > 0.05 else "negative" if polarity < -0.05 else "other"


def load_jsonl(path: str | Path) -> list[Example]:
    """Read labelled JSON lines (the voices-dev form)."""
    examples = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            examples.append(
                Example(
                    id=str(row.get("id", n)),
                    text=row.get("text") or "",
                    language=row.get("language"),
                    prompt=row.get("prompt"),
                    themes=set(row["themes"]) if "themes" in row else None,
                    sentiment=three_class(row["sentiment"]) if row.get("sentiment") else None,
                    concern=row.get("concern"),
                    concern_categories=set(row.get("concern_categories") or ()),
                )
            )
    return examples


def load_fft_csv(path: str | Path) -> list[Example]:
    """Read the NHS FFT CSV; rows with no answer or 'Labelling not possible' are skipped."""
    examples = []
    with open(path, encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), 1):
            text = (row.get("FFT answer") or "").strip()
            if not text or row.get("Labelling not possible") == "1":
                continue
            themes = {theme for column, theme in FFT_THEMES.items() if row.get(column) == "1"}
            examples.append(
                Example(
                    id=row.get("Comment ID") or str(n),
                    text=text,
                    language="en",
                    prompt=(row.get("FFT question") or None),
                    themes=themes,
                    sentiment=FFT_SENTIMENT.get(row.get("Comment sentiment", "")),
                    theme_scope=_FFT_SCOPE,
                )
            )
    return examples


def load_examples(path: str | Path) -> list[Example]:
    """Read a labelled file, choosing the form by its extension (.jsonl or .csv)."""
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".json", ".ndjson"):
        return load_jsonl(path)
    if suffix == ".csv":
        return load_fft_csv(path)
    raise ValueError(f"{path}: expected a .jsonl or .csv file")


class Scores(TypedDict):
    """Counts and rates of one output against its gold labels (rates to 3 places)."""

    tp: int
    fp: int
    fn: int
    support: int
    precision: float
    recall: float
    f1: float


def _prf(tp: int, fp: int, fn: int) -> Scores:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "support": tp + fn,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
    }


# The lexicon's plain single words and the words of the theme's own name.
_PLAIN_WORD = re.compile(r"=?([a-z]+)(?:\(\?!.*\))?")  # "listen", "=unsafe", "safe(?!...)"
_KEYWORDS = {
    t: frozenset(
        [m.group(1) for e in entries if (m := _PLAIN_WORD.fullmatch(e))]
        + [w for w in t.split("_") if len(w) >= 5]
    )
    for t, entries in ENGLISH.items()
}


def baseline_themes(text: str) -> set[str]:
    """Naive keyword spotting: a theme when one of its single words appears as is."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    return {t for t, keywords in _KEYWORDS.items() if words & keywords}


def _theme_scores(pairs: list[tuple[set[str], set[str]]], theme_ids: list[str]) -> dict[str, Any]:
    per = {}
    for theme in theme_ids:
        tp = sum(1 for gold, pred in pairs if theme in gold and theme in pred)
        fp = sum(1 for gold, pred in pairs if theme not in gold and theme in pred)
        fn = sum(1 for gold, pred in pairs if theme in gold and theme not in pred)
        per[theme] = _prf(tp, fp, fn)
    micro = _prf(
        sum(p["tp"] for p in per.values()),
        sum(p["fp"] for p in per.values()),
        sum(p["fn"] for p in per.values()),
    )
    scored = [p["f1"] for p in per.values() if p["support"]]
    macro = round(sum(scored) / len(scored), 3) if scored else 0.0
    return {"per_theme": per, "micro": micro, "macro_f1": macro}


TIERS = ("analyser", "rules", "model")


def evaluate(
    examples: list[Example],
    *,
    progress: Callable[[Iterable[Any]], Iterable[Any]] | None = None,
    use_prompt: bool = True,
    source: str = "",
) -> dict[str, Any]:
    """Score the shipped analyser and its two halves on labelled examples.

    Returns a plain dict; each measure has an entry per tier ("analyser": what Heard
    ships, "rules" alone, "model" alone when a model is built) beside its "baseline".
    ``progress``: wraps the loop (for a progress bar); ``use_prompt``: pass each
    example's question to the analyser; ``source``: the file name, for the report.
    """
    analyse_tiers("warm up the lexicons and the model before timing")
    loop = progress(examples) if progress else examples
    rows = []
    started, cpu_started = time.perf_counter(), time.process_time()
    for ex in loop:
        rows.append(analyse_tiers(ex.text, ex.language, prompt=ex.prompt if use_prompt else None))
    elapsed = time.perf_counter() - started
    # CPU time of this single-threaded loop: one core's rate, whatever else is running.
    cpu = time.process_time() - cpu_started
    tiers = [t for t in TIERS if t in rows[0]] if rows else ["analyser"]
    out: dict[str, Any] = {
        "source": source,
        "examples": len(examples),
        "use_prompt": use_prompt,
        "tiers": tiers,
        "texts_per_second": round(len(examples) / elapsed, 1) if elapsed else None,
        "texts_per_cpu_second": round(len(examples) / cpu, 1) if cpu else None,
    }
    scope = next((ex.theme_scope for ex in examples if ex.theme_scope), None)
    gold_ids = [t for ex in examples if ex.themes for t in sorted(ex.themes)]
    theme_ids = list(scope or dict.fromkeys([*THEMES, *gold_ids]))
    themed = [(ex, r) for ex, r in zip(examples, rows, strict=True) if ex.themes is not None]
    if themed:
        out["themes"] = {
            "n": len(themed),
            "baseline": _theme_scores(
                [(ex.themes or set(), baseline_themes(ex.text)) for ex, _ in themed], theme_ids
            ),
        }
        for tier in tiers:
            out["themes"][tier] = _theme_scores(
                [(ex.themes or set(), set(r[tier].themes)) for ex, r in themed], theme_ids
            )
    rated = [(ex, r) for ex, r in zip(examples, rows, strict=True) if ex.sentiment]
    if rated:
        base = sum(baseline_sentiment(ex.text) == ex.sentiment for ex, _ in rated)
        out["sentiment"] = {"n": len(rated), "baseline_accuracy": round(base / len(rated), 3)}
        for tier in tiers:
            correct = sum(three_class(r[tier].sentiment) == ex.sentiment for ex, r in rated)
            confusion: dict[str, dict[str, int]] = {}
            for ex, r in rated:
                cell = confusion.setdefault(ex.sentiment or "", {})
                label = three_class(r[tier].sentiment)
                cell[label] = cell.get(label, 0) + 1
            key = "accuracy" if tier == "analyser" else f"{tier}_accuracy"
            out["sentiment"][key] = round(correct / len(rated), 3)
            if tier == "analyser":
                out["sentiment"]["confusion"] = confusion
    flagged = [(ex, r) for ex, r in zip(examples, rows, strict=True) if ex.concern is not None]
    if flagged:
        out["concern"] = _concern_scores(flagged, tiers)
    return out


def _concern_scores(
    flagged: list[tuple[Example, dict[str, Any]]], tiers: list[str]
) -> dict[str, Any]:
    def keyword(text: str) -> bool:
        return bool(set(re.findall(r"[a-z]+", text.lower())) & CONCERN_KEYWORDS)

    out: dict[str, Any] = {"n": len(flagged)}
    for tier in tiers:
        out[tier] = _prf(
            sum(bool(ex.concern) and r[tier].concern for ex, r in flagged),
            sum(not ex.concern and r[tier].concern for ex, r in flagged),
            sum(bool(ex.concern) and not r[tier].concern for ex, r in flagged),
        )
    out["baseline"] = _prf(
        sum(bool(ex.concern) and keyword(ex.text) for ex, _ in flagged),
        sum(not ex.concern and keyword(ex.text) for ex, _ in flagged),
        sum(bool(ex.concern) and not keyword(ex.text) for ex, _ in flagged),
    )
    per = {}
    for cat in CATEGORIES:
        cats = [
            (cat in ex.concern_categories, cat in r["analyser"].concern_categories)
            for ex, r in flagged
        ]
        per[cat] = _prf(
            sum(g and p for g, p in cats),
            sum(p and not g for g, p in cats),
            sum(g and not p for g, p in cats),
        )
    out["per_category"] = per
    return out


def _cells(s: dict[str, Any]) -> str:
    return f"{s['precision']:>6.2f}{s['recall']:>6.2f}{s['f1']:>6.2f}"


def format_report(figures: dict[str, Any]) -> str:
    """Format the dict from evaluate() as a readable table: one column group per tier."""
    tiers = figures.get("tiers", ["analyser"])
    columns = [*tiers, "baseline"]
    title = {
        "analyser": "shipped",
        "rules": "rules alone",
        "model": "model alone",
        "baseline": "baseline",
    }
    lines = [
        f"Text analyser evaluation: {figures.get('source') or 'labelled file'}",
        f"examples: {figures['examples']}   speed: {figures['texts_per_second']} "
        f"texts/s ({figures['texts_per_cpu_second']} per CPU second)   question "
        f"context: {'used' if figures['use_prompt'] else 'not used'}",
        "Columns: shipped analyser (rules or model) | rules alone | model alone | "
        "baseline (keywords; plain TextBlob for sentiment)",
        "",
    ]
    if "themes" in figures:
        th = figures["themes"]
        lines.append(
            f"Themes ({th['n']} answers)".ljust(31) + "|".join(f"{title[c]:^18}" for c in columns)
        )
        lines.append(
            f"{'theme':<26}{'n':>4} " + "|".join(f"{'P':>6}{'R':>6}{'F1':>6}" for _ in columns)
        )
        for theme, s in th["analyser"]["per_theme"].items():
            lines.append(
                f"{theme:<26}{s['support']:>4} "
                + "|".join(_cells(th[c]["per_theme"][theme]) for c in columns)
            )
        lines.append(
            f"{'micro':<26}{th['analyser']['micro']['support']:>4} "
            + "|".join(_cells(th[c]["micro"]) for c in columns)
        )
        lines.append(
            f"{'macro F1':<26}{'':>4} "
            + "|".join(f"{'':>12}{th[c]['macro_f1']:>6.2f}" for c in columns)
        )
        lines.append("")
    if "sentiment" in figures:
        se = figures["sentiment"]
        accuracy = {
            "analyser": se["accuracy"],
            "baseline": se["baseline_accuracy"],
            **{t: se[f"{t}_accuracy"] for t in tiers if t != "analyser"},
        }
        lines.append(
            f"Sentiment, 3 classes ({se['n']} answers): accuracy "
            + "   ".join(f"{title[c]} {accuracy[c]:.3f}" for c in columns)
        )
        lines.append("  (baseline: plain TextBlob)")
        for gold, row in se["confusion"].items():
            cells = "  ".join(f"{k}={v}" for k, v in sorted(row.items()))
            lines.append(f"  gold {gold:<9} -> {cells}   (shipped)")
        lines.append("")
    if "concern" in figures:
        co = figures["concern"]
        lines.append(f"Concern ({co['n']} answers, {co['analyser']['support']} concerns)")
        for c in columns:
            s = co[c]
            lines.append(
                f"  {title[c]:<13} recall {s['recall']:.3f}  precision "
                f"{s['precision']:.3f}  (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})"
            )
        lines.append(f"  {'category (shipped)':<22}{'n':>4}{'P':>7}{'R':>7}{'F1':>7}")
        for cat, s in co["per_category"].items():
            lines.append(
                f"  {cat:<22}{s['support']:>4}{s['precision']:>7.2f}"
                f"{s['recall']:>7.2f}{s['f1']:>7.2f}"
            )
    return "\n".join(lines).rstrip() + "\n"
