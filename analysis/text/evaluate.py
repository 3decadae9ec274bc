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
from typing import Any

from . import analyse_text
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
FFT_SENTIMENT = {"1": "positive", "2": "positive", "3": "other", "4": "negative",
                 "5": "negative"}
#: Words a naive concern filter would look for: the baseline for concern detection.
CONCERN_KEYWORDS = frozenset("hit hits hurt hurts beat abuse abused kill die dead suicide "
                             "suicidal touch touched rape bully bullied bullying neglect "
                             "hungry scared unsafe cut missing drugs weed groomed".split())


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
            examples.append(Example(
                id=str(row.get("id", n)), text=row.get("text") or "",
                language=row.get("language"), prompt=row.get("prompt"),
                themes=set(row["themes"]) if "themes" in row else None,
                sentiment=three_class(row["sentiment"]) if row.get("sentiment") else None,
                concern=row.get("concern"),
                concern_categories=set(row.get("concern_categories") or ())))
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
            examples.append(Example(
                id=row.get("Comment ID") or str(n), text=text, language="en",
                prompt=(row.get("FFT question") or None),
                themes=themes, sentiment=FFT_SENTIMENT.get(row.get("Comment sentiment", "")),
                theme_scope=_FFT_SCOPE))
    return examples


def load_examples(path: str | Path) -> list[Example]:
    """Read a labelled file, choosing the form by its extension (.jsonl or .csv)."""
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".json", ".ndjson"):
        return load_jsonl(path)
    if suffix == ".csv":
        return load_fft_csv(path)
    raise ValueError(f"{path}: expected a .jsonl or .csv file")


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "support": tp + fn,
            "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


# The lexicon's plain single words and the words of the theme's own name.
_PLAIN_WORD = re.compile(r"=?([a-z]+)(?:\(\?!.*\))?")  # "listen", "=unsafe", "safe(?!...)"
_KEYWORDS = {t: frozenset([m.group(1) for e in entries if (m := _PLAIN_WORD.fullmatch(e))]
                          + [w for w in t.split("_") if len(w) >= 5])
             for t, entries in ENGLISH.items()}


