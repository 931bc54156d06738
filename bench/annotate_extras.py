"""Cost of storyline's per-article extractors next to spaCy's own time.

spaCy en_core_web_sm parses a deterministic sample of T17 articles
(``nlp.pipe``); then, on the parsed docs, each extractor runs once:
mentions (NER cleaning + acronym definitions + repeated terms), citations and
quantities. The ratio is their summed time over spaCy's. The story-level steps
(entity resolution, copy detection, disagreements) are timed too, for scale,
but are not part of the ratio.

    .venv/bin/python bench/annotate_extras.py [--articles 300]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import t17_articles, write_result  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()

    import datetime as dt

    from storyline.annotate.citations import extract_citations
    from storyline.annotate.mentions import extract_mentions
    from storyline.annotate.pipeline import load_model
    from storyline.annotate.quantities import extract_quantities
    from storyline.link.copies import find_copies
    from storyline.link.entities import resolve_entities
    from storyline.models import Article
    from storyline.options import DEFAULT_MODELS
    from storyline.views.facts import find_disagreements

    rows = t17_articles(args.articles)
    texts = [r["text"] for r in rows]
    nlp = load_model(DEFAULT_MODELS)

    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    spacy_s = time.perf_counter() - start

    timings: dict[str, float] = {}
    start = time.perf_counter()
    mentions = [extract_mentions(d) for d in docs]
    timings["mentions"] = time.perf_counter() - start
    start = time.perf_counter()
    citations = [extract_citations(d) for d in docs]
    timings["citations"] = time.perf_counter() - start
    start = time.perf_counter()
    quantities = [extract_quantities(d, m) for d, m in zip(docs, mentions, strict=True)]
    timings["quantities"] = time.perf_counter() - start
    extras_s = sum(timings.values())

    ids = [f"{i:04d}" for i in range(len(rows))]
    start = time.perf_counter()
    entities = resolve_entities(dict(zip(ids, mentions, strict=True)))
    resolve_s = time.perf_counter() - start
    articles = [
        Article(
            id=i,
            text=r["text"],
            outlet=r.get("source"),
            published=dt.date.fromisoformat(r["time"][:10]),
        )
        for i, r in zip(ids, rows, strict=True)
    ]
    start = time.perf_counter()
    copies = find_copies(articles, citations=dict(zip(ids, citations, strict=True)))
    copies_s = time.perf_counter() - start
    facts = [(i, q) for i, qs in zip(ids, quantities, strict=True) for q in qs]
    term_entity = {a: e.id for e in entities for a in e.aliases}
    start = time.perf_counter()
    disagreements = find_disagreements(facts, term_entity=term_entity)
    facts_s = time.perf_counter() - start

    result = {
        "articles": len(docs),
        "tokens": sum(len(d) for d in docs),
        "spacy_seconds": round(spacy_s, 3),
        "extras_seconds": round(extras_s, 3),
        "extras_ratio": round(extras_s / spacy_s, 4),
        "per_extractor_seconds": {k: round(v, 3) for k, v in timings.items()},
        "found": {
            "mentions": sum(len(m) for m in mentions),
            "terms": sum(1 for ms in mentions for m in ms if m.label == "TERM"),
            "defined_short_forms": sum(1 for ms in mentions for m in ms if m.expansion),
            "citations": sum(len(c) for c in citations),
            "quantities": sum(len(q) for q in quantities),
        },
        "story_level_seconds": {
            "resolve_entities": round(resolve_s, 3),
            "find_copies": round(copies_s, 3),
            "find_disagreements": round(facts_s, 3),
        },
        "story_level_found": {
            "entities": len(entities),
            "copies": len(copies),
            "disagreements": len(disagreements),
        },
        "model": f"{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        "command": f".venv/bin/python bench/annotate_extras.py --articles {args.articles}",
    }
    path = write_result("annotate_extras", result)
    print(f"spaCy {spacy_s:.2f}s, extras {extras_s:.2f}s, ratio {extras_s / spacy_s:.3f} -> {path}")


if __name__ == "__main__":
    main()
