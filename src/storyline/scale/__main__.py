"""``python -m storyline.scale``: annotate what a store lacks, workers writing to it.

    python -m storyline.scale --db postgresql://... --executor ray --workers 64

Resumable (run it again after an interruption); prints one line per shard
(done/total articles, rate) to stderr, then relinks the store.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..errors import OptionsError, StoreError, StorylineError
from ..ingest.decode import printable_name
from ..options import Options
from ..store import Store
from .executor import SHARD_SIZE, ShardReport, annotate_store, make_executor
from .version import pipeline_version_for


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m storyline.scale", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--db", help="store: a SQLite file or postgresql:// URL [env STORYLINE_DB]")
    parser.add_argument("--executor", choices=("local", "ray"), help="[env STORYLINE_EXECUTOR]")
    parser.add_argument(
        "--workers", type=int, help="worker processes or Ray actors [env STORYLINE_WORKERS]"
    )
    parser.add_argument("--shard-size", type=int, default=SHARD_SIZE, help="articles per shard")
    parser.add_argument("--no-link", action="store_true", help="leave the links for a later run")
    args = parser.parse_args(argv)
    try:
        options = Options.from_env(db=args.db, executor=args.executor, workers=args.workers)
        if args.shard_size < 1:
            raise OptionsError(f"--shard-size must be >= 1, not {args.shard_size}", code="E006")
        if "://" not in options.db and not Path(options.db).exists():
            # Opening would create an empty store, and there is nothing to annotate in one.
            raise StoreError(f"no store at {options.db}; run `storyline add` first", code="E401")
        with Store(options.db) as store:
            total = len(store.unannotated(pipeline_version_for(options.models)))
            print(f"{total} articles to annotate", file=sys.stderr)
            done = 0
            start = time.monotonic()

            def on_shard(shard: ShardReport) -> None:
                nonlocal done
                done += shard.annotated + len(shard.errors)
                rate = done / max(time.monotonic() - start, 1e-9)
                print(f"annotated {done}/{total} ({rate:.1f} articles/s)", file=sys.stderr)

            executor = make_executor(options, shard_size=args.shard_size)
            report = annotate_store(store, options, executor=executor, on_shard=on_shard)
            for error in report.errors:
                # Names and messages come from the articles: one escaped line each.
                line = f"{error.item}: {error.code} {error.message}"
                print(printable_name(line), file=sys.stderr)
            if not args.no_link:
                from ..api import relink

                relink(store)
    except StorylineError as exc:
        print(printable_name(str(exc)), file=sys.stderr)
        return 1
    print(
        f"{report.annotated} annotated, {len(report.errors)} failed, {report.shards} shards",
        file=sys.stderr,
    )
    return 0 if not report.errors else 2


if __name__ == "__main__":
    sys.exit(main())
