"""A store of 100,000 articles on SQLite and on PostgreSQL, side by side (issue 23).

    # 1. the store: clones of the annotated T17 h1n1 and haiti articles, linked once
    .venv/bin/python bench/clone_store.py DIR/clones-100010.db --articles 100010 --distinct \
        --from h1n1.db haiti.db                        # migrated copies of /work/stores
    nice -n 5 .venv/bin/python bench/big_store.py build DIR --size 100000
    # 2. the same store on PostgreSQL: every table copied, a batch at a time
    .venv/bin/python bench/big_store.py postgres DIR/store-100000.db postgresql://...
    # 3. what one more article costs, its peak memory, and the views' answer times
    .venv/bin/python bench/big_store.py measure DIR/store-100000.db --clones DIR/clones-100010.db
    .venv/bin/python bench/big_store.py measure postgresql://... --clones DIR/clones-100010.db

``build`` copies the first SIZE clones (by publication date) into a fresh
SQLite store with their stored annotations (spaCy does not run) and links them
through the incremental path (``api.relink``, ``api.assign_stories``), as
``bench/link_cost.py`` does. ``postgres`` copies that store's rows, table by
table, into a PostgreSQL database (its schema made by ``Store``), so both
backends hold the same records. ``measure`` adds the clones after the first
SIZE one at a time as ``add`` adds a read article (its stored annotations in
place of annotating it), each in a fresh process whose peak resident memory
(``ru_maxrss``) is reported, then times the read side in a fresh process:
the stories list, one story's views (the largest story's digest and overview),
the whole pile's digest timeline and overview, and ``serve``'s app: its startup
and the first pages a reader opens (overview, timeline, stories; the largest
story's overview and timeline). Results go to
``bench/results/big_store.json`` (one entry per target, merged).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from clone_store import copy_annotated, timed_link  # noqa: E402
from common import RESULTS, write_result  # noqa: E402

PIPELINE = "cloned"
COPY_BATCH = 500
RESULT = "big_store"


def _rss_mb() -> float:
    """This process's peak resident memory. Linux's ``ru_maxrss`` survives exec, so
    a child started by a big parent reports the parent's peak: read the peak of
    this process's own memory map (``VmHWM``) where there is one."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _ids_by_date(store: Any) -> list[str]:
    """The store's article ids in ``Store.articles`` order, without reading the articles."""
    from sqlalchemy import select

    from storyline.store import schema

    a = schema.articles.c
    query = select(a.id).order_by(a.published.is_(None), a.published, a.seq)
    with store.engine.connect() as conn:
        return [row[0] for row in conn.execute(query)]


def build(workdir: Path, size: int, clones: Path) -> dict[str, Any]:
    from storyline.store import Store

    target = workdir / f"store-{size}.db"
    target.unlink(missing_ok=True)
    started = time.perf_counter()
    with Store(clones, read_only=True) as source, Store(target) as store:
        ids = _ids_by_date(source)[:size]
        copy_annotated(source, store, ids, PIPELINE, COPY_BATCH)
        copy_s = time.perf_counter() - started
        link_s, stories_s = timed_link(store)
        counts = store.counts()
    row = {
        "store": str(target),
        "articles": size,
        "counts": counts,
        "copy_s": round(copy_s, 1),
        "build_link_s": round(link_s, 1),
        "build_link_per_article_s": round(link_s / size, 4),
        "build_stories_s": round(stories_s, 1),
        "peak_rss_mb": _rss_mb(),
    }
    print(json.dumps(row), flush=True)
    return row


