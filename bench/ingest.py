"""Articles per second for `add` (ingest + annotate + link + store) vs spaCy alone.

Both run in this process, one after the other, on the same T17 texts:
spaCy = ``spacy.load`` + ``nlp.pipe`` over the texts; storyline = ``api.add``
on a JSON Lines file of the same articles into a fresh SQLite store.

    .venv/bin/python bench/ingest.py [--articles 600] [--workers 1]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import t17_articles, write_result  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=600, help="sample size (0 = all 4,625)")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()


    from storyline import api
    from storyline.annotate.pipeline import load_model
    from storyline.options import DEFAULT_MODELS, Options
    from storyline.store import Store

    rows = t17_articles(args.articles or None)
    texts = [r["text"] for r in rows]
    words = sum(len(t.split()) for t in texts)

    start = time.perf_counter()
    nlp = load_model(DEFAULT_MODELS)
    for _doc in nlp.pipe(texts, batch_size=32, n_process=args.workers):
        pass
    spacy_seconds = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "t17.jsonl"
        with corpus.open("w", encoding="utf-8") as handle:
            for r in rows:
                handle.write(json.dumps({"text": r["text"], "outlet": r.get("source"), "published": r["time"]}) + "\n")
        options = Options(db=str(Path(tmp) / "bench.db"), workers=args.workers)
        start = time.perf_counter()
        store = Store(options.db)
        report = api.add(store, [corpus], options=options)
        storyline_seconds = time.perf_counter() - start
        stored = store.counts()
        # A second add of the same file must be a no-op, and cheap.
        start = time.perf_counter()
        again = api.add(store, [corpus], options=options)
        readd_seconds = time.perf_counter() - start

    result = {
        "articles": len(texts),
        "words": words,
        "workers": args.workers,
        "spacy_seconds": round(spacy_seconds, 2),
        "storyline_add_seconds": round(storyline_seconds, 2),
        "ratio": round(storyline_seconds / spacy_seconds, 3),
        "spacy_articles_per_second": round(len(texts) / spacy_seconds, 2),
        "storyline_articles_per_second": round(len(texts) / storyline_seconds, 2),
        "added": len(report.added),
        "errors": len(report.errors),
        "stored": stored,
        "readd_added": len(again.added),
        "readd_seconds": round(readd_seconds, 2),
    }
    path = write_result("ingest", result)
    print(json.dumps(result, indent=2))
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
