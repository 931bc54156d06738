"""The default changes view on real coverage (positions and figures), written out to be read.

    .venv/bin/python bench/changes_real.py --db-dir DIR [--topics libya syria ...] [--name after]

``DIR`` holds one store per T17 topic (``<topic>.db``, as ``bench/real_coverage.py
--db-dir`` builds them; copy them first: opening a store may migrate it). For each topic,
records the overview's key figures, the facts view's disagreements, every position the default ``changes`` view shows (actor, claim, and each
step's date, stance and evidence sentences) and counts: positions, steps, evidence rows,
positions whose stance moves. Whether a position is right (its holder, its proposition,
each step's stance) is read by eye from this file: no gold exists for real coverage.
Results: bench/results/positions_real_<name>.json.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import write_result  # noqa: E402
from storyline.store import Store  # noqa: E402
from storyline.views.changes import changes_view  # noqa: E402
from storyline.views.corpus import Corpus  # noqa: E402
from storyline.views.overview import key_figures  # noqa: E402
from storyline.views.payloads import facts_view  # noqa: E402

TOPICS = ("bpoil", "egypt", "finan", "h1n1", "haiti", "iraq", "libya", "mj", "syria")


def positions_of(db: Path) -> dict[str, Any]:
    with Store(db) as store:
        corpus = Corpus.from_store(store)
    facts = facts_view(corpus)
    view = changes_view(corpus)
    figures_first = key_figures(dict(facts))
    rows = view["positions"]
    figures = view["figures"]
    return {
        "key_figures": [f"{f['text']} ({f['about']} of {f['subject']})" for f in figures_first],
        "facts_disagreements": [
            {
                "about": d["about"],
                "spread": d["spread"],
                "figures": [facts["facts"][i]["text"] for i in d["facts"]][:12],
            }
            for d in facts["disagreements"]
        ],
        "figures": len(figures),
        "figures_with_changes": sum(1 for f in figures if f.get("changes")),
        "changes": sum(len(f.get("changes", [])) for f in figures),
        "figures_with_disagreements": sum(1 for f in figures if f.get("disagreements")),
        "disagreements": sum(len(f.get("disagreements", [])) for f in figures),
        "moving": [
            {
                "about": f["about"],
                "changes": [
                    f"{c['before']:g} -> {c['after']:g} ({c['start']} -> {c['end']})"
                    for c in f.get("changes", [])
                ],
                "disagreements": [
                    {
                        "date": d["date"],
                        "spread": d["spread"],
                        "figures": [
                            f"{f['series'][i].get('text')} ({f['series'][i]['outlet']}): "
                            f"{f['series'][i].get('sentence', '')[:200]}"
                            for i in d["points"]
                        ],
                    }
                    for d in f.get("disagreements", [])
                ],
            }
            for f in figures
            if f.get("changes") or f.get("disagreements")
        ],
        "positions": len(rows),
        "changed": sum(1 for r in rows if r.get("changed")),
        "steps": sum(len(r["steps"]) for r in rows),
        "evidence": sum(len(s["evidence"]) for r in rows for s in r["steps"]),
        "shown": [
            {
                "actor": r["actor"],
                "claim": r["claim"],
                "changed": r.get("changed", False),
                "steps": [
                    {
                        "date": s["date"],
                        "stance": s["stance"],
                        "evidence": [e["sentence"] for e in s["evidence"]],
                    }
                    for s in r["steps"]
                ],
            }
            for r in rows
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db-dir", type=Path, required=True)
    parser.add_argument("--topics", nargs="*", default=list(TOPICS))
    parser.add_argument("--name", default="after")
    args = parser.parse_args()
    result: dict[str, Any] = {"command": " ".join(sys.argv), "topics": {}}
    for topic in args.topics:
        db = args.db_dir / f"{topic}.db"
        if db.exists():
            result["topics"][topic] = positions_of(db)
            found = result["topics"][topic]
            print(
                f"{topic}: {found['positions']} positions, {found['changed']} changed, "
                f"{found['evidence']} evidence rows; {found['figures']} series, "
                f"{found['changes']} changes in {found['figures_with_changes']}, "
                f"{found['disagreements']} disagreements in {found['figures_with_disagreements']}; "
                f"facts view: {len(found['facts_disagreements'])} disagreements"
            )
    write_result(f"changes_real_{args.name}", result)


if __name__ == "__main__":
    main()
