"""Stories in a mixed pile (issue 21): T17's topics mixed, fed day by day.

Chooses the clustering's join threshold and name weight by leave-one-topic-out
(LOTO): for each topic, the setting with the best B-cubed F1 on the pile of the
other topics is used to cluster the full pile, and that topic's articles are
scored (their B-cubed precision and recall). Each article is held out exactly
once, so the LOTO figure is B-cubed over all articles with per-fold settings.
Also: the shipped defaults on the full pile, online and all-at-once, and speed.

    nice -n 10 .venv/bin/python bench/stories.py [--quick]
    nice -n 10 .venv/bin/python bench/stories.py --store [--copies 4]   # stored index, cost per add

Writes bench/results/stories.json (``--store``: stories_store[_x<copies>].json).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import T17, write_result  # noqa: E402
from storyline.eval.stories import adjusted_rand, batch, bcubed, bcubed_items, load_pile  # noqa: E402
from storyline.link.stories import Features, PileItem, StoryIndex, StoryParams, features  # noqa: E402

Feed = list[tuple[dt.date, list[tuple[str, Features]]]]


def feed(items: list[PileItem], params: StoryParams) -> Feed:
    by_day: dict[dt.date, list[tuple[str, Features]]] = {}
    for item in sorted(items, key=lambda i: (i.published, i.id)):
        by_day.setdefault(item.published, []).append(
            (item.id, features(item.text, item.entities, params))
        )
    return sorted(by_day.items())


def run(days: Feed, params: StoryParams, skip: str | None, gold: dict[str, str]) -> dict[str, str]:
    index = StoryIndex(params)
    for day, batch_ in days:
        kept = [(aid, c) for aid, c in batch_ if gold[aid] != skip]
        if kept:
            index.add_day(day, kept)
    return index.clusters()


def store_cost(copies: int = 1, last: int = 20) -> None:
    """All T17 articles but the ``last`` (by date) stored and assigned at once, then
    the ``last`` added one at a time: the seconds ``assign_stories`` takes for each
    (no annotation: stories read only the articles' text). ``copies``: the pile
    repeated with new ids, each copy ten years (3,653 days) after the one before."""
    import tempfile

    from storyline.link.story_index import assign_stories
    from storyline.models import Article
    from storyline.store import Store

    items, gold = load_pile(T17)
    items.sort(key=lambda i: (i.published, i.id))
    articles = [
        Article(
            id=f"t17-{k}-{n}",
            text=i.text,
            published=i.published + dt.timedelta(days=3653 * k),
        )
        for k in range(copies)
        for n, i in enumerate(items)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "stories.db")
        store.add_articles(articles[:-last])
        start = time.perf_counter()
        assign_stories(store)
        initial = time.perf_counter() - start
        each = []
        for article in articles[-last:]:
            store.add_articles([article])
            start = time.perf_counter()
            assign_stories(store)
            each.append(time.perf_counter() - start)
        # the clusterer's state as stored: settings, story rows, term frequencies
        from sqlalchemy import func, select

        from storyline.store import schema

        with store.engine.connect() as conn:
            rows_bytes = conn.execute(
                select(func.sum(func.length(schema.story_states.c.state)))
            ).scalar_one()
            terms = conn.execute(select(func.count()).select_from(schema.story_terms)).scalar_one()
        state_bytes = len(store.story_state()[1].encode()) + int(rows_bytes or 0)
        stories = len(store.stories())
        store.close()
    result = {
        "articles": len(articles),
        "initial_assign_seconds": round(initial, 1),
        "initial_articles_per_second": round((len(articles) - last) / initial, 1),
        "one_more_article_seconds_mean": round(sum(each) / len(each), 3),
        "one_more_article_seconds_max": round(max(each), 3),
        "state_bytes": state_bytes,
        "terms": terms,
        "stories": stories,
    }
    print(write_result("stories_store" if copies == 1 else f"stories_store_x{copies}", result))
    print(result)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="a smaller grid")
    ap.add_argument(
        "--store", action="store_true", help="the stored index: seconds per added article"
    )
    ap.add_argument("--copies", type=int, default=1, help="--store: the pile this many times over")
    args = ap.parse_args()
    if args.store:
        store_cost(args.copies)
        return
    items, gold = load_pile(T17)
    topics = sorted(set(gold.values()))
    base = StoryParams()
    joins = [0.04] if args.quick else [0.03, 0.04, 0.05]
    names = [4.0] if args.quick else [4.0, 5.0]
    grid = [replace(base, join=j, name_weight=w) for w in names for j in joins]
    full_f1: dict[int, float] = {}
    full_rows: dict[int, dict[str, float]] = {}
    fold_f1: dict[tuple[int, str], float] = {}
    per_item: dict[int, dict[str, tuple[float, float]]] = {}
    for n, params in enumerate(grid):
        days = feed(items, params)
        predicted = run(days, params, None, gold)
        per_item[n] = bcubed_items(predicted, gold)
        fp, fr, full_f1[n] = bcubed(predicted, gold)
        full_rows[n] = {
            "b3_precision": round(fp, 4),
            "b3_recall": round(fr, 4),
            "ari": round(adjusted_rand(predicted, gold), 4),
            "stories": len(set(predicted.values())),
        }
        for topic in topics:
            rest = {a: g for a, g in gold.items() if g != topic}
            fold_f1[(n, topic)] = bcubed(run(days, params, topic, gold), rest)[2]
        print(
            f"join={params.join} name_weight={params.name_weight}: full F1 {full_f1[n]:.4f}",
            flush=True,
        )
    folds = []
    scores: dict[str, tuple[float, float]] = {}
    for topic in topics:
        best = max(range(len(grid)), key=lambda n: (fold_f1[(n, topic)], -n))
        folds.append(
            {
                "held_out": topic,
                "join": grid[best].join,
                "name_weight": grid[best].name_weight,
                "f1_without": round(fold_f1[(best, topic)], 4),
            }
        )
        for aid, g in gold.items():
            if g == topic:
                scores[aid] = per_item[best][aid]
    lp = sum(p for p, _ in scores.values()) / len(scores)
    lr = sum(r for _, r in scores.values()) / len(scores)
    loto = {
        "b3_precision": round(lp, 4),
        "b3_recall": round(lr, 4),
        "b3_f1": round(2 * lp * lr / (lp + lr), 4),
    }

    start = time.perf_counter()
    index = StoryIndex(base)
    for day, batch_ in feed(items, base):
        index.add_day(day, batch_)
    seconds = time.perf_counter() - start
    online = index.clusters()
    p, r, f = bcubed(online, gold)
    start = time.perf_counter()
    all_at_once = batch(items, base)
    bseconds = time.perf_counter() - start
    bp, br, bf = bcubed(all_at_once, gold)
    result: dict[str, Any] = {
        "articles": len(items),
        "gold_stories": len(topics),
        "defaults": asdict(base),
        "online": {
            "stories": len(set(online.values())),
            "b3_precision": round(p, 4),
            "b3_recall": round(r, 4),
            "b3_f1": round(f, 4),
            "ari": round(adjusted_rand(online, gold), 4),
            "seconds": round(seconds, 1),
            "articles_per_second": round(len(items) / seconds, 1),
        },
        "batch": {
            "stories": len(set(all_at_once.values())),
            "b3_precision": round(bp, 4),
            "b3_recall": round(br, 4),
            "b3_f1": round(bf, 4),
            "ari": round(adjusted_rand(all_at_once, gold), 4),
            "seconds": round(bseconds, 1),
        },
        "loto": {**loto, "folds": folds},
        "grid": [
            {
                "join": g.join,
                "name_weight": g.name_weight,
                "b3_f1": round(full_f1[n], 4),
                **full_rows[n],
            }
            for n, g in enumerate(grid)
        ],
    }
    path = write_result("stories", result)
    print(path)
    for key in ("online", "batch", "loto"):
        print(key, {k: v for k, v in result[key].items() if k != "folds"})


if __name__ == "__main__":
    main()
