"""Quote extraction: speed against spaCy alone, and PolNeAR scores, in one run.

spaCy = ``nlp.pipe`` of en_core_web_sm over the PolNeAR dev texts (tagger,
parser, NER and the rest of the small model); quotes = ``extract_quotes`` on
the parsed docs (best of three passes, the docs are the same). The ratio is
quotes / spaCy. Scores are the ``storyline.eval.quotes`` figures on the same
docs (see that module for the scoring), in both settings: ``scores`` for what
``storyline quotes`` shows (confidence at or above ``QUOTE_CONFIDENCE``) and
``scores_all`` for everything extracted (``--all``).

    .venv/bin/python bench/quotes.py [--split dev] [--rules-only] [--cache]

``--cache`` reuses the parse ``bench/train_quote_model.py --cache`` keeps under /tmp
(keyed on the code that decides it); spaCy's time is then not measured.
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
    parser.add_argument("--cache", action="store_true", help="keep the parsed docs under /tmp")
    args = parser.parse_args()

    from storyline.annotate.quotes import extract_quotes, load_quote_models
    from storyline.eval.brat import read_ann
    from storyline.eval.quotes import default_nlp, gold_pairs, quotes_to_brat, score, shown
    from train_quote_model import parse_cache, parsed_docs

    directory = SHARED / "datasets" / "polnear" / args.split
    pairs = gold_pairs(directory)
    texts = [p.read_text(encoding="utf-8") for p, _ in pairs]
    nlp = default_nlp()
    nlp.pipe(["warm up"])  # lazy init outside the timing

    start = time.perf_counter()
    docs = parsed_docs(texts, parse_cache(args.split)) if args.cache else list(nlp.pipe(texts))
    spacy_s = time.perf_counter() - start

    passes = []
    quotes = []
    models = None if args.rules_only else load_quote_models()
    for _ in range(3):
        start = time.perf_counter()
        quotes = [extract_quotes(doc, models) for doc in docs]
        passes.append(time.perf_counter() - start)
    quotes_s = min(passes)

    golds = [read_ann(ann) for _, ann in pairs]
    scores = score(
        (g, quotes_to_brat(text, shown(q))) for g, text, q in zip(golds, texts, quotes, strict=True)
    )
    scores_all = score(
        (g, quotes_to_brat(text, q)) for g, text, q in zip(golds, texts, quotes, strict=True)
    )
    tokens = sum(len(d) for d in docs)
    result = {
        "split": args.split,
        "learned": models.version if models else None,
        "documents": len(docs),
        "tokens": tokens,
        "model": f"{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        "spacy_seconds": None if args.cache else round(spacy_s, 3),
        "quotes_seconds": round(quotes_s, 3),
        "quotes_passes_seconds": [round(p, 3) for p in passes],
        "ratio": None if args.cache else round(quotes_s / spacy_s, 4),
        "quotes": sum(len(q) for q in quotes),
        "quotes_shown": sum(len(shown(q)) for q in quotes),
        "scores": scores,
        "scores_all": scores_all,
    }
    path = write_result("quotes_rules" if args.rules_only else "quotes", result)
    print(f"spaCy {spacy_s:.2f}s, quotes {quotes_s:.2f}s (ratio {result['ratio']}) -> {path}")
    for name, got in (("default", scores), ("--all", scores_all)):
        print(
            f"{name:8} "
            + "; ".join(
                f"{role} P {got[role + '_precision']:.4f} R {got[role + '_recall']:.4f}"
                f" F1 {got[role + '_f1']:.4f} (exact {got[role + '_exact_f1']:.4f})"
                for role in ("source", "cue", "content")
            )
        )


if __name__ == "__main__":
    main()
