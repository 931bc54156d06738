"""Annotation throughput by executor and worker count, on the same T17 articles.

    nice -n 10 .venv/bin/python bench/scale.py [--articles 400] [--repeat 1] [--postgres URL]

Takes the first N articles of the ready-made store (``STORE``, default
/work/stores/h1n1.db, read only), copies them, unannotated, into a fresh SQLite
file per run, and has each executor annotate them (``scale.annotate_store``:
workers read their shard from the store and write it back). Reports, per run,
the wall time (workers' pipeline loading included; Ray's own start-up, once
per process, not) and the workers' rate while on shards (``busy_s``).
``--postgres``: also the rate one writer stores finished annotations into
PostgreSQL (and, always, into SQLite), the store side of the capacity model.
Writes bench/results/scale.json.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import write_result  # noqa: E402
from storyline.options import Options  # noqa: E402
from storyline.scale import annotate_store, make_executor  # noqa: E402
from storyline.store import Store  # noqa: E402

STORE = Path(os.environ.get("STORYLINE_BENCH_STORE", "/work/stores/h1n1.db"))
SHARD_SIZE = 16  # 400 articles -> 25 shards: enough to keep two workers even at the end


def seed_store(path: Path, limit: int) -> tuple[int, int]:
    """A fresh store holding the first ``limit`` articles of STORE, unannotated."""
    with Store(STORE, read_only=True) as source:
        articles = source.articles()[:limit]
    with Store(path) as store:
        store.add_articles(articles)
    return len(articles), sum(len(a.text) for a in articles)


def one_run(template: Path, workdir: Path, executor_name: str, workers: int) -> dict[str, Any]:
    db = workdir / f"{executor_name}-{workers}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copy(template, db)
    options = Options(db=str(db), executor=executor_name, workers=workers)
    executor = make_executor(options, shard_size=SHARD_SIZE)
    with Store(db) as store:
        start = time.perf_counter()
        report = annotate_store(store, options, executor=executor)
        wall = time.perf_counter() - start
        counts = store.counts()
    return {
        "executor": executor_name,
        "workers": workers,
        "annotated": report.annotated,
        "failed": len(report.errors),
        "stored": counts["annotated"],
        "wall_s": round(wall, 2),
        "articles_per_s": round(report.annotated / wall, 3),
        "busy_s": round(report.busy_seconds, 2),
        "cpu_s": round(report.cpu_seconds, 2),
        # the workers' CPU per article: what contention from other jobs does not inflate
        "cpu_ms_per_article": round(1000 * report.cpu_seconds / report.annotated, 1),
        # per worker, while on shards: no start-up, no waiting
        "worker_articles_per_s": round(report.annotated / report.busy_seconds, 3),
        "load_1m": round(os.getloadavg()[0], 2),
    }


def write_rate(target: str, limit: int, batch: int = 16) -> dict[str, Any]:
    """One writer storing STORE's annotations of ``limit`` articles into a fresh
    store ``target``, ``batch`` articles a transaction (as a worker commits)."""
    with Store(STORE, read_only=True) as source:
        articles = source.articles()[:limit]
        annotations = source.annotations([a.id for a in articles])
    with Store(target) as store:
        empty = _size(store, target)
        store.add_articles(articles)
        done = list(annotations.values())
        start = time.perf_counter()
        for i in range(0, len(done), batch):
            store.put_annotations(done[i : i + batch], "bench")
        seconds = time.perf_counter() - start
        rows = store.counts()
        grown = _size(store, target) - empty
    return {
        "dialect": target.split(":", 1)[0] if "://" in target else "sqlite",
        "articles": len(done),
        "seconds": round(seconds, 2),
        "articles_per_s": round(len(done) / seconds, 1),
        "rows": rows,
        # growth over the empty schema: the articles and their annotations
        "bytes_per_article": round(grown / len(done)),
    }


def _size(store: Store, target: str) -> int:
    if store.dialect == "postgresql":
        with store.engine.connect() as conn:
            query = text("SELECT pg_database_size(current_database())")
            return int(conn.execute(query).scalar_one())
    with store.engine.begin() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    return Path(target).stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=1, help="runs per configuration (best kept)")
    parser.add_argument(
        "--postgres",
        default="",
        help="an empty PostgreSQL database URL: measure its write rate too",
    )
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="storyline-scale-"))
    template = workdir / "template.db"
    count, chars = seed_store(template, args.articles)
    print(f"{count} articles, {chars} characters, from {STORE}", file=sys.stderr)
    writes = [write_rate(str(workdir / "writes.db"), args.articles)]
    if args.postgres:
        writes.append(write_rate(args.postgres, args.articles))
    print(writes, file=sys.stderr)

    from storyline.scale.ray import start_ray

    ray_start = time.perf_counter()
    start_ray(2)
    ray_start_s = time.perf_counter() - ray_start
    runs: list[dict[str, Any]] = []
    configs = [("local", 1), ("local", 2), ("ray", 1), ("ray", 2)]
    for _ in range(args.repeat):
        for name, workers in configs:
            run = one_run(template, workdir, name, workers)
            print(run, file=sys.stderr)
            runs.append(run)
    shutil.rmtree(workdir, ignore_errors=True)

    best: dict[str, dict[str, Any]] = {}
    for run in runs:
        key = f"{run['executor']}-{run['workers']}"
        if key not in best or run["wall_s"] < best[key]["wall_s"]:
            best[key] = run

    def ratio(a: str, b: str, field: str) -> float:
        return round(best[a][field] / best[b][field], 3)

    summary = {
        "speedup_local_1_to_2": ratio("local-2", "local-1", "articles_per_s"),
        "speedup_ray_1_to_2": ratio("ray-2", "ray-1", "articles_per_s"),
        # > 0: Ray slower than the local pool at the same worker count
        "ray_overhead_1": round(ratio("local-1", "ray-1", "articles_per_s") - 1, 3),
        "ray_overhead_2": round(ratio("local-2", "ray-2", "articles_per_s") - 1, 3),
        "ray_cpu_overhead_1": round(ratio("ray-1", "local-1", "cpu_ms_per_article") - 1, 3),
        "ray_cpu_overhead_2": round(ratio("ray-2", "local-2", "cpu_ms_per_article") - 1, 3),
        "per_core_articles_per_s_cpu": round(1000 / best["local-1"]["cpu_ms_per_article"], 3),
        "per_core_articles_per_s": best["local-1"]["worker_articles_per_s"],
        "per_core_chars_per_s": round(chars / best["local-1"]["busy_s"], 1),
    }
    result = {
        "articles": count,
        "characters": chars,
        "source": str(STORE),
        "shard_size": SHARD_SIZE,
        "ray_start_s": round(ray_start_s, 2),
        "cpus": os.cpu_count(),
        "store_writes": writes,
        "runs": runs,
        "best": best,
        "summary": summary,
    }
    print(write_result("scale", result), file=sys.stderr)
    print(summary)


if __name__ == "__main__":
    main()
