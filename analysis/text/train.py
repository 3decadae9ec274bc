"""Building the learned tier (`heard text train`): corpus in, model files and figures out.

Every output is a logistic regression over the TF-IDF features of analysis.text.features,
all sharing one vocabulary so that scoring an answer is one sparse row times one matrix.
Five-fold cross-validation (the vocabulary refitted inside each fold) gives out-of-fold
scores for every training answer; from those alone come the calibration (Platt), every
threshold, which tier finds each theme, and every figure reported. No evaluation set is
consulted. scikit-learn is imported only while training: Heard scores with numpy alone.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .model import MODEL_DIR, MODEL_NAME, SENTIMENTS, model_paths, write_npz
from .train_choose import (
    TARGET_RECALL,
    best_f1_threshold,
    calibrate,
    platt,
    recall_threshold,
    rules_sentiment_weight,
    theme_mode,
)
from .train_data import (
    CORPUS_DIR,
    RulesView,
    TrainingSet,
    corpus_files,
    labels_of,
    load_training_set,
    outputs,
    rules_view,
    sha256_files,
)
from .train_fit import C_BINARY, C_SENTIMENT, FOLDS, MIN_DF, cross_validate, fit_outputs, vectorizer

__all__ = [
    "CORPUS_DIR",
    "FOLDS",
    "MODEL_DIR",
    "Trained",
    "TrainingSet",
    "corpus_files",
    "load_training_set",
    "rules_view",
    "sha256_files",
    "train",
]


@dataclass
class Trained:
    """A built model: its arrays, and its description with the cross-validated figures."""

    arrays: dict[str, np.ndarray]
    meta: dict[str, Any]

    def write(self, directory: Path = MODEL_DIR, name: str = MODEL_NAME) -> tuple[Path, Path]:
        """Write the ``.npz`` and ``.json`` files; return their paths."""
        npz, meta = model_paths(directory, name)
        write_npz(npz, self.arrays)
        text = json.dumps(self.meta, indent=1, sort_keys=True, ensure_ascii=False)
        meta.write_text(text + "\n", encoding="utf-8")
        return npz, meta


def _choose(
    data: TrainingSet, rules: RulesView, oof: np.ndarray, concern_oof: np.ndarray
) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """Calibration, thresholds and theme modes from the out-of-fold scores."""
    labels = labels_of(data.examples)
    names = outputs()
    calibration: dict[str, list[float]] = {}
    thresholds: dict[str, float] = {}
    probs: dict[str, np.ndarray] = {}
    for name, (mask, y) in labels.items():
        raw = concern_oof if name == "concern" else oof[:, names.index(name)]
        if y[mask].min() == y[mask].max():
            calibration[name], thresholds[name] = [1.0, -10.0], 1.0
            continue
        calibration[name] = list(platt(raw[mask], y[mask]))
        probs[name] = calibrate(calibration[name], raw)
    corpus = np.array([s == "corpus" for s in data.sources])
    concern_y = labels["concern"][1]
    thresholds["concern"] = recall_threshold(
        probs["concern"][corpus], concern_y[corpus], rules.flags[corpus]
    )
    either: list[str] = []
    for name, (mask, y) in labels.items():
        if name == "concern" or name not in probs:
            continue
        rows = mask & concern_y if name.startswith("cat:") else mask
        thresholds[name] = best_f1_threshold(probs[name][rows], y[rows])
        if name.startswith("theme:"):
            theme = name[6:]
            found = np.array([theme in t for t in rules.themes])
            scope = mask & corpus
            mode, thresholds[name] = theme_mode(
                probs[name][scope], y[scope], found[scope], thresholds[name]
            )
            if mode == "either":
                either.append(theme)
    logits = oof[:, [names.index(f"sent:{c}") for c in SENTIMENTS]]
    sentiment_probs = np.exp(logits - logits.max(axis=1, keepdims=True))
    sentiment_probs /= sentiment_probs.sum(axis=1, keepdims=True)
    gold = np.array([ex.sentiment or "" for ex in data.examples])
    rated = corpus & (gold != "")
    weight = rules_sentiment_weight(
        sentiment_probs[rated], gold[rated], rules.sentiments[rated], SENTIMENTS
    )
    chosen = {
        "calibration": calibration,
        "sentiment_rules_weight": weight,
        "thresholds": thresholds,
        "themes_from_either_tier": either,
    }
    return chosen, probs


def train(
    data: TrainingSet,
    rules: RulesView,
    progress: Callable[[str], None] | None = None,
    *,
    command: str = "",
) -> Trained:
    """Cross-validate, calibrate, choose thresholds, then fit on every example.

    ``rules``: what the rules tier says of each example (a concern is raised when either
    tier raises it, so the concern threshold is chosen for the pair).
    """
    import sklearn

    from .train_figures import figures

    examples = data.examples
    oof, concern_oof = cross_validate(data, progress)
    chosen, probs = _choose(data, rules, oof, concern_oof)
    report = figures(data, labels_of(examples), probs, oof, chosen, rules)
    if progress:
        progress("fitting the final model on every example")
    vec = vectorizer()
    X = vec.fit_transform([(ex.text, ex.prompt) for ex in examples])
    coef, intercept = fit_outputs(X, examples, labels_of(examples))
    vocab = vec.get_feature_names_out().tolist()
    if any("\n" in v for v in vocab):
        raise ValueError("a feature contains a new line")  # the vocabulary is \n-joined
    arrays = {
        "vocab": np.frombuffer("\n".join(vocab).encode("utf-8"), dtype=np.uint8),
        "idf": np.round(vec.idf_, 6).astype(np.float32),
        "coef": np.round(coef, 5).astype(np.float32),
        "intercept": np.round(intercept, 6).astype(np.float32),
    }
    meta = {
        "outputs": outputs(),
        **chosen,
        "sublinear_tf": True,
        "min_df": MIN_DF,
        "C": {"binary": C_BINARY, "sentiment": C_SENTIMENT},
        "target_recall": TARGET_RECALL,
        "folds": FOLDS,
        "features": len(vocab),
        "training": {
            src: {"examples": data.sources.count(src), "sha256": digest}
            for src, digest in data.hashes.items()
        },
        "corpus_sha256": data.hashes["corpus"],
        "sklearn": sklearn.__version__,
        "command": command,
        "cross_validated": report,
    }
    return Trained(arrays, meta)
