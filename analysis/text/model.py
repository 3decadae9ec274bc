"""The learned tier of the text analyser: linear models over word and character n-grams.

`heard text train` (analysis.text.train) writes two files under ``models/``: an ``.npz``
of plain arrays (the vocabulary as UTF-8 text, idf weights, one coefficient column per
output, intercepts) and a ``.json`` of everything a person may want to read (the outputs,
calibration, thresholds chosen by cross-validation, the corpus's SHA-256, the figures).
Neither is a pickle: loading runs no code and survives library upgrades.

Scoring one answer is a dictionary look-up per n-gram and one small dot product: the
answer's sparse TF-IDF row times the coefficient matrix gives every output at once
(concern, its categories, sentiment, themes). Concern is scored on each sentence and on
the whole answer, and the highest counts, so a disclosure buried in praise is not
diluted by it.
"""

from __future__ import annotations

import itertools
import json
import math
import zipfile
from array import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .features import context_grams, sentences, token_grams, words

MODEL_DIR = Path(__file__).with_name("models")
MODEL_NAME = "text-model"
SENTIMENTS = ("positive", "negative", "other")
#: How many words' feature ids a model keeps (a few MB; common words stay cached).
TOKEN_CACHE = 20_000
#: Words too common to explain anything to a lead, left out of the strongest words.
_FUNCTION_WORDS = frozenset(
    "a an and are as at be been but by did do does for from had has have he her him his i "
    "if in is it its me my of on or our she so that the their them they this to us was we "
    "were what when with you your im i'm its it's".split()
)


@dataclass(frozen=True)
class ModelScores:
    """What the learned tier says of one answer; every score is a calibrated 0-1."""

    concern: float
    categories: dict[str, float]
    sentiment: str
    sentiment_probabilities: dict[str, float]
    themes: dict[str, float]

    def flagged(self, model: LearnedModel) -> bool:
        """True when the concern score reaches the alert threshold."""
        return self.concern >= model.concern_threshold


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


