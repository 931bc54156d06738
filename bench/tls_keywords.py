"""T17 on the product path when nobody gives a query: the digest of a pile.

    .venv/bin/python bench/tls_keywords.py --stores /tmp/t17stores [--sizes 3 4 5 6 8 10 12]

``storyline timeline`` has no query unless the reader gives one (or an entity),
while ``eval tls`` passes each topic's keywords (``syria``, ``syrian``), as the
benchmark does. This scores the builder on the same candidates three ways:

* ``given``: the topic's keywords (what ``eval tls`` scores);
* ``none``: no query (the digest before ``views.tls.relevance.story_keywords``);
* ``story-K``: the pile's own K words (``story_keywords`` over the candidates, copies left out, counted
  over the whole topic, as ``views.digest.DigestInput`` counts them over the pile),
  and K chosen leave-one-topic-out: for each topic, the K with the best AR-1 F1 on
  the other eight, scored on the held-out one.

The stores are built by ``add`` when missing (``storyline eval tls --stores`` uses
the same folder). Writes bench/results/tls_keywords.json.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import T17, write_result  # noqa: E402


def _f1(rows: Sequence[dict[str, Any]], metric: str) -> float:
    """F1 of the mean precision and mean recall over timelines (as ``eval tls``)."""
    p = sum(r[f"{metric}_precision"] for r in rows) / len(rows)
    r = sum(r[f"{metric}_recall"] for r in rows) / len(rows)
    return 2 * p * r / (p + r) if p + r else 0.0


def _texts(sentences: Any) -> Any:
    """(article, text) of each candidate that is no copy: what ``Corpus.story_words``
    counts (the same words on all nine T17 stores)."""
    return ((s.article, s.text) for s in sentences if not s.repeat)


def summary(rows: Sequence[dict[str, Any]]) -> dict[str, float]:
    return {
        "ar1_f1": round(_f1(rows, "ar1"), 4),
        "ar2_f1": round(_f1(rows, "ar2"), 4),
        "date_f1": round(_f1(rows, "date"), 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stores", type=Path, required=True, help="a store per topic")
    parser.add_argument("--sizes", type=int, nargs="+", default=[3, 4, 5, 6, 8, 10, 12])
    args = parser.parse_args()

    from storyline.eval.tls import prepare_dataset, score_topics
    from storyline.views.tls import build_timeline
    from storyline.views.tls.relevance import STORY_KEYWORDS, story_keywords

    topics, _ = prepare_dataset(T17, preparation="product", stores=args.stores)

    def run(query_of: Any) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for topic in topics:
            query = query_of(topic)

            def builder(
                window: Any, n: int, k: int, _kw: Any, start: Any, end: Any, query: Any = query
            ) -> Any:
                return build_timeline(
                    window, n_dates=n, sents_per_date=k, query=query, start=start, end=end
                )

            rows += score_topics([topic], builder=builder)["per_timeline"]
        return rows

    runs = {
        "given": run(lambda t: tuple(t.keywords)),
        "none": run(lambda t: ()),
    }
    keywords = {
        k: {t.name: story_keywords(_texts(t.sentences), k) for t in topics} for k in args.sizes
    }
    for k in args.sizes:
        runs[f"story-{k}"] = run(lambda t, k=k: keywords[k][t.name])

    held_out: list[dict[str, Any]] = []
    picks: dict[str, int] = {}
    for topic in topics:

        def others(k: int, name: str = topic.name) -> float:
            return _f1([r for r in runs[f"story-{k}"] if r["topic"] != name], "ar1")

        best = max(args.sizes, key=lambda k: (others(k), -k))  # ties: fewer words
        picks[topic.name] = best
        held_out += [r for r in runs[f"story-{best}"] if r["topic"] == topic.name]

    result = {
        "shipped_size": STORY_KEYWORDS,
        "scores": {name: summary(rows) for name, rows in runs.items()},
        "story_leave_one_topic_out": {"picks": picks, **summary(held_out)},
        "keywords": {str(k): v for k, v in keywords.items()},
    }
    path = write_result("tls_keywords", result)
    for name, got in result["scores"].items():
        print(
            f"{name:10} AR-1 {got['ar1_f1']:.4f}  AR-2 {got['ar2_f1']:.4f}  date {got['date_f1']:.4f}"
        )
    loto = result["story_leave_one_topic_out"]
    print(f"story, K left one topic out: {loto} -> {path}")


if __name__ == "__main__":
    main()
