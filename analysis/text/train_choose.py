"""Choosing from out-of-fold scores: calibration, thresholds, and which tier finds themes.

Everything here reads cross-validated scores only; no evaluation set is consulted.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

#: The cross-validated recall of concern (model or rules) the alert threshold must keep.
TARGET_RECALL = 0.97


def platt(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Calibration (a, b): P(yes) = 1 / (1 + exp(-(a * score + b)))."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=1e4, max_iter=1000)
    clf.fit(scores.reshape(-1, 1), y)
    return round(float(clf.coef_[0, 0]), 6), round(float(clf.intercept_[0]), 6)


def calibrate(p: Sequence[float], scores: np.ndarray) -> np.ndarray:
    """Apply Platt calibration ``p`` to raw scores."""
    return 1.0 / (1.0 + np.exp(-(p[0] * scores + p[1])))


def best_f1_threshold(prob: np.ndarray, y: np.ndarray) -> float:
    """The probability threshold with the best F1 (ties: the lower threshold)."""
    best, best_f1 = 0.5, -1.0
    for t in np.unique(np.round(prob, 3)):
        pred = prob >= t
        tp = int((pred & y).sum())
        f1 = 2 * tp / (pred.sum() + y.sum()) if pred.sum() + y.sum() else 0.0
        if f1 > best_f1:
            best, best_f1 = float(t), f1
    return round(best, 4)


def recall_threshold(
    prob: np.ndarray, y: np.ndarray, rules: np.ndarray, target: float = TARGET_RECALL
) -> float:
    """The highest threshold at which (model or rules) still finds ``target`` of concerns."""
    for t in sorted(np.unique(np.round(prob[y], 4)), reverse=True):
        found = ((prob >= t) | rules)[y].mean()
        if found >= target:
            return round(float(t), 4)
    return 0.0


def f1(pred: np.ndarray, gold: np.ndarray) -> float:
    """F1 of boolean predictions."""
    tp = int((pred & gold).sum())
    return 2 * tp / (int(pred.sum()) + int(gold.sum())) if tp else 0.0


def theme_mode(
    prob: np.ndarray, gold: np.ndarray, rules: np.ndarray, threshold: float
) -> tuple[str, float]:
    """Whether a theme is found by the model alone or by either tier, and the threshold.

    Compared on the corpus only (the rules were tuned on the other sources, so their
    figures there flatter them): "either" wins only when it beats the model's own F1.
    """
    own = f1(prob >= threshold, gold)
    best_t, best = threshold, -1.0
    for t in np.unique(np.round(prob, 3)):
        score = f1((prob >= t) | rules, gold)
        if score > best:
            best_t, best = float(t), score
    return ("either", round(best_t, 4)) if best > own else ("model", threshold)


#: Weights tried for the rules' sentiment beside the model's probabilities.
RULES_SENTIMENT_WEIGHTS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)


def rules_sentiment_weight(
    probs: np.ndarray, gold: np.ndarray, rules: np.ndarray, classes: tuple[str, ...]
) -> float:
    """How much a vote of the rules adds to the model's sentiment probabilities.

    ``probs``: out-of-fold model probabilities (answers x classes) on the corpus, where
    the rules were never tuned; ``rules``: the rules' label of each answer. The weight
    with the best accuracy wins (ties: the smaller weight).
    """
    names = np.array(classes)
    votes = np.stack([rules == c for c in classes], axis=1).astype(float)
    best, best_accuracy = 0.0, -1.0
    for weight in RULES_SENTIMENT_WEIGHTS:
        accuracy = float((names[(probs + weight * votes).argmax(axis=1)] == gold).mean())
        if accuracy > best_accuracy + 1e-9:
            best, best_accuracy = weight, accuracy
    return best
