"""Peak memory of ``add``'s ingest stage (read, clean of furniture, store) by pile size.

    nice -n 10 .venv/bin/python bench/add_memory.py [--sizes 2000 10000 40000]

Each size is a JSON Lines pile of real T17 articles (all topics), repeated in
rounds as needed: round k prepends "Edition k." to each text and names the
outlet "<outlet> #k", so every article is new and each round's outlets hold
the same pages as T17's. Each run is a fresh process adding the pile to a fresh
SQLite store, and reports its peak resident memory (``ru_maxrss``):

* ``chunked``: ``api.ingest`` as ``add`` runs it (a chunk of ``INGEST_CHUNK``
  articles at a time, furniture judged against each outlet's newest
  ``CONTEXT_PER_OUTLET`` stored pages);
* ``whole``: what ``add`` did before: every article read first, furniture judged
  over the whole batch and every stored article at once.

The annotation and link stages are not run here (spaCy over 40,000 articles is
hours of this machine): annotation already ran a chunk at a time in the
executors. Writes bench/results/add_memory.json.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import t17_articles, write_result  # noqa: E402


def write_pile(path: Path, size: int) -> int:
    rows = t17_articles(None)
    written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < size:
            k = written // len(rows)
            for row in rows[: size - written]:
                out.write(
                    json.dumps(
                        {
                            "id": f"{row['id']}#{k}",
                            "time": row["time"],
                            "source": f"{row['source']} #{k}",
                            "text": f"Edition {k}.\n{row['text']}",
                        }
                    )
                    + "\n"
                )
                written += 1
    return path.stat().st_size


CHILD = r"""
import json, resource, sys, time
from storyline import api
from storyline.ingest import read_paths
from storyline.ingest.furniture import strip_furniture
from storyline.models import ItemError
from storyline.options import Options
from storyline.store import Store

mode, pile, db = sys.argv[1:4]
start = time.perf_counter()
with Store(db) as store:
    if mode == "chunked":
        report = api.ingest(store, [pile], options=Options(db=db))
        added, errors = len(report.added), len(report.errors)
    else:
        articles = [r for r in read_paths([pile]) if not isinstance(r, ItemError)]
        kept, errs = strip_furniture(articles, context=store.articles())
        added, errors = len(store.add_articles(kept)[0]), len(errs)
seconds = time.perf_counter() - start
print(json.dumps({"mode": mode, "added": added, "errors": errors, "seconds": round(seconds, 1),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
"""


def run(mode: str, pile: Path, db: Path) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(pile), str(db)],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000, 40000])
    parser.add_argument("--modes", nargs="+", default=["chunked", "whole"])
    args = parser.parse_args()
    from storyline.api import CONTEXT_PER_OUTLET, INGEST_CHUNK

    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="storyline-addmem-") as tmp:
        for size in args.sizes:
            pile = Path(tmp) / f"pile-{size}.jsonl"
            pile_bytes = write_pile(pile, size)
            for mode in args.modes:
                db = Path(tmp) / f"{mode}-{size}.db"
                t0 = time.perf_counter()
                result = {
                    "articles": size,
                    "pile_mb": round(pile_bytes / 2**20, 1),
                    **run(mode, pile, db),
                }
                result["wall_s"] = round(time.perf_counter() - t0, 1)
                print(result, file=sys.stderr)
                runs.append(result)
                db.unlink()
            pile.unlink()
    path = write_result(
        "add_memory",
        {"ingest_chunk": INGEST_CHUNK, "context_per_outlet": CONTEXT_PER_OUTLET, "runs": runs},
    )
    print(path, file=sys.stderr)


if __name__ == "__main__":
    main()
