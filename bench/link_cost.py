"""What adding one article costs beyond its own annotation, by store size (issue 21).

    nice -n 10 .venv/bin/python bench/link_cost.py [--sizes 1000 5000 20000] [--adds 10]

For each size N: a store of N + ADDS clones of the annotated T17 articles of
``/work/stores/h1n1.db`` and ``haiti.db`` (``clone_store``: new ids, own
outlets, shifted dates, each round's words shuffled so that rounds are no
copies of each other; nothing is annotated here); the first N (by
publication date) are copied into a fresh store and linked once through the
incremental path (``api.relink``: that builds the link indexes); then the
other ADDS articles are added one at a time as ``api.add`` adds a read
article, with its stored annotations in place of annotating it: storing it
(``store_articles``, furniture included), the annotation queue and failures
read, its annotations stored; then the link (``relink``) and story
assignment (``assign_stories``). Each step is timed. Writes
``bench/results/link_cost.json``.

    nice -n 10 .venv/bin/python bench/link_cost.py --agreement /work/stores/h1n1.db

How far the incremental entities and copies are from resolving the whole
pile at once (``link.link_entities``, ``copies.find_copies``) on a copy of a
real store: pairwise precision and recall over mention pairs (the batch
resolver's clusters as reference), and the copies both find. Writes
``bench/results/link_agreement.json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from sqlalchemy import select, update  # noqa: E402

from clone_store import DEFAULT_SOURCES, clone_store, copy_annotated, timed_link  # noqa: E402
from common import write_result  # noqa: E402
from storyline.api import CONTEXT_PER_OUTLET, assign_stories, relink, store_articles  # noqa: E402
from storyline.models import Article  # noqa: E402
from storyline.store import Store, schema  # noqa: E402

PIPELINE = "cloned"
COPY_BATCH = 500


def migrated_sources(workdir: Path) -> list[Path]:
    """Copies of the annotated T17 stores, migrated (the originals are never written)."""
    out = []
    for path in DEFAULT_SOURCES:
        copy = workdir / path.name
        if not copy.exists():
            shutil.copyfile(path, copy)
            Store(copy).close()  # opening for writing applies pending migrations
        out.append(copy)
    return out


def measure(size: int, adds: int, workdir: Path) -> dict[str, object]:
    source_path = clone_store(
        workdir / f"clones-{size}.db", size + adds, migrated_sources(workdir), distinct=True
    )
    store = Store(workdir / f"store-{size}.db")
    with Store(source_path, read_only=True) as source:
        ids = [a.id for a in source.articles()]  # by publication date
        copy_annotated(source, store, ids[:size], PIPELINE, COPY_BATCH)
        later = source.articles(ids[size:])
        annotations = source.annotations(ids[size:])
    build_s, stories_build_s = timed_link(store)
    link_s, stories_s, store_s = [], [], []
    for article in later:
        # what `add` does for one read article besides annotating it: store it (its
        # furniture judged against its outlet's newest pages), ask what is owed,
        # store its annotations, read the failures; then link and stories
        t0 = time.perf_counter()
        report = store_articles(store, [article])
        owed = store.unannotated(PIPELINE)
        store.put_annotations([annotations[article.id]], PIPELINE)
        store.failures()
        t1 = time.perf_counter()
        if report.added != [article.id] or owed != [article.id]:
            raise SystemExit(f"{article.id}: stored {report.added}, owed {owed}")
        relink(store)
        t2 = time.perf_counter()
        assign_stories(store)
        t3 = time.perf_counter()
        store_s.append(t1 - t0)
        link_s.append(t2 - t1)
        stories_s.append(t3 - t2)
    total = [a + b + c for a, b, c in zip(store_s, link_s, stories_s, strict=True)]
    counts = store.counts()
    copies, stories = len(store.copies()), len(store.stories())
    at_cap = store_at_context_cap(store, later)
    store.close()
    return {
        "articles": size,
        "entities": counts.get("entities"),
        "copies": copies,
        "stories": stories,
        "build_link_s": round(build_s, 1),
        "build_link_per_article_s": round(build_s / max(size, 1), 4),
        "build_stories_s": round(stories_build_s, 1),
        "adds": len(later),
        "store_median_s": round(statistics.median(store_s), 4),
        "link_median_s": round(statistics.median(link_s), 4),
        "link_max_s": round(max(link_s), 4),
        "stories_median_s": round(statistics.median(stories_s), 4),
        "stories_max_s": round(max(stories_s), 4),
        "add_median_s": round(statistics.median(total), 4),
        "add_max_s": round(max(total), 4),
        "store_at_context_cap_median_s": round(statistics.median(at_cap), 4),
        "store_at_context_cap_max_s": round(max(at_cap), 4),
    }


def store_at_context_cap(store: Store, articles: list[Article]) -> list[float]:
    """The store step of one add whose outlet has more stored pages than furniture
    reads (``CONTEXT_PER_OUTLET``): the most that step costs, whatever the store's
    size. Twice that many stored articles are moved to one outlet (the store is
    the benchmark's own, at its end), then ``articles`` are stored as its pages."""
    a = schema.articles
    with store.engine.begin() as conn:
        oldest = [
            r[0]
            for r in conn.execute(select(a.c.id).order_by(a.c.seq).limit(2 * CONTEXT_PER_OUTLET))
        ]
        conn.execute(
            update(a).where(a.c.id.in_(oldest)).values(outlet="Cap Wire", outlet_key="cap wire")
        )
    times = []
    for n, article in enumerate(articles):
        page = dataclasses.replace(
            article, id=f"cap-{n}", outlet="Cap Wire", text=f"{article.text} ({n})"
        )
        started = time.perf_counter()
        report = store_articles(store, [page])
        times.append(time.perf_counter() - started)
        if report.added != [page.id]:
            raise SystemExit(f"{page.id}: not stored")
    return times


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def agreement(path: Path, workdir: Path) -> dict[str, object]:
    from collections import Counter

    from storyline.link import find_copies, link_entities

    copy = workdir / path.name
    shutil.copyfile(path, copy)
    store = Store(copy)
    started = time.perf_counter()
    relink(store, force=True)  # every article through the incremental path, in publication order
    incremental_s = time.perf_counter() - started
    articles, annotations = store.articles(), store.annotations()
    started = time.perf_counter()
    batch = link_entities(articles, annotations).entities
    batch_copies = find_copies(articles, citations={k: v.citations for k, v in annotations.items()})
    batch_s = time.perf_counter() - started
    incremental = store.entities()
    of_batch = {r: e.id for e in batch for r in e.mentions}
    of_incremental = {r: e.id for e in incremental for r in e.mentions}
    common = set(of_batch) & set(of_incremental)
    both = Counter((of_batch[r], of_incremental[r]) for r in common)
    agree = sum(_pairs(n) for n in both.values())
    in_batch = sum(_pairs(n) for n in Counter(of_batch[r] for r in common).values())
    in_incremental = sum(_pairs(n) for n in Counter(of_incremental[r] for r in common).values())
    kinds = {(c.article, c.copy_of, c.kind) for c in batch_copies}
    found = {(c.article, c.copy_of, c.kind) for c in store.copies()}
    store.close()
    return {
        "store": str(path),
        "articles": len(articles),
        "mentions": len(common),
        "entities_batch": len(batch),
        "entities_incremental": len(incremental),
        "pairwise_precision": round(agree / max(in_incremental, 1), 4),
        "pairwise_recall": round(agree / max(in_batch, 1), 4),
        "same_id_share": round(
            len({e.id for e in batch} & {e.id for e in incremental}) / max(len(batch), 1), 4
        ),
        "copies_batch": len(kinds),
        "copies_incremental": len(found),
        "copies_both": len(kinds & found),
        "incremental_link_s": round(incremental_s, 1),
        "batch_link_s": round(batch_s, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--adds", type=int, default=10)
    parser.add_argument("--name", default="link_cost")
    parser.add_argument(
        "--workdir", type=Path, help="keep the stores here (default: a temporary folder)"
    )
    parser.add_argument(
        "--agreement", type=Path, nargs="*", help="stores to compare with the batch link"
    )
    args = parser.parse_args()
    command = "nice -n 10 .venv/bin/python bench/link_cost.py " + " ".join(sys.argv[1:])
    if args.agreement:
        with tempfile.TemporaryDirectory(prefix="link_agreement_") as tmp:
            stores = []
            for path in args.agreement:
                stores.append(agreement(path, Path(tmp)))
                print(stores[-1], flush=True)
        print(write_result("link_agreement", {"command": command, "stores": stores}))
        return
    rows = []
    with tempfile.TemporaryDirectory(prefix="link_cost_") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            row = measure(size, args.adds, workdir)
            print(row, flush=True)
            rows.append(row)
    path = write_result(
        args.name,
        {
            "command": "nice -n 10 .venv/bin/python bench/link_cost.py " + " ".join(sys.argv[1:]),
            "sizes": rows,
        },
    )
    print(path)


if __name__ == "__main__":
    main()
