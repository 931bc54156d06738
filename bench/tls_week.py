"""The first request for one week's digest on a big store: time, and the same choice.

    nice -n 10 .venv/bin/python bench/tls_week.py --db /tmp/web5000.db

``--db`` is an annotated store, opened read-only (``bench/clone_store.py`` makes a
5,000-article one). The week is the Monday-to-Sunday around the busiest publication
day. Timed: ``views.digest.digest_events`` for that week from a loaded ``Corpus``
(what the web's ``/timeline?from=..&to=..`` builds on its first request, less page
rendering), best of three; then the same call with the builder's early
restriction to the window (``views.tls.timeline.bearing_on``) switched off, to show
the events are identical. Writes bench/results/tls_week.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import write_result  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    import storyline.views.tls.timeline as timeline_module
    from storyline.store import Store
    from storyline.views.corpus import Corpus
    from storyline.views.digest import digest_events

    with Store(args.db, read_only=True) as store:
        corpus = Corpus.from_store(store)
    per_day = Counter(a.published for a in corpus.articles.values() if a.published)
    busiest = max(per_day, key=lambda d: (per_day[d], d))
    monday = busiest - dt.timedelta(days=busiest.weekday())
    sunday = monday + dt.timedelta(days=6)
    seconds = []
    events: list[Any] = []
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        events = digest_events(corpus, start=monday, end=sunday)
        seconds.append(time.perf_counter() - t0)
    result: dict[str, Any] = {
        "db": str(args.db),
        "articles": len(corpus.articles),
        "week": [monday.isoformat(), sunday.isoformat()],
        "events": len(events),
        "seconds_best": round(min(seconds), 2),
        "seconds": [round(s, 2) for s in seconds],
    }
    bearing_on = getattr(timeline_module, "bearing_on", None)
    if bearing_on is not None:  # absent in a tree from before the restriction
        timeline_module.bearing_on = lambda s, *a, **k: list(s)  # type: ignore[assignment]
        try:
            t0 = time.perf_counter()
            unrestricted = digest_events(corpus, start=monday, end=sunday)
            result["seconds_unrestricted"] = round(time.perf_counter() - t0, 2)
        finally:
            timeline_module.bearing_on = bearing_on
        result["identical"] = unrestricted == events
    print(result)
    write_result("tls_week", result)


if __name__ == "__main__":
    main()