def to_postgres(source: Path, url: str) -> dict[str, Any]:
    """Copy every row of the SQLite store ``source`` into the PostgreSQL database at
    ``url`` (its schema made by ``Store``, empty), a table at a time with COPY."""
    from sqlalchemy import select

    from storyline.store import Store, schema

    started = time.perf_counter()
    skip = {schema.migrations.name}  # made by the target's own migrations
    rows: dict[str, int] = {}
    with Store(source, read_only=True) as src, Store(url) as dst:
        if dst.counts()["articles"]:
            raise SystemExit(f"{url}: not empty")
        raw = dst.engine.raw_connection()
        try:
            cursor = raw.cursor()
            tables = [t for t in schema.metadata.sorted_tables if t.name not in skip]
            for table in reversed(tables):  # rows the target's migrations seeded
                cursor.execute(f"DELETE FROM {table.name}")
            for table in tables:
                names = [c.name for c in table.columns]
                count = 0
                with src.engine.connect() as conn:
                    result = conn.execution_options(yield_per=5000).execute(select(table))
                    columns = ", ".join(f'"{n}"' for n in names)
                    with cursor.copy(f"COPY {table.name} ({columns}) FROM STDIN") as copy:
                        for row in result:
                            copy.write_row(tuple(row))
                            count += 1
                rows[table.name] = count
                print(
                    f"{table.name}: {count} rows, {time.perf_counter() - started:.0f} s", flush=True
                )
            cursor.execute("ANALYZE")
            raw.commit()
        finally:
            raw.close()
    return {
        "target": url.rsplit("@", 1)[-1],
        "rows": rows,
        "copy_s": round(time.perf_counter() - started, 1),
    }


def add_one(target: str, clones: Path, article_id: str) -> dict[str, Any]:
    """What ``add`` does for one read article besides annotating it (its stored
    annotations stand in): store it, furniture judged; ask what is owed; store its
    annotations; read the failures; link; assign its story. Run in a fresh process
    (``measure``), so its peak memory is this add's."""
    from storyline.api import assign_stories, relink, store_articles
    from storyline.store import Store

    with Store(clones, read_only=True) as source:
        article = source.article(article_id)
        annotations = source.annotations([article_id])[article_id]
    times: dict[str, float] = {}
    with Store(target) as store:
        t0 = time.perf_counter()
        report = store_articles(store, [article])
        owed = store.unannotated(PIPELINE)
        store.put_annotations([annotations], PIPELINE)
        store.failures()
        t1 = time.perf_counter()
        relink(store)
        t2 = time.perf_counter()
        assign_stories(store)
        t3 = time.perf_counter()
    if report.added != [article_id] or owed != [article_id]:
        raise SystemExit(f"{article_id}: stored {report.added}, owed {owed}")
    times = {"store_s": t1 - t0, "link_s": t2 - t1, "stories_s": t3 - t2, "add_s": t3 - t0}
    return {**{k: round(v, 4) for k, v in times.items()}, "peak_rss_mb": _rss_mb()}


def refresh_once(target: str, *, force: bool = False) -> dict[str, Any]:
    from storyline.api import refresh
    from storyline.store import Store

    started = time.perf_counter()
    with Store(target) as store:
        done = refresh(store, force=force)
    return {
        "refresh_s": round(time.perf_counter() - started, 1),
        "scopes": [{"scope": r.scope, "articles": r.articles, "seconds": r.seconds} for r in done],
        "peak_rss_mb": _rss_mb(),
    }


def read_views(target: str) -> dict[str, Any]:
    """Each view a reader opens first, in a new ``Story`` (nothing cached in memory)."""
    from storyline import Story
    from storyline.store import Store
    from storyline.views.snapshots import MIN_ARTICLES

    out: dict[str, Any] = {}

    def timed(name: str, story_id: str | None, view: str) -> Any:
        started = time.perf_counter()
        with Story(Store(target, read_only=True), story=story_id) as story:
            payload = story.view(view)
        out[name] = round(time.perf_counter() - started, 3)
        return payload

    stories = timed("stories_list_s", None, "stories")["stories"]
    largest = stories[0]
    out["stories"] = len(stories)
    out["largest_story_articles"] = largest["size"]
    # the largest story too small to be materialized answers from its records
    small = max(
        (s for s in stories if s["size"] < MIN_ARTICLES), key=lambda s: s["size"], default=None
    )
    scopes = [("pile", None), ("largest_story", largest["id"])]
    if small is not None:
        out["small_story_articles"] = small["size"]
        scopes.append(("small_story", small["id"]))
    for name, story_id in scopes:
        for view in ("timeline", "overview"):
            payload = timed(f"{name}_{view}_s", story_id, view)
            out[f"{name}_{view}_as_of"] = payload.get("as_of")
    out["web"] = read_web(target, largest["id"])
    out["peak_rss_mb"] = _rss_mb()
    return out