class LearnedModel:
    """A trained model loaded from its ``.npz`` arrays and ``.json`` description."""

    def __init__(self, arrays: dict[str, np.ndarray], meta: dict[str, Any]) -> None:
        self.meta = meta
        self.features: list[str] = arrays["vocab"].tobytes().decode("utf-8").split("\n")
        self.index = {feature: i for i, feature in enumerate(self.features)}
        self.idf = arrays["idf"].astype(np.float64)
        self.coef = arrays["coef"].astype(np.float32)
        self.intercept = arrays["intercept"].astype(np.float64)
        self.outputs: list[str] = meta["outputs"]
        self.column = {name: i for i, name in enumerate(self.outputs)}
        self.calibration: dict[str, list[float]] = meta["calibration"]
        self.thresholds: dict[str, float] = meta["thresholds"]
        self.sublinear = bool(meta.get("sublinear_tf", True))
        self._token_cache: dict[str, array] = {}
        #: What a vote of the rules adds to the sentiment probabilities (cross-validated).
        self.rules_sentiment_weight = float(meta.get("sentiment_rules_weight", 0.0))
        self.categories = [o[4:] for o in self.outputs if o.startswith("cat:")]
        self.theme_ids = [o[6:] for o in self.outputs if o.startswith("theme:")]
        #: Themes the analyser finds with either tier (cross-validation chose the union).
        self.themes_from_either_tier = frozenset(meta.get("themes_from_either_tier", ()))
        self._sentiment_cols = [self.column[f"sent:{s}"] for s in SENTIMENTS]

    @property
    def concern_threshold(self) -> float:
        """The calibrated concern score at which an alert is raised."""
        return self.thresholds["concern"]

    def _token_ids(self, token: str) -> array:
        """Vocabulary ids of one word's own features, cached: words repeat across answers."""
        ids = self._token_cache.get(token)
        if ids is None:
            ids = array("l", (i for i in map(self.index.get, token_grams(token)) if i is not None))
            if len(self._token_cache) < TOKEN_CACHE:
                self._token_cache[token] = ids
        return ids

    def _row(self, text: str, prompt: str | None) -> tuple[np.ndarray, np.ndarray]:
        """The answer's TF-IDF row as (feature ids, l2-normalised weights)."""
        tokens = words(text)
        ids = array("l")
        for token in tokens:
            ids.extend(self._token_ids(token))
        ids.extend(i for i in map(self.index.get, context_grams(tokens, prompt)) if i is not None)
        if not ids:
            return np.zeros(0, dtype=np.intp), np.zeros(0)
        idx, counts = np.unique(np.frombuffer(ids, dtype=np.int64), return_counts=True)
        tf = counts.astype(np.float64)
        if self.sublinear:
            tf = 1.0 + np.log(tf)
        weights = tf * self.idf[idx]
        return idx, weights / np.linalg.norm(weights)

    def decision(self, text: str, prompt: str | None = None) -> np.ndarray:
        """Raw linear scores of every output for ``text`` (one row times the matrix)."""
        idx, weights = self._row(text, prompt)
        return weights @ self.coef[idx] + self.intercept

    def calibrated(self, output: str, decision: float) -> float:
        """Map a raw score of a yes/no output to a probability (Platt scaling)."""
        a, b = self.calibration[output]
        return _sigmoid(a * decision + b)

    def concern_decision(
        self, text: str, prompt: str | None = None, whole: np.ndarray | None = None
    ) -> float:
        """The highest raw concern score of the whole answer and each of its sentences."""
        col = self.column["concern"]
        best = float((self.decision(text, prompt) if whole is None else whole)[col])
        parts = sentences(text)
        if len(parts) > 1:
            for part in parts:
                best = max(best, float(self.decision(part, prompt)[col]))
        return best

    def score(self, text: str, prompt: str | None = None) -> ModelScores:
        """Every output of the learned tier for one answer."""
        whole = self.decision(text, prompt)
        concern = self.calibrated("concern", self.concern_decision(text, prompt, whole))
        logits = whole[self._sentiment_cols]
        exp = np.exp(logits - logits.max())
        probs = exp / exp.sum()
        return ModelScores(
            concern=concern,
            categories={
                c: self.calibrated(f"cat:{c}", float(whole[self.column[f"cat:{c}"]]))
                for c in self.categories
            },
            sentiment=SENTIMENTS[int(np.argmax(probs))],
            sentiment_probabilities={s: float(p) for s, p in zip(SENTIMENTS, probs, strict=True)},
            themes={
                t: self.calibrated(f"theme:{t}", float(whole[self.column[f"theme:{t}"]]))
                for t in self.theme_ids
            },
        )

    def found_categories(self, scores: ModelScores) -> tuple[str, ...]:
        """Categories past their thresholds; the likeliest one when none is."""
        found = tuple(
            c for c in self.categories if scores.categories[c] >= self.thresholds[f"cat:{c}"]
        )
        return found or (max(self.categories, key=scores.categories.__getitem__),)

    def found_themes(self, scores: ModelScores) -> tuple[str, ...]:
        """Themes whose calibrated score passes their cross-validated threshold."""
        return tuple(t for t in self.theme_ids if scores.themes[t] >= self.thresholds[f"theme:{t}"])

    def strongest_words(
        self, text: str, prompt: str | None = None, top: int = 5, output: str = "concern"
    ) -> tuple[str, ...]:
        """The words of ``text`` that pushed ``output`` up most, strongest first.

        Each word is credited with its own feature, half of each word pair it is in, and
        its character n-grams, so a misspelling ("hitts") still names the word written.
        """
        idx, weights = self._row(text, prompt)
        col = self.column[output]
        contribution = dict(
            zip(idx.tolist(), (weights * self.coef[idx, col]).tolist(), strict=True)
        )
        credit: dict[str, float] = {}
        tokens = words(text)
        for a, b in itertools.pairwise(tokens):
            share = contribution.get(self.index.get(f"w:{a} {b}", -1), 0.0) / 2
            credit[a] = credit.get(a, 0.0) + share
            credit[b] = credit.get(b, 0.0) + share
        for token in dict.fromkeys(tokens):
            own = sum(contribution.get(i, 0.0) for i in set(self._token_ids(token)))
            credit[token] = credit.get(token, 0.0) + own
        ranked = sorted(
            (w for w in credit if credit[w] > 0 and w not in _FUNCTION_WORDS),
            key=lambda w: -credit[w],
        )
        return tuple(ranked[:top])


def model_paths(directory: Path = MODEL_DIR, name: str = MODEL_NAME) -> tuple[Path, Path]:
    """The ``.npz`` and ``.json`` files of a model."""
    return directory / f"{name}.npz", directory / f"{name}.json"


def load_model(directory: Path = MODEL_DIR, name: str = MODEL_NAME) -> LearnedModel | None:
    """Read a model from ``directory``; None when it has not been built."""
    npz, meta_path = model_paths(directory, name)
    if not npz.exists() or not meta_path.exists():
        return None
    with np.load(npz, allow_pickle=False) as data:
        arrays = {key: data[key] for key in data.files}
    return LearnedModel(arrays, json.loads(meta_path.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def shipped_model() -> LearnedModel | None:
    """The model shipped with Heard, loaded once per process."""
    return load_model()


def write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write ``arrays`` as an ``.npz`` whose bytes depend only on the arrays.

    numpy.savez stamps each member with the current time; fixed dates and order make a
    rebuilt model byte-identical, so a changed file always means a changed model.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for key in sorted(arrays):
            info = zipfile.ZipInfo(f"{key}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with zf.open(info, "w") as fh:
                np.lib.format.write_array(fh, np.ascontiguousarray(arrays[key]), allow_pickle=False)
