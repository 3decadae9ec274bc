"""Building the learned tier (`heard text train`): corpus in, model files and figures out.

Every output is a logistic regression over the TF-IDF features of analysis.text.features,
all sharing one vocabulary so that scoring an answer is one sparse row times one matrix.
Five-fold cross-validation (the vocabulary refitted inside each fold) gives out-of-fold
scores for every training answer; from those alone come the calibration (Platt), every
threshold and every figure reported. No evaluation set is consulted.

scikit-learn is imported here only: Heard scores answers with numpy alone.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .concern_rules import CATEGORIES
from .evaluate import Example, load_fft_csv, load_jsonl
from .features import ngrams, sentences
from .model import MODEL_DIR, MODEL_NAME, SENTIMENTS, model_paths, write_npz
from .themes import THEMES

CORPUS_DIR = Path(__file__).with_name("corpus")
FOLDS = 5
#: Regularisation, chosen by cross-validation on the corpus (see bench/TEXT_FIGURES.md).
C_BINARY = 8.0
C_SENTIMENT = 4.0
#: The cross-validated recall of concern (model or rules) the alert threshold must keep.
TARGET_RECALL = 0.97
MIN_DF = 2


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


def _labels(examples: list[Example]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
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


def _vectorizer():  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        analyzer=lambda doc: ngrams(*doc), min_df=MIN_DF, sublinear_tf=True, dtype=np.float64
    )


def _fit(X, examples: list[Example], labels) -> tuple[np.ndarray, np.ndarray]:  # type: ignore[no-untyped-def]
    """Fit every output on rows ``X``; return (coef features x outputs, intercepts)."""
    from sklearn.linear_model import LogisticRegression

    names = outputs()
    coef = np.zeros((X.shape[1], len(names)))
    intercept = np.zeros(len(names))
    for name, (mask, y) in labels.items():
        j = names.index(name)
        if mask.sum() == 0 or y[mask].min() == y[mask].max():
            intercept[j] = -10.0  # never seen: never predicted
            continue
        clf = LogisticRegression(
            C=C_BINARY, class_weight="balanced", solver="liblinear", random_state=0, max_iter=1000
        )
        clf.fit(X[mask], y[mask])
        coef[:, j], intercept[j] = clf.coef_[0], clf.intercept_[0]
    rated = np.array([ex.sentiment is not None for ex in examples])
    y = np.array([ex.sentiment or "" for ex in examples])
    clf = LogisticRegression(C=C_SENTIMENT, max_iter=3000)
    clf.fit(X[rated], y[rated])
    for k, label in enumerate(clf.classes_):
        j = names.index(f"sent:{label}")
        coef[:, j], intercept[j] = clf.coef_[k], clf.intercept_[k]
    return coef, intercept


def _sentence_max(
    vectorizer,
    examples: list[Example],
    coef: np.ndarray,  # type: ignore[no-untyped-def]
    intercept: np.ndarray,
    whole: np.ndarray,
) -> np.ndarray:
    """Concern: the highest raw score of each answer and its sentences (as at run time)."""
    best = whole.copy()
    parts = [
        (i, s)
        for i, ex in enumerate(examples)
        if len(sentences(ex.text)) > 1
        for s in sentences(ex.text)
    ]
    if parts:
        X = vectorizer.transform([(s, examples[i].prompt) for i, s in parts])
        scores = X @ coef[:, 0] + intercept[0]
        for (i, _), score in zip(parts, scores, strict=True):
            best[i] = max(best[i], score)
    return best


def cross_validate(
    data: TrainingSet, progress: Callable[[str], None] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold raw scores of every output, and of concern at its sentence maximum."""
    from sklearn.model_selection import StratifiedKFold

    examples = data.examples
    docs = [(ex.text, ex.prompt) for ex in examples]
    strata = [f"{src}:{bool(ex.concern)}" for src, ex in zip(data.sources, examples, strict=True)]
    oof = np.zeros((len(examples), len(outputs())))
    concern = np.zeros(len(examples))
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=0)
    for k, (train, test) in enumerate(folds.split(docs, strata), 1):
        if progress:
            progress(f"fold {k} of {FOLDS}")
        vec = _vectorizer()
        X = vec.fit_transform([docs[i] for i in train])
        fold_examples = [examples[i] for i in train]
        coef, intercept = _fit(X, fold_examples, _labels(fold_examples))
        Xt = vec.transform([docs[i] for i in test])
        oof[test] = Xt @ coef + intercept
        test_examples = [examples[i] for i in test]
        concern[test] = _sentence_max(vec, test_examples, coef, intercept, oof[test, 0])
    return oof, concern


def platt(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Calibration (a, b): P(yes) = 1 / (1 + exp(-(a * score + b)))."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=1e4, max_iter=1000)
    clf.fit(scores.reshape(-1, 1), y)
    return round(float(clf.coef_[0, 0]), 6), round(float(clf.intercept_[0]), 6)


def calibrate(p: tuple[float, float], scores: np.ndarray) -> np.ndarray:
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


@dataclass
class Trained:
    """A built model: its arrays, its description, and the cross-validated figures."""

    arrays: dict[str, np.ndarray]
    meta: dict[str, Any]

    def write(self, directory: Path = MODEL_DIR, name: str = MODEL_NAME) -> tuple[Path, Path]:
        """Write the ``.npz`` and ``.json`` files; return their paths."""
        npz, meta = model_paths(directory, name)
        write_npz(npz, self.arrays)
        meta.write_text(
            json.dumps(self.meta, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
        return npz, meta


def train(
    data: TrainingSet,
    rules_flags: np.ndarray,
    progress: Callable[[str], None] | None = None,
    *,
    command: str = "",
) -> Trained:
    """Cross-validate, calibrate, choose thresholds, then fit on everything.

    ``rules_flags``: whether the rules tier flags each example (concern is raised when
    either tier does, so the concern threshold is chosen for the pair).
    """
    import sklearn

    from .train_figures import figures

    examples = data.examples
    labels = _labels(examples)
    oof, concern_oof = cross_validate(data, progress)
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
        probs[name] = calibrate(tuple(calibration[name]), raw)  # type: ignore[arg-type]
    corpus = np.array([s == "corpus" for s in data.sources])
    concern_y = labels["concern"][1]
    thresholds["concern"] = recall_threshold(
        probs["concern"][corpus], concern_y[corpus], rules_flags[corpus]
    )
    for name, (mask, y) in labels.items():
        if name == "concern" or name not in probs:
            continue
        rows = mask & concern_y if name.startswith("cat:") else mask
        thresholds[name] = best_f1_threshold(probs[name][rows], y[rows])
    report = figures(data, labels, probs, oof, thresholds, rules_flags)
    if progress:
        progress("fitting the final model on every example")
    vec = _vectorizer()
    X = vec.fit_transform([(ex.text, ex.prompt) for ex in examples])
    coef, intercept = _fit(X, examples, labels)
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
        "outputs": names,
        "calibration": calibration,
        "thresholds": thresholds,
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


def rules_flags(
    data: TrainingSet, progress: Callable[[Iterable[Any]], Iterable[Any]] | None = None
) -> np.ndarray:
    """Whether the rules tier flags each training example."""
    from .rules import analyse_rules

    loop = progress(data.examples) if progress else data.examples
    return np.array([analyse_rules(ex.text, ex.language, prompt=ex.prompt).concern for ex in loop])