def read_web(target: str, story_id: str) -> dict[str, Any]:
    """``serve``'s app over the store: its startup (the warm-up), then the first
    pages a reader opens, each asked once (seconds, bytes, status)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from storyline.present.web import create_app

    out: dict[str, Any] = {}
    started = time.perf_counter()
    with TestClient(create_app(target), base_url="http://localhost") as client:
        out["startup_s"] = round(time.perf_counter() - started, 3)
        for path in (
            "/",
            "/timeline",
            "/stories",
            f"/?story={story_id}",
            f"/timeline?story={story_id}",
        ):
            started = time.perf_counter()
            page = client.get(path)
            out[path.replace(story_id, "LARGEST")] = [
                round(time.perf_counter() - started, 3),
                len(page.content),
                page.status_code,
            ]
    return out


def _child(*args: str) -> dict[str, Any]:
    """Run this script's ``args`` in a fresh process; its last stdout line is JSON."""
    done = subprocess.run(
        [sys.executable, __file__, *args], check=True, capture_output=True, text=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(target: str, clones: Path, size: int, adds: int) -> dict[str, Any]:
    from storyline.store import Store

    with Store(clones, read_only=True) as source:
        later = _ids_by_date(source)[size : size + adds]
    rows = [_child("add-one", target, str(clones), article_id) for article_id in later]
    for row in rows:
        print(json.dumps(row), flush=True)
    refreshed = _child("refresh-once", target)
    print(json.dumps(refreshed), flush=True)
    views = _child("read-views", target)
    print(json.dumps(views), flush=True)
    add_s = sorted(r["add_s"] for r in rows)
    return {
        "target": target.rsplit("@", 1)[-1],
        "articles_before": size,
        "adds": rows,
        "add_median_s": add_s[len(add_s) // 2],
        "add_max_s": add_s[-1],
        "add_peak_rss_mb": max(r["peak_rss_mb"] for r in rows),
        "refresh": refreshed,
        "views": views,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("workdir", type=Path)
    b.add_argument("--size", type=int, default=100_000)
    b.add_argument("--clones", type=Path, help="default: WORKDIR/clones-<size+10>.db")
    p = sub.add_parser("postgres")
    p.add_argument("source", type=Path)
    p.add_argument("url")
    m = sub.add_parser("measure")
    m.add_argument("target")
    m.add_argument("--clones", type=Path, required=True)
    m.add_argument("--size", type=int, default=100_000)
    m.add_argument("--adds", type=int, default=10)
    m.add_argument("--name", help="the entry's name in the results (default: the target)")
    one = sub.add_parser("add-one")  # measure's child processes
    one.add_argument("target")
    one.add_argument("clones", type=Path)
    one.add_argument("article_id")
    r = sub.add_parser("refresh-once")  # measure's child; alone: rebuild every scope
    r.add_argument("target")
    r.add_argument("--force", action="store_true", help="rebuild scopes already current")
    r.add_argument("--name", help="store the row under refresh.NAME")
    v = sub.add_parser("read-views")  # measure's child; alone: after a change to the read side
    v.add_argument("target")
    v.add_argument("--name", help="store the row under views.NAME")
    args = parser.parse_args()
    if args.command == "add-one":
        print(json.dumps(add_one(args.target, args.clones, args.article_id)))
    elif args.command == "refresh-once":
        row = refresh_once(args.target, force=args.force)
        print(json.dumps(row))
        if args.name:
            _merge({"refresh": {args.name: row}})
    elif args.command == "read-views":
        row = read_views(args.target)
        print(json.dumps(row))
        if args.name:
            _merge({"views": {args.name: row}})
    elif args.command == "measure":
        row = measure(args.target, args.clones, args.size, args.adds)
        _merge({"measure": {args.name or row["target"]: row}})
    if args.command == "postgres":
        row = to_postgres(args.source, args.url)
        _merge({"postgres": {str(args.source.name): row}})
    if args.command == "build":
        clones = args.clones or args.workdir / f"clones-{args.size + 10}.db"
        row = build(args.workdir, args.size, clones)
        _merge({"build": {str(args.size): row}})


def _merge(entry: dict[str, Any]) -> None:
    """Merge ``entry`` into the results file (each command adds its part)."""
    path = RESULTS / f"{RESULT}.json"
    data: dict[str, Any] = json.loads(path.read_text()) if path.exists() else {}
    for key, value in entry.items():
        if isinstance(value, dict):
            data.setdefault(key, {}).update(value)
        else:
            data[key] = value
    print(write_result(RESULT, data))


if __name__ == "__main__":
    main()
