"""Evaluating the stance model on FNC-1 (``DIR/bodies.csv``, ``DIR/stances.csv``).

Scores (``shared/spec/cli.md``): FNC-1's relative score, 0.25 for each pair whose
related / unrelated call is right plus 0.75 for each related pair whose stance
(agree, disagree, discuss) is right, over the best possible total; and the
macro-F1 of the four classes, the figure that counts (always answering
"discuss" for related pairs already reaches a relative score near 0.8).

The shipped model records the training-split body ids it was fitted or tuned
on. Pairs whose body is one of them are left out and the result says how many
(``left_out``): scoring the training split scores only its held-out bodies; any
other folder (FNC-1's test split) is scored whole.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..annotate.stance import LABELS, StanceModel, shipped
from ..errors import EvalError

csv.field_size_limit(1 << 24)


@dataclass(frozen=True)
class Pair:
    headline: str
    body_id: int
    stance: str


def read_fnc(directory: Path) -> tuple[dict[int, str], list[Pair]]:
    """Bodies by id and the pairs in file order; E640/E641 name what is wrong."""
    bodies_path, stances_path = directory / "bodies.csv", directory / "stances.csv"
    for path in (bodies_path, stances_path):
        if not path.is_file():
            raise EvalError(
                f"{directory}: no {path.name} (FNC-1 layout: bodies.csv, stances.csv)", code="E640"
            )
    try:
        with bodies_path.open(encoding="utf-8", newline="") as handle:
            bodies = {int(r["Body ID"]): r["articleBody"] for r in csv.DictReader(handle)}
        with stances_path.open(encoding="utf-8", newline="") as handle:
            pairs = [
                Pair(r["Headline"], int(r["Body ID"]), (r.get("Stance") or "").strip())
                for r in csv.DictReader(handle)
            ]
    except (KeyError, ValueError, UnicodeDecodeError, csv.Error) as e:
        raise EvalError(
            f"{directory}: not FNC-1 csv files: {type(e).__name__}: {e}", code="E641"
        ) from e
    missing = sorted({p.body_id for p in pairs} - bodies.keys())
    if missing:
        raise EvalError(f"{stances_path}: body ids with no body: {missing[:5]}", code="E641")
    return bodies, pairs


def relative_score(gold: Sequence[str], predicted: Sequence[str]) -> float:
    score = best = 0.0
    for g, p in zip(gold, predicted, strict=True):
        related_g, related_p = g != "unrelated", p != "unrelated"
        best += 0.25 + (0.75 if related_g else 0.0)
        if related_g == related_p:
            score += 0.25
            if related_g and g == p:
                score += 0.75
    return score / best if best else 0.0


def f1_by_class(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for label in LABELS:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        n_pred = sum(1 for p in predicted if p == label)
        n_gold = sum(1 for g in gold if g == label)
        out[label] = 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0
    return out


def score(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    f1 = f1_by_class(gold, predicted)
    return {
        "pairs": len(gold),
        "relative_score": relative_score(gold, predicted),
        "macro_f1": sum(f1.values()) / len(f1),
        "f1": f1,
    }


def evaluate(
    directory: Path,
    predictions: Path | None = None,
    *,
    model: StanceModel | None = None,
    limit: int | None = None,
) -> dict[str, Any]:
    """Score ``model`` (default: the shipped one) on the FNC-1 folder ``directory``.

    ``limit`` scores only the first ``limit`` scored pairs (for quick checks).
    ``predictions`` writes ``OUT/stances.csv`` with a stance for every input pair,
    in input order (pairs held out of scoring are predicted too).
    """
    started = time.perf_counter()
    model = model or shipped()
    bodies, pairs = read_fnc(directory)
    if any(p.stance not in LABELS for p in pairs) and predictions is None:
        bad = next(p for p in pairs if p.stance not in LABELS)
        raise EvalError(
            f"{directory}: stance {bad.stance!r} is not one of {', '.join(LABELS)}", code="E642"
        )
    unused = [i for i, p in enumerate(pairs) if p.body_id not in model.used_bodies]
    scored = unused[:limit] if limit is not None else unused
    to_predict = range(len(pairs)) if predictions is not None else scored
    predicted = model.predict([(pairs[i].headline, bodies[pairs[i].body_id]) for i in to_predict])
    labels = dict(zip(to_predict, predicted, strict=True))
    gold = [pairs[i].stance for i in scored]
    result: dict[str, Any] = (
        score(gold, [labels[i] for i in scored])
        if all(g in LABELS for g in gold)
        else {"pairs": len(scored)}
    )
    # Named for what it counts: pairs not scored because the model saw their body.
    result["left_out"] = len(pairs) - len(unused)
    if result["left_out"]:
        result["note"] = (
            f"{result['left_out']} pairs left out: their bodies were used to fit or tune the model"
        )
    if predictions is not None:
        predictions.mkdir(parents=True, exist_ok=True)
        with (predictions / "stances.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["Headline", "Body ID", "Stance"])
            for i, p in enumerate(pairs):
                writer.writerow([p.headline, p.body_id, labels[i]])
    result["seconds"] = round(time.perf_counter() - started, 3)
    return result
