"""What is new, measured (issue 21): a timeline streamed from each day's new happenings
against the batch digest, on T17 topics fed day by day.

    nice -n 10 .venv/bin/python bench/stream_tls.py                 # h1n1 and haiti
    nice -n 10 .venv/bin/python bench/stream_tls.py --stores DIR    # DIR/<topic>.db

Annotating T17 takes long on a shared machine, so the bench reads stores already
built with the current code (``/work/stores/<topic>.db`` by default; a copy is
migrated under /tmp, the original is never written). For each topic the store's
articles are fed in publication order, one publication day at a time, to
``views.new.Novelty``: each day's articles are compared with everything known,
their new items collected, then learnt. The per-day update time is the time of
that (every kind of item, not only events); figure series are read once before
the feed, as the ``new`` view reads them once per store state.

Per gold timeline (news-tls tasks: l dates, k sentences a date, articles published
within the gold's span), the window's articles are fed the same way to a fresh
``Novelty(follow=True)`` (the digest reads the same window), and the **streamed
timeline** is ``views.streamed.streamed_timeline``: the days that happenings first told in
the window are about, ranked by the digest's salience (``rank_dates`` over the
window's sentences), cut to l; each day's k sentences chosen by the digest's own
selection (``select_for_day``) among the tellings, first and later, of those
happenings. A happening first told undated (a lead's second sentence) is dated by its
first dated telling; that telling is not listed as new. The **batch digest** is the
timeline builder over the same window (``eval tls``'s product path). Both are scored
by AR-1 / AR-2 F1 (tilse alignment over ROUGE-1.5.5) and date F1.

Writes bench/results/stream_tls.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path
from typing import Any

from storyline.eval.align import align_rouge, date_prf
from storyline.eval.rouge import RougeScorer
from storyline.eval.tls import average, events_to_timeline, load_topic
from storyline.store import Store
from storyline.views.corpus import Corpus
from storyline.views.new import (
    NewItem,
    Novelty,
    reading_order,
)
from storyline.views.streamed import happenings_between, streamed_timeline
from storyline.views.summary import candidates
from storyline.views.tls import build_timeline
from storyline.views.tls.relevance import Tokenizer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import T17, write_result  # noqa: E402

TOPICS = ("h1n1", "haiti")
STORES = Path("/work/stores")


def open_copy(source: Path) -> Store:
    """The store at ``source``, copied under /tmp and brought up to date there."""
    target = Path("/tmp") / f"stream_tls_{source.name}"
    shutil.copyfile(source, target)
    Store(target).close()  # migrate the copy once
    return Store(target, read_only=True)


def stream(
    corpus: Corpus, article_ids: Collection[str] | None = None
) -> tuple[list[NewItem], list[float], int, Novelty]:
    """The new items of the articles (``article_ids``, default all) fed one publication
    day at a time; the seconds each day's update took; how many days; and what was
    learnt (the happenings and their tellings)."""
    novelty = Novelty(corpus, follow=True)
    novelty._figures()  # read once per store state, as the ``new`` view does
    wanted = set(corpus.articles if article_ids is None else article_ids)
    by_day: dict[dt.date | None, list[str]] = defaultdict(list)
    for article_id in reading_order(corpus):
        if article_id not in wanted:
            continue
        by_day[corpus.articles[article_id].published].append(article_id)
    items: list[NewItem] = []
    seconds: list[float] = []
    for _day, ids in by_day.items():
        t0 = time.perf_counter()
        for article_id in ids:
            items.extend(novelty.news(article_id))
        for article_id in ids:
            novelty.learn(article_id)
        seconds.append(time.perf_counter() - t0)
    return items, seconds, len(by_day), novelty


def run_topic(name: str, store_path: Path, scorer: RougeScorer) -> dict[str, Any]:
    topic = load_topic(T17 / name)
    with open_copy(store_path) as store:
        corpus = Corpus.from_store(store)
    t0 = time.perf_counter()
    items, seconds, days, novelty = stream(corpus)
    stream_seconds = time.perf_counter() - t0
    events = [it for it in items if it["kind"] == "event"]
    tokenizer = Tokenizer()
    sentences = [replace(s, tokens=tokenizer(s.text)) for s in candidates(corpus)]
    rows = []
    batch_prfs, stream_prfs = [], []
    for gold in topic.timelines:
        start, end = gold.start, gold.end
        window = [s for s in sentences if start <= s.published <= end]
        batch_events = build_timeline(
            window, n_dates=len(gold.dates), sents_per_date=gold.k, query=topic.keywords,
            start=start, end=end,
        )  # fmt: skip
        batch = events_to_timeline(batch_events)
        # The stream is fed the window's articles, as the digest reads them.
        window_ids = [
            a for a in corpus.articles if (p := corpus.articles[a].published) and start <= p <= end
        ]
        _items, _seconds, _days, fed = stream(corpus, window_ids)
        new_days, tellings = happenings_between(fed, start, end)
        streamed = events_to_timeline(
            streamed_timeline(
                window, new_days, tellings, n_dates=len(gold.dates), sents_per_date=gold.k,
                query=topic.keywords, start=start, end=end,
            )
        )  # fmt: skip
        row: dict[str, Any] = {"topic": name, "timeline": gold.index, "dates": len(gold.dates)}
        for label, pred, prfs in (("batch", batch, batch_prfs), ("stream", streamed, stream_prfs)):
            rouge = align_rouge(pred, gold.dates, scorer)
            dates = date_prf(list(pred), list(gold.dates))
            prfs.append((rouge[1], rouge[2], dates))
            row[f"{label}_ar1_f1"] = round(rouge[1].f1, 4)
            row[f"{label}_ar2_f1"] = round(rouge[2].f1, 4)
            row[f"{label}_date_f1"] = round(dates.f1, 4)
            row[f"{label}_dates"] = len(pred)
        rows.append(row)
    return {
        "topic": name,
        "articles": len(corpus.articles),
        "days": days,
        "new_items": len(items),
        "new_events": len(events),
        "stream_seconds": round(stream_seconds, 2),
        "day_seconds_median": round(statistics.median(seconds), 4),
        "day_seconds_p95": round(sorted(seconds)[int(0.95 * (len(seconds) - 1))], 4),
        "day_seconds_max": round(max(seconds), 4),
        "timelines": rows,
        "_prfs": (batch_prfs, stream_prfs),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stores", type=Path, default=STORES)
    parser.add_argument("--topics", nargs="*", default=list(TOPICS))
    args = parser.parse_args()
    scorer = RougeScorer()
    topics = []
    batch_all, stream_all = [], []
    for name in args.topics:
        path = args.stores / f"{name}.db"
        if not path.exists():
            print(f"skip {name}: no store at {path}", file=sys.stderr)
            continue
        result = run_topic(name, path, scorer)
        b, s = result.pop("_prfs")
        batch_all += b
        stream_all += s
        topics.append(result)
        print(
            f"{name}: {result['articles']} articles, {result['days']} days, "
            f"day update median {result['day_seconds_median']} s, max {result['day_seconds_max']} s",
            file=sys.stderr,
        )
    batch = {k: round(v, 4) for k, v in average(batch_all).items()}
    streamed = {k: round(v, 4) for k, v in average(stream_all).items()}
    result = {
        "topics": [t["topic"] for t in topics],
        "timelines": len(batch_all),
        "batch": batch,
        "stream": streamed,
        "ar1_ratio": round(streamed["ar1_f1"] / batch["ar1_f1"], 4) if batch["ar1_f1"] else None,
        "per_topic": topics,
    }
    path = write_result("stream_tls", result)
    print(f"wrote {path}", file=sys.stderr)
    print("| | AR-1 F1 | AR-2 F1 | date F1 |\n|---|---|---|---|")
    for label, r in (("batch digest", batch), ("streamed new happenings", streamed)):
        print(f"| {label} | {r['ar1_f1']:.4f} | {r['ar2_f1']:.4f} | {r['date_f1']:.4f} |")
    print("\n| topic | articles | days | day update median (s) | p95 (s) | max (s) |")
    print("|---|---|---|---|---|---|")
    for t in topics:
        print(
            f"| {t['topic']} | {t['articles']} | {t['days']} | {t['day_seconds_median']} "
            f"| {t['day_seconds_p95']} | {t['day_seconds_max']} |"
        )


if __name__ == "__main__":
    main()
