"""Quote extraction: speed against spaCy alone, and PolNeAR scores, in one run.

spaCy = ``nlp.pipe`` of en_core_web_sm over the PolNeAR dev texts (tagger,
parser, NER and the rest of the small model); quotes = ``extract_quotes`` on
the parsed docs (best of three passes, the docs are the same). The ratio is
quotes / spaCy. Scores are the ``storyline.eval.quotes`` figures on the same
docs (see that module for the scoring).

    .venv/bin/python bench/quotes.py [--split dev] [--rules-only]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED, write_result  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="dev", help="PolNeAR split folder under ../shared")
    parser.add_argument(
        "--rules-only", action="store_true", help="leave out the learned keep/add models"
    )
    args = parser.parse_args()

    from storyline.annotate.quotes import extract_quotes, load_quote_models
    from storyline.eval.brat import read_ann
    from storyline.eval.quotes import default_nlp, gold_pairs, quotes_to_brat, score

    directory = SHARED / "datasets" / "polnear" / args.split
    pairs = gold_pairs(directory)
    texts = [p.read_text(encoding="utf-8") for p, _ in pairs]
    nlp = default_nlp()
    nlp.pipe(["warm up"])  # lazy init outside the timing

    start = time.perf_counter()
    docs = list(nlp.pipe(texts))
    spacy_s = time.perf_counter() - start

    passes = []
    quotes = []
    models = None if args.rules_only else load_quote_models()
    for _ in range(3):
        start = time.perf_counter()
        quotes = [extract_quotes(doc, models) for doc in docs]
        passes.append(time.perf_counter() - start)
    quotes_s = min(passes)

    documents = [
        (read_ann(ann), quotes_to_brat(text, q))
        for (_, ann), text, q in zip(pairs, texts, quotes, strict=True)
    ]
    scores = score(documents)
    tokens = sum(len(d) for d in docs)
    result = {
        "split": args.split,
        "learned": models.version if models else None,
        "documents": len(docs),
        "tokens": tokens,
        "model": f"{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        "spacy_seconds": round(spacy_s, 3),
        "quotes_seconds": round(quotes_s, 3),
        "quotes_passes_seconds": [round(p, 3) for p in passes],
        "ratio": round(quotes_s / spacy_s, 4),
        "quotes": sum(len(q) for q in quotes),
        "scores": scores,
    }
    path = write_result("quotes_rules" if args.rules_only else "quotes", result)
    print(
        f"spaCy {spacy_s:.2f}s, quotes {quotes_s:.2f}s (ratio {result['ratio']:.3f}); "
        f"source F1 {scores['source_f1']:.3f} (exact {scores['source_exact_f1']:.3f}), "
        f"cue F1 {scores['cue_f1']:.3f} (exact {scores['cue_exact_f1']:.3f}), "
        f"content F1 {scores['content_f1']:.3f} (exact {scores['content_exact_f1']:.3f}) -> {path}"
    )


if __name__ == "__main__":
    main()
