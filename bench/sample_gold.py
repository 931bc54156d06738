"""Score storyline on the bundled sample corpus's gold file, per category.

    .venv/bin/python bench/sample_gold.py [--misses]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import write_result  # noqa: E402
from gold_scoring import score_gold  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    from storyline import api
    from storyline.store import Store
    from storyline.views.corpus import Corpus

    sample = ROOT / "src" / "storyline" / "sample"
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "s.db")
        api.add(store, [sample], manifest=sample / "manifest.jsonl")
        scores = score_gold(Corpus.from_store(store), sample / "gold.json")
    result = {name: {"hits": s.hits, "total": s.total, "rate": round(s.rate, 3)} for name, s in scores.items()}
    write_result("sample_gold", result)
    for name, s in scores.items():
        print(f"{name:18} {s.hits:3}/{s.total:<3} {s.rate:.2f}")
        if args.misses:
            for miss in s.misses:
                print(f"    miss: {miss}")
    print(json.dumps(result), file=sys.stderr)


if __name__ == "__main__":
    main()