def baseline_themes(text: str) -> set[str]:
    """Naive keyword spotting: a theme when one of its single words appears as is."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    return {t for t, keywords in _KEYWORDS.items() if words & keywords}


def _theme_scores(pairs: list[tuple[set[str], set[str]]], theme_ids: list[str]
                  ) -> dict[str, Any]:
    per = {}
    for theme in theme_ids:
        tp = sum(1 for gold, pred in pairs if theme in gold and theme in pred)
        fp = sum(1 for gold, pred in pairs if theme not in gold and theme in pred)
        fn = sum(1 for gold, pred in pairs if theme in gold and theme not in pred)
        per[theme] = _prf(tp, fp, fn)
    micro = _prf(sum(p["tp"] for p in per.values()), sum(p["fp"] for p in per.values()),
                 sum(p["fn"] for p in per.values()))
    scored = [p["f1"] for p in per.values() if p["support"]]
    macro = round(sum(scored) / len(scored), 3) if scored else 0.0
    return {"per_theme": per, "micro": micro, "macro_f1": macro}


def evaluate(examples: list[Example], *, progress: Callable[[Iterable[Any]], Iterable[Any]]
             | None = None, use_prompt: bool = True, source: str = "") -> dict[str, Any]:
    """Score analyse_text on labelled examples and return the figures as a plain dict.

    ``progress``: wraps the loop (for a progress bar); ``use_prompt``: pass each
    example's question to the analyser; ``source``: the file name, for the report.
    """
    analyse_text("warm up the lexicons before timing")
    loop = progress(examples) if progress else examples
    results = []
    started, cpu_started = time.perf_counter(), time.process_time()
    for ex in loop:
        results.append(analyse_text(ex.text, ex.language,
                                    prompt=ex.prompt if use_prompt else None))
    elapsed = time.perf_counter() - started
    # CPU time of this single-threaded loop: one core's rate, whatever else is running.
    cpu = time.process_time() - cpu_started
    scope = next((ex.theme_scope for ex in examples if ex.theme_scope), None)
    gold_ids = [t for ex in examples if ex.themes for t in sorted(ex.themes)]
    theme_ids = list(scope or dict.fromkeys([*THEMES, *gold_ids]))
    themed = [(ex, r) for ex, r in zip(examples, results, strict=True) if ex.themes is not None]
    out: dict[str, Any] = {"source": source, "examples": len(examples),
                           "use_prompt": use_prompt,
                           "texts_per_second": round(len(examples) / elapsed, 1)
                           if elapsed else None,
                           "texts_per_cpu_second": round(len(examples) / cpu, 1)
                           if cpu else None}
    if themed:
        ours = _theme_scores([(ex.themes or set(), set(r.themes)) for ex, r in themed],
                             theme_ids)
        base = _theme_scores([(ex.themes or set(), baseline_themes(ex.text))
                              for ex, _ in themed], theme_ids)
        out["themes"] = {"n": len(themed), "analyser": ours, "baseline": base}
    rated = [(ex, r) for ex, r in zip(examples, results, strict=True) if ex.sentiment]
    if rated:
        correct = sum(three_class(r.sentiment) == ex.sentiment for ex, r in rated)
        base = sum(baseline_sentiment(ex.text) == ex.sentiment for ex, _ in rated)
        confusion: dict[str, dict[str, int]] = {}
        for ex, r in rated:
            row = confusion.setdefault(ex.sentiment or "", {})
            row[three_class(r.sentiment)] = row.get(three_class(r.sentiment), 0) + 1
        out["sentiment"] = {"n": len(rated), "accuracy": round(correct / len(rated), 3),
                            "baseline_accuracy": round(base / len(rated), 3),
                            "confusion": confusion}
    flagged = [(ex, r) for ex, r in zip(examples, results, strict=True) if ex.concern is not None]
    if flagged:
        out["concern"] = _concern_scores(flagged)
    return out


def _concern_scores(flagged: list[tuple[Example, Any]]) -> dict[str, Any]:
    def keyword(text: str) -> bool:
        return bool(set(re.findall(r"[a-z]+", text.lower())) & CONCERN_KEYWORDS)

    overall = _prf(sum(bool(ex.concern) and r.concern for ex, r in flagged),
                   sum(not ex.concern and r.concern for ex, r in flagged),
                   sum(bool(ex.concern) and not r.concern for ex, r in flagged))
    base = _prf(sum(bool(ex.concern) and keyword(ex.text) for ex, _ in flagged),
                sum(not ex.concern and keyword(ex.text) for ex, _ in flagged),
                sum(bool(ex.concern) and not keyword(ex.text) for ex, _ in flagged))
    per = {}
    for cat in CATEGORIES:
        per[cat] = _prf(
            sum(cat in ex.concern_categories and cat in r.concern_categories
                for ex, r in flagged),
            sum(cat not in ex.concern_categories and cat in r.concern_categories
                for ex, r in flagged),
            sum(cat in ex.concern_categories and cat not in r.concern_categories
                for ex, r in flagged))
    return {"n": len(flagged), "analyser": overall, "baseline": base, "per_category": per}


def format_report(figures: dict[str, Any]) -> str:
    """Format the dict from evaluate() as a readable text table."""
    lines = [f"Text analyser evaluation: {figures.get('source') or 'labelled file'}",
             f"examples: {figures['examples']}   speed: {figures['texts_per_second']} "
             f"texts/s ({figures['texts_per_cpu_second']} per CPU second)   question "
             f"context: {'used' if figures['use_prompt'] else 'not used'}",
             ""]
    if "themes" in figures:
        th = figures["themes"]
        lines.append(f"Themes ({th['n']} answers)   analyser        | keyword baseline")
        lines.append(f"{'theme':<26}{'n':>4} {'P':>6}{'R':>6}{'F1':>6}  |{'P':>6}{'R':>6}"
                     f"{'F1':>6}")
        for theme, s in th["analyser"]["per_theme"].items():
            b = th["baseline"]["per_theme"][theme]
            lines.append(f"{theme:<26}{s['support']:>4} {s['precision']:>6.2f}"
                         f"{s['recall']:>6.2f}{s['f1']:>6.2f}  |{b['precision']:>6.2f}"
                         f"{b['recall']:>6.2f}{b['f1']:>6.2f}")
        m, bm = th["analyser"]["micro"], th["baseline"]["micro"]
        lines.append(f"{'micro':<26}{m['support']:>4} {m['precision']:>6.2f}"
                     f"{m['recall']:>6.2f}{m['f1']:>6.2f}  |{bm['precision']:>6.2f}"
                     f"{bm['recall']:>6.2f}{bm['f1']:>6.2f}")
        lines.append(f"{'macro F1':<26}{'':>4} {'':>12}{th['analyser']['macro_f1']:>6.2f}"
                     f"  |{'':>12}{th['baseline']['macro_f1']:>6.2f}")
        lines.append("")
    if "sentiment" in figures:
        se = figures["sentiment"]
        lines.append(f"Sentiment, 3 classes ({se['n']} answers): accuracy "
                     f"{se['accuracy']:.3f}   plain TextBlob {se['baseline_accuracy']:.3f}")
        for gold, row in se["confusion"].items():
            cells = "  ".join(f"{k}={v}" for k, v in sorted(row.items()))
            lines.append(f"  gold {gold:<9} -> {cells}")
        lines.append("")
    if "concern" in figures:
        co = figures["concern"]
        a, b = co["analyser"], co["baseline"]
        lines.append(f"Concern ({co['n']} answers, {a['support']} concerns)")
        lines.append(f"  analyser: recall {a['recall']:.3f}  precision {a['precision']:.3f}"
                     f"  (tp {a['tp']}, fp {a['fp']}, fn {a['fn']})")
        lines.append(f"  keyword baseline: recall {b['recall']:.3f}  precision "
                     f"{b['precision']:.3f}")
        lines.append(f"  {'category':<22}{'n':>4}{'P':>7}{'R':>7}{'F1':>7}")
        for cat, s in co["per_category"].items():
            lines.append(f"  {cat:<22}{s['support']:>4}{s['precision']:>7.2f}"
                         f"{s['recall']:>7.2f}{s['f1']:>7.2f}")
    return "\n".join(lines).rstrip() + "\n"
