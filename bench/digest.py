"""The story at a glance on real stores: what the digest opens with, how the overview's
latest news is dated, and how big the report is.

    nice -n 10 .venv/bin/python bench/digest.py [DB ...]   # default /work/stores/h1n1.db

Read-only on each store. Writes ``bench/results/digest.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import RESULTS  # noqa: E402
from storyline.present.report import FORMATS, render  # noqa: E402
from storyline.store import Store  # noqa: E402
from storyline.views.digest import digest_window  # noqa: E402
from storyline.views.story import Story  # noqa: E402

DEFAULT = ["/work/stores/h1n1.db"]


def measure(db: str) -> dict[str, Any]:
    out: dict[str, Any] = {"store": db}
    with Store(db, read_only=True) as store:
        story = Story(store)
        t = time.perf_counter()
        story.corpus()
        out["load_s"] = round(time.perf_counter() - t, 2)
        t = time.perf_counter()
        digest = story.timeline()["events"]
        out["digest_s"] = round(time.perf_counter() - t, 2)
        full = story.timeline(all=True)["events"]
        lo, hi = digest_window(story.corpus())
        out["window"] = [lo.isoformat() if lo else None, hi.isoformat() if hi else None]
        out["digest_dates"] = [e["date"] for e in digest]
        out["digest_opens_with"] = (
            {"date": digest[0]["date"], "summary": digest[0]["summary"]} if digest else None
        )
        out["full_record"] = {"events": len(full), "opens_with": full[0]["date"] if full else None}
        t = time.perf_counter()
        ov = story.overview()
        out["overview_s"] = round(time.perf_counter() - t, 2)
        out["range"] = ov["range"]
        out["latest_published"] = [n["published"] for n in ov["latest"]]
        out["developments"] = [
            {"date": d["date"], "first": (d["first_reported"] or {}).get("outlet"),
             "first_published": (d["first_reported"] or {}).get("published")}
            for d in ov["developments"]
        ]  # fmt: skip
        out["actors"] = [f"{a['name']} ({a['type']})" for a in ov["actors"]]
        out["key_quotes"] = [f"{q['speaker']}, {q.get('role')}" for q in ov["quotes"]]
        quotes = story.quotes()
        out["quotes"] = {"total": quotes.get("total"), "speakers": len(quotes.get("speakers", []))}
        out["quotes_with_role"] = sum(1 for q in quotes["quotes"] if q.get("role"))
        out["quote_page_50_bytes"] = len(
            json.dumps(dict(story.quotes(per_page=50)), ensure_ascii=False)
        )
        articles = story.articles()["articles"]
        out["titles"] = {
            source: sum(1 for a in articles if a.get("title_source") == source)
            for source in ("article", "text", "url", "none")
        }
        facts = story.facts()["facts"]
        out["facts_with_subject"] = [sum(1 for f in facts if f.get("subject")), len(facts)]
        sizes = {}
        for fmt in FORMATS:
            t = time.perf_counter()
            text = render(store, fmt)
            sizes[fmt] = {"bytes": len(text.encode()), "seconds": round(time.perf_counter() - t, 2),
                          "literal_None": text.count("None")}  # fmt: skip
        out["report"] = sizes
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db", nargs="*", default=DEFAULT)
    args = parser.parse_args()
    results = [measure(db) for db in args.db]
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / "digest.json"
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
