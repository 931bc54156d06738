"""How much a PolNeAR score can tell: a bootstrap over documents, for one system or two.

A system is a folder of predicted ``.ann`` files, as ``storyline eval quotes DIR
--predictions OUT [--all]`` writes them. Each draw resamples the split's documents
with replacement and scores them as ``storyline.eval.quotes.score`` does (each
distinct span once, a maximum one-to-one overlap matching, micro-averaged). The
result is each system's F1 with its standard error and 95 % interval. Given two
folders, it also gives the paired difference (second minus first) over the same
draws. A change much smaller than these intervals cannot be told from chance on
that split.

    .venv/bin/storyline eval quotes ../shared/datasets/polnear/dev --all --predictions /tmp/a
    .venv/bin/python bench/quotes_noise.py /tmp/a [/tmp/b] [--split dev] [--draws 2000]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED, write_result  # noqa: E402

ROLES = ("source", "content")
Counts = tuple[int, int, int]  # matched, predicted, gold


def _f1(rows: list[Counts]) -> float:
    tp = sum(r[0] for r in rows)
    pred = sum(r[1] for r in rows)
    gold = sum(r[2] for r in rows)
    return 2 * tp / (pred + gold) if pred + gold else 0.0


def document_counts(split_dir: Path, predictions: Path, role: str) -> list[Counts]:
    """(matched, predicted, gold) spans of one role, per document of the split."""
    from storyline.eval.brat import read_ann
    from storyline.eval.quotes import distinct, gold_pairs, match_overlap

    rows: list[Counts] = []
    for text_path, ann_path in gold_pairs(split_dir):
        predicted = predictions / f"{text_path.stem}.ann"
        pred = read_ann(predicted) if predicted.is_file() else []
        gold = read_ann(ann_path)
        g = distinct([a.role(role.title()) for a in gold if a.role(role.title())])
        p = distinct([a.role(role.title()) for a in pred if a.role(role.title())])
        rows.append((match_overlap(g, p), len(p), len(g)))
    return rows


def _summary(values: list[float], point: float) -> dict[str, float]:
    values = sorted(values)
    se = (sum((v - point) ** 2 for v in values) / len(values)) ** 0.5
    lo, hi = values[int(0.025 * len(values))], values[int(0.975 * len(values)) - 1]
    return {"f1": round(point, 4), "se": round(se, 4), "low": round(lo, 4), "high": round(hi, 4)}


def bootstrap(systems: list[list[Counts]], draws: int, seed: int) -> dict[str, Any]:
    """Each system's F1 interval and, for two, the paired difference."""
    rng = random.Random(seed)
    n = len(systems[0])
    samples: list[list[float]] = [[] for _ in systems]
    for _ in range(draws):
        picks = [rng.randrange(n) for _ in range(n)]
        for k, rows in enumerate(systems):
            samples[k].append(_f1([rows[i] for i in picks]))
    out: dict[str, Any] = {
        f"system_{k + 1}": _summary(samples[k], _f1(rows)) for k, rows in enumerate(systems)
    }
    if len(systems) == 2:
        diffs = [b - a for a, b in zip(samples[0], samples[1], strict=True)]
        out["difference"] = _summary(diffs, _f1(systems[1]) - _f1(systems[0]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("predictions", type=Path, nargs="+", help="one or two .ann folders")
    parser.add_argument("--split", default="dev", help="PolNeAR split folder under ../shared")
    parser.add_argument("--draws", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if len(args.predictions) > 2:
        parser.error("give one or two prediction folders")
    split_dir = SHARED / "datasets" / "polnear" / args.split
    result: dict[str, Any] = {
        "split": args.split,
        "predictions": [str(p) for p in args.predictions],
        "draws": args.draws,
    }
    for role in ROLES:
        systems = [document_counts(split_dir, p, role) for p in args.predictions]
        result["documents"] = len(systems[0])
        result[f"{role}_gold"] = sum(r[2] for r in systems[0])
        result[role] = bootstrap(systems, args.draws, args.seed)
        for name, s in result[role].items():
            print(
                f"{role:8} {name:9} F1 {s['f1']:+.4f}  se {s['se']:.4f}  95% {s['low']:+.4f} .. {s['high']:+.4f}"
            )
    print("->", write_result(f"quotes_noise_{args.split}", result))


if __name__ == "__main__":
    main()
