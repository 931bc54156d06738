"""T17 on the product path with three treatments of repeats (articles that copy another).

    .venv/bin/python bench/tls_repeats.py --stores /tmp/t17stores

``omit``: repeats are not candidates (the product before issue 20's part C closed);
``flag``: what ``views.summary.candidates`` does: repeats are candidates marked
``repeat`` (they count for date ranking and sentence support, and are never shown);
``show``: repeats are ordinary candidates.
The stores are built by ``add`` when missing (``storyline eval tls --stores`` uses the
same folder). Writes bench/results/tls_repeats.json.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import T17, write_result  # noqa: E402


@contextmanager
def repeats_as(treatment: str) -> Iterator[None]:
    """Patch ``views.summary.candidates`` (which flags repeats) for the length of one run."""
    import storyline.views.summary as summary
    from storyline.views.corpus import Corpus

    real = summary.candidates

    def candidates(corpus: Corpus, entity_ids: set[str] | None = None) -> list[Any]:
        out = real(corpus, entity_ids)
        if treatment == "omit":
            return [s for s in out if not s.repeat]
        return [dataclasses.replace(s, repeat=False) for s in out]

    if treatment != "flag":
        summary.candidates = candidates  # type: ignore[assignment]
    try:
        yield
    finally:
        summary.candidates = real


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stores", type=Path, required=True, help="one store per topic")
    parser.add_argument("--data", type=Path, default=T17)
    args = parser.parse_args()
    from storyline.eval.tls import evaluate

    result: dict[str, Any] = {}
    for treatment in ("omit", "flag", "show"):
        with repeats_as(treatment):
            scores = evaluate(args.data, stores=args.stores)
        result[treatment] = {
            k: round(v, 4)
            for k, v in scores.items()
            if k.endswith(("_f1", "_precision", "_recall"))
        }
        result[treatment]["per_timeline"] = [
            {k: r[k] for k in ("topic", "timeline", "ar1_f1", "ar2_f1", "date_f1")}
            for r in scores["per_timeline"]
        ]
        row = result[treatment]
        print(
            f"{treatment:5} AR-1 {row['ar1_f1']:.4f}  AR-2 {row['ar2_f1']:.4f}  date F1 {row['date_f1']:.4f}"
        )
    write_result("tls_repeats", result)


if __name__ == "__main__":
    main()
