"""Cross-validated figures of a training run, per source, and their printed table.

Every figure here comes from out-of-fold scores: each answer scored by a model that
never saw it. The rules were tuned on some sources (voices-dev, the NHS half), so the
"rules" and "either" columns are honest only on the corpus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from .concern_rules import CATEGORIES
from .evaluate import Scores
from .model import SENTIMENTS
from .themes import THEMES

if TYPE_CHECKING:
    from .train_data import RulesView, TrainingSet


def prf(pred: np.ndarray, gold: np.ndarray) -> Scores:
    """Precision, recall and F1 of boolean predictions."""
    tp, fp, fn = int((pred & gold).sum()), int((pred & ~gold).sum()), int((~pred & gold).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "support": tp + fn,
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(f1, 3),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def _concern(
    rows: np.ndarray, y: np.ndarray, prob: np.ndarray, t: float, rules: np.ndarray
) -> dict[str, Any]:
    model = prob >= t
    out: dict[str, Any] = {
        "model": prf(model[rows], y[rows]),
        "rules": prf(rules[rows], y[rows]),
        "either": prf((model | rules)[rows], y[rows]),
        "flagged_share_of_ordinary": round(float((model | rules)[rows & ~y].mean()), 4)
        if (rows & ~y).any()
        else None,
    }
    curve = []
    for target in (0.90, 0.95, 0.97, 0.99):
        scores = np.sort(prob[rows & y])
        if not len(scores):
            break
        cut = scores[int(np.floor((1 - target) * len(scores)))]
        curve.append(
            {
                "recall": target,
                "threshold": round(float(cut), 4),
                "precision": prf((prob >= cut)[rows], y[rows])["precision"],
            }
        )
    out["model_precision_at_recall"] = curve
    return out


def figures(
    data: TrainingSet,
    labels: dict[str, tuple[np.ndarray, np.ndarray]],
    probs: dict[str, np.ndarray],
    oof: np.ndarray,
    chosen: dict[str, Any],
    rules_view: RulesView,
) -> dict[str, Any]:
    """Cross-validated figures for each training source (themes as the analyser finds
    them: by the model, or by either tier where training chose that)."""
    from .train_data import outputs

    thresholds: dict[str, float] = chosen["thresholds"]
    either = set(chosen["themes_from_either_tier"])
    rules = rules_view.flags
    names = outputs()
    sources = np.array(data.sources)
    y = labels["concern"][1]
    sentiment_cols = [names.index(f"sent:{s}") for s in SENTIMENTS]
    logits = oof[:, sentiment_cols]
    probs_s = np.exp(logits - logits.max(axis=1, keepdims=True))
    probs_s /= probs_s.sum(axis=1, keepdims=True)
    votes = np.stack([rules_view.sentiments == c for c in SENTIMENTS], axis=1)
    blended = probs_s + chosen["sentiment_rules_weight"] * votes
    predicted_sentiment = np.array(SENTIMENTS)[np.argmax(blended, axis=1)]
    gold_sentiment = np.array([ex.sentiment or "" for ex in data.examples])
    report: dict[str, Any] = {}
    for source in dict.fromkeys(data.sources):
        rows = sources == source
        entry: dict[str, Any] = {"examples": int(rows.sum())}
        entry["concern"] = _concern(rows, y, probs["concern"], thresholds["concern"], rules)
        cats = {}
        for cat in CATEGORIES:
            name = f"cat:{cat}"
            gold = labels[name][1] & rows & y
            if name in probs and gold.any():
                pred = (probs[name] >= thresholds[name]) & rows & y
                cats[cat] = prf(pred[rows & y], gold[rows & y])
        entry["categories"] = cats
        rated = rows & (gold_sentiment != "")
        if rated.any():
            entry["sentiment_accuracy"] = round(
                float((predicted_sentiment[rated] == gold_sentiment[rated]).mean()), 3
            )
        per_theme, tp, fp, fn = {}, 0, 0, 0
        for theme in THEMES:
            name = f"theme:{theme}"
            mask, gold = labels[name]
            scope = mask & rows
            if name not in probs or not gold[scope].any():
                continue
            pred = probs[name] >= thresholds[name]
            if theme in either:
                pred = pred | np.array([theme in t for t in rules_view.themes])
            s = prf(pred[scope], gold[scope])
            per_theme[theme] = s
            tp, fp, fn = tp + s["tp"], fp + s["fp"], fn + s["fn"]
        if per_theme:
            micro = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
            entry["themes"] = {"micro_f1": round(micro, 3), "per_theme": per_theme}
        report[source] = entry
    return report


def format_figures(report: dict[str, Any]) -> str:
    """The cross-validated figures as a readable table."""
    lines = []
    for source, e in report.items():
        c = e["concern"]
        lines.append(f"== {source} ({e['examples']} answers), {5}-fold cross-validated ==")
        if c["either"]["support"]:
            lines.append(f"concern        {'recall':>7}{'precision':>10}{'F1':>6}")
        for tier in ("model", "rules", "either") if c["either"]["support"] else ():
            s = c[tier]
            lines.append(
                f"  {tier:<13}{s['recall']:>7.3f}{s['precision']:>10.3f}{s['f1']:>6.2f}"
                f"  ({s['support']} concerns)"
            )
        if c["flagged_share_of_ordinary"] is not None:
            lines.append(f"concern: ordinary answers flagged {c['flagged_share_of_ordinary']:.1%}")
        if e["categories"]:
            lines.append("  category              n     P     R    F1")
            for cat, s in e["categories"].items():
                lines.append(
                    f"  {cat:<20}{s['support']:>4}{s['precision']:>6.2f}"
                    f"{s['recall']:>6.2f}{s['f1']:>6.2f}"
                )
        if "sentiment_accuracy" in e:
            lines.append(f"sentiment accuracy (3 classes): {e['sentiment_accuracy']:.3f}")
        if "themes" in e:
            lines.append(f"themes micro-F1: {e['themes']['micro_f1']:.3f}")
            for theme, s in e["themes"]["per_theme"].items():
                lines.append(
                    f"  {theme:<26}{s['support']:>4}{s['precision']:>6.2f}"
                    f"{s['recall']:>6.2f}{s['f1']:>6.2f}"
                )
        lines.append("")
    return "\n".join(lines)
