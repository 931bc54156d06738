"""Fit the stance model on FNC-1 train and write ``annotate/stance/stance_model.npz``.

    nice -n 10 .venv/bin/python bench/train_stance.py [--dry-run]

Bodies (not pairs) are split with a fixed seed: 70 % fit, 15 % dev, 15 % test, so
no body is in two parts. Hyper-parameters (hidden size, L2) and the decision
offsets (one per class, added to the log-probabilities) are chosen on dev
macro-F1; test is scored once, at the end, and reported with dev. The shipped
file records fit + dev body ids, so ``storyline eval stance`` over FNC-1 train
scores the test bodies only. scikit-learn is used here only, for fitting.
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS  # noqa: E402
from sklearn.neural_network import MLPClassifier  # noqa: E402

from common import ROOT, SHARED, write_result  # noqa: E402
from storyline.annotate.stance.features import Featurizer, tokens  # noqa: E402
from storyline.annotate.stance.model import LABELS, MODEL_FILE, StanceModel, save  # noqa: E402
from storyline.eval.stance import read_fnc, score  # noqa: E402

SEED = 20260
VOCABULARY = 5000
OUT = ROOT / "src" / "storyline" / "annotate" / "stance" / MODEL_FILE


def split_bodies(body_ids: list[int]) -> tuple[set[int], set[int], set[int]]:
    ids = sorted(body_ids)
    random.Random(SEED).shuffle(ids)
    a, b = int(0.70 * len(ids)), int(0.85 * len(ids))
    return set(ids[:a]), set(ids[a:b]), set(ids[b:])


def build_featurizer(texts: list[str]) -> Featurizer:
    stop = frozenset(ENGLISH_STOP_WORDS)
    tf: Counter[str] = Counter()
    df: Counter[str] = Counter()
    for text in texts:
        words = [w for w in tokens(text) if w not in stop]
        tf.update(words)
        df.update(set(words))
    vocabulary = [w for w, _ in tf.most_common(VOCABULARY)]
    n = len(texts)
    idf = np.array([math.log((1 + n) / (1 + df[w])) + 1 for w in vocabulary])
    return Featurizer(vocabulary, idf, sorted(stop))


def choose_offsets(probs: np.ndarray, gold: list[str]) -> tuple[np.ndarray, float]:
    """Per-class log-probability offsets maximizing macro-F1 (coordinate search)."""
    grid = np.linspace(-1.0, 3.0, 17)
    offsets = np.zeros(len(LABELS))
    logp = np.log(np.maximum(probs, 1e-12))

    def macro(o: np.ndarray) -> float:
        pred = [LABELS[i] for i in (logp + o).argmax(axis=1)]
        return float(score(gold, pred)["macro_f1"])

    best = macro(offsets)
    for _ in range(2):
        for k in range(len(LABELS) - 1):  # unrelated stays at 0: offsets are relative
            for value in grid:
                trial = offsets.copy()
                trial[k] = value
                m = macro(trial)
                if m > best:
                    best, offsets = m, trial
    return offsets, best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dry-run", action="store_true", help="do not write the model file")
    parser.add_argument("--hidden", type=int, nargs="*", default=[100])
    parser.add_argument("--alpha", type=float, nargs="*", default=[1e-4, 1e-3])
    args = parser.parse_args()
    started = time.perf_counter()
    bodies, pairs = read_fnc(SHARED / "datasets" / "fnc1" / "train")
    fit_b, dev_b, test_b = split_bodies(list(bodies))
    fit = [p for p in pairs if p.body_id in fit_b]
    dev = [p for p in pairs if p.body_id in dev_b]
    test = [p for p in pairs if p.body_id in test_b]
    featurizer = build_featurizer(
        [bodies[b] for b in fit_b] + list(dict.fromkeys(p.headline for p in fit))
    )

    def matrix(part: list) -> tuple:  # type: ignore[type-arg]
        return featurizer.transform([(p.headline, bodies[p.body_id]) for p in part]), [
            p.stance for p in part
        ]

    x_fit, y_fit = matrix(fit)
    x_dev, y_dev = matrix(dev)
    x_test, y_test = matrix(test)
    print(
        f"features {featurizer.size}, fit {len(fit)} dev {len(dev)} test {len(test)} pairs",
        flush=True,
    )
    # Rare classes repeated in the fitting rows (MLPClassifier takes no class weights).
    repeat = {"agree": 2, "disagree": 6, "discuss": 1, "unrelated": 1}
    rows = [i for i, y in enumerate(y_fit) for _ in range(repeat[y])]
    random.Random(SEED).shuffle(rows)
    x_rep, y_rep = x_fit[rows], [y_fit[i] for i in rows]
    trials = []
    best = None
    for hidden, alpha in itertools.product(args.hidden, args.alpha):
        t0 = time.perf_counter()
        mlp = MLPClassifier(
            hidden_layer_sizes=(hidden,), alpha=alpha, max_iter=12, batch_size=256,
            learning_rate_init=1e-3, random_state=SEED, early_stopping=False,
        )  # fmt: skip
        mlp.fit(x_rep, y_rep)
        order = [list(mlp.classes_).index(label) for label in LABELS]
        probs = mlp.predict_proba(x_dev)[:, order]
        offsets, dev_macro = choose_offsets(probs, y_dev)
        plain = score(y_dev, [LABELS[i] for i in probs.argmax(axis=1)])["macro_f1"]
        trial = {"hidden": hidden, "alpha": alpha, "dev_macro_f1_argmax": plain, "dev_macro_f1": dev_macro, "offsets": offsets.tolist(), "fit_seconds": round(time.perf_counter() - t0, 1)}  # fmt: skip
        print(trial, flush=True)
        trials.append(trial)
        if best is None or dev_macro > best[0]:
            best = (dev_macro, mlp, order, offsets, trial)
    assert best is not None
    _, mlp, order, offsets, chosen = best
    model = StanceModel(
        featurizer=featurizer,
        hidden_weights=mlp.coefs_[0].astype(np.float32),
        hidden_bias=mlp.intercepts_[0],
        output_weights=mlp.coefs_[1][:, order],
        output_bias=mlp.intercepts_[1][order],
        decision_bias=offsets,
        used_bodies=frozenset(fit_b | dev_b),
    )
    # Scored through the exported arrays (float16 weights), as shipped.
    if not args.dry_run:
        save(model, OUT, sorted(ENGLISH_STOP_WORDS))
        from storyline.annotate.stance.model import load

        model = load(OUT)
    dev_scores = score(y_dev, model.predict([(p.headline, bodies[p.body_id]) for p in dev]))
    test_scores = score(y_test, model.predict([(p.headline, bodies[p.body_id]) for p in test]))
    print("dev", dev_scores)
    print("test", test_scores)
    result = {
        "command": "nice -n 10 .venv/bin/python bench/train_stance.py",
        "split": {
            "seed": SEED,
            "fit_bodies": len(fit_b),
            "dev_bodies": len(dev_b),
            "test_bodies": len(test_b),
        },
        "chosen": chosen,
        "trials": trials,
        "dev": dev_scores,
        "test": test_scores,
        "model_bytes": OUT.stat().st_size if OUT.exists() else None,
        "seconds": round(time.perf_counter() - started, 1),
    }
    print(write_result("stance_train", result))


if __name__ == "__main__":
    main()
