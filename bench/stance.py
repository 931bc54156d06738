"""``eval stance`` on the FNC-1 training split's held-out bodies, plus inference speed.

    nice -n 10 .venv/bin/python bench/stance.py

The shipped model records the bodies it was fitted or tuned on (bench/train_stance.py:
70 % fit, 15 % dev); the rest (15 %, never seen) is scored here, the way
``storyline eval stance ../shared/datasets/fnc1/train`` scores it. Also: pairs a
second the model scores once its text features are built (the body cache cleared),
and always-"discuss" for related / always-"unrelated" baselines on the same pairs,
to show what the relative score alone rewards; and how many held-out pairs have a headline
never paired with a fitting body (FNC-1 repeats claims across bodies). Results: bench/results/stance.json.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED, write_result  # noqa: E402
from storyline.annotate.stance import load  # noqa: E402
from storyline.eval.stance import evaluate, read_fnc, score  # noqa: E402

FNC = SHARED / "datasets" / "fnc1" / "train"


def main() -> None:
    model = load()
    result = evaluate(FNC, model=model)
    bodies, pairs = read_fnc(FNC)
    held = [p for p in pairs if p.body_id not in model.used_bodies]
    gold = [p.stance for p in held]
    model.featurizer._text_cache.clear()
    started = time.perf_counter()
    model.predict([(p.headline, bodies[p.body_id]) for p in held])
    seconds = time.perf_counter() - started
    # FNC-1 claims repeat across bodies: a held-out body's headline may have been seen
    # with fitting bodies, which makes this split easier than FNC-1's test split.
    seen = {p.headline for p in pairs if p.body_id in model.used_bodies}
    fresh = [p for p in held if p.headline not in seen]
    oracle_related = ["discuss" if g != "unrelated" else "unrelated" for g in gold]
    out = {
        "command": "nice -n 10 .venv/bin/python bench/stance.py",
        "held_out": result,
        "pairs_per_second": round(len(held) / seconds, 1),
        "held_out_bodies": len({p.body_id for p in held}),
        "held_out_pairs_with_unseen_headline": len(fresh),
        "baseline_discuss_if_related_oracle": score(gold, oracle_related),
        "baseline_all_unrelated": score(gold, ["unrelated"] * len(gold)),
    }
    print(out)
    print(write_result("stance", out))


if __name__ == "__main__":
    main()
