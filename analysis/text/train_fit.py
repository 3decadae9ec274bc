"""Fitting the learned tier: one TF-IDF vocabulary, one logistic regression per output.

Binary outputs (concern, each category, each theme) are class-balanced logistic
regressions; sentiment is one three-class (multinomial) regression. Cross-validation
refits the vocabulary inside each fold, so no fold ever sees its test answers' words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from .evaluate import Example
from .features import ngrams, sentences
from .train_data import TrainingSet, labels_of, outputs

if TYPE_CHECKING:
    from sklearn.feature_extraction.text import TfidfVectorizer

FOLDS = 5
#: Regularisation, chosen by cross-validation on the corpus (see bench/TEXT_FIGURES.md).
C_BINARY = 8.0
C_SENTIMENT = 4.0
MIN_DF = 2


def vectorizer() -> TfidfVectorizer:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        analyzer=lambda doc: ngrams(*doc), min_df=MIN_DF, sublinear_tf=True, dtype=np.float64
    )


def fit_outputs(
    X: Any, examples: list[Example], labels: dict[str, tuple[np.ndarray, np.ndarray]]
) -> tuple[np.ndarray, np.ndarray]:
    """Fit every output on rows ``X``; return (coef features x outputs, intercepts).

    ``X`` is the vectorizer's scipy sparse matrix (scipy ships no types: Any).
    """
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


def sentence_max(
    vectorizer: TfidfVectorizer,
    examples: list[Example],
    coef: np.ndarray,
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
        vec = vectorizer()
        X = vec.fit_transform([docs[i] for i in train])
        fold_examples = [examples[i] for i in train]
        coef, intercept = fit_outputs(X, fold_examples, labels_of(fold_examples))
        Xt = vec.transform([docs[i] for i in test])
        oof[test] = Xt @ coef + intercept
        test_examples = [examples[i] for i in test]
        concern[test] = sentence_max(vec, test_examples, coef, intercept, oof[test, 0])
    return oof, concern
