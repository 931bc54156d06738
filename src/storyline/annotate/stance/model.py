"""The stance of a text towards a claim: agree, disagree, discuss or unrelated.

A one-hidden-layer network over ``features.Featurizer`` rows, fitted on the
FNC-1 training split by ``bench/train_stance.py`` (scikit-learn is used there
only) and shipped as arrays in ``stance_model.npz``, read with
``allow_pickle=False``. Scoring is two matrix products in numpy. The decision
adds a per-class offset to the log-probabilities (``bias``), chosen on the
development bodies to make up for the rare classes (disagree is 2 % of pairs).
The file also records which FNC-1 body ids the model was fitted or tuned on,
so ``eval stance`` over the training split scores only the bodies held out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from ...errors import AnnotateError
from .features import Featurizer

MODEL_FILE = "stance_model.npz"
LABELS = ("agree", "disagree", "discuss", "unrelated")


@dataclass
class StanceModel:
    featurizer: Featurizer
    hidden_weights: np.ndarray  # (features, hidden)
    hidden_bias: np.ndarray
    output_weights: np.ndarray  # (hidden, classes)
    output_bias: np.ndarray
    decision_bias: np.ndarray  # added to log-probabilities before the argmax
    used_bodies: frozenset[int]  # FNC-1 body ids fitted or tuned on
    labels: tuple[str, ...] = LABELS

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """(pairs, classes) probabilities, columns in ``labels`` order."""
        if not pairs:
            return np.zeros((0, len(self.labels)))
        x = self.featurizer.transform(pairs)
        hidden = np.maximum(x @ self.hidden_weights + self.hidden_bias, 0.0)
        logits = hidden @ self.output_weights + self.output_bias
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        return np.asarray(e / e.sum(axis=1, keepdims=True))

    def decide(self, probabilities: np.ndarray) -> list[str]:
        scores = np.log(np.maximum(probabilities, 1e-12)) + self.decision_bias
        return [self.labels[i] for i in scores.argmax(axis=1)]

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[str]:
        return self.decide(self.probabilities(pairs))


def save(model: StanceModel, path: Path, stopwords: Sequence[str]) -> None:
    f = model.featurizer
    np.savez_compressed(
        path,
        vocabulary=np.array(f.vocabulary, dtype=str),
        idf=f.idf.astype(np.float32),
        stopwords=np.array(sorted(stopwords), dtype=str),
        hidden_weights=model.hidden_weights.astype(np.float16),
        hidden_bias=model.hidden_bias.astype(np.float32),
        output_weights=model.output_weights.astype(np.float32),
        output_bias=model.output_bias.astype(np.float32),
        decision_bias=model.decision_bias.astype(np.float32),
        used_bodies=np.array(sorted(model.used_bodies), dtype=np.int64),
        labels=np.array(model.labels, dtype=str),
    )


def load(path: Path | None = None) -> StanceModel:
    """The shipped model, or the one at ``path``."""
    try:
        if path is None:
            with resources.files(__package__).joinpath(MODEL_FILE).open("rb") as handle:
                return _from_arrays(np.load(handle, allow_pickle=False))
        return _from_arrays(np.load(path, allow_pickle=False))
    except (OSError, ValueError, KeyError) as e:
        raise AnnotateError(
            f"stance model {path or MODEL_FILE} cannot be read: {e}", code="E260"
        ) from e


def _from_arrays(data: np.lib.npyio.NpzFile) -> StanceModel:
    with data:
        featurizer = Featurizer(
            [str(w) for w in data["vocabulary"]], data["idf"], [str(w) for w in data["stopwords"]]
        )
        return StanceModel(
            featurizer=featurizer,
            hidden_weights=data["hidden_weights"].astype(np.float32),
            hidden_bias=data["hidden_bias"],
            output_weights=data["output_weights"],
            output_bias=data["output_bias"],
            decision_bias=data["decision_bias"],
            used_bodies=frozenset(int(b) for b in data["used_bodies"]),
            labels=tuple(str(label) for label in data["labels"]),
        )


@lru_cache(maxsize=1)
def shipped() -> StanceModel:
    """The shipped model, read once per process (it is read-only)."""
    return load()
