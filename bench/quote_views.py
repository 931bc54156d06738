"""What the quotes view shows on a built store, by default and with ``--all``.

    .venv/bin/python bench/quote_views.py STORE [--name NAME]

For each setting: how many quotes, the share whose shown speaker is missing or a
pronoun ("he", "it", "who", "some": a name resolved for a pronoun is shown
instead of it and counts as named), the share whose content has two words or
fewer, the share of direct quotes, and the most quoted speakers. Writes
bench/results/quote_views_<name>.json (name: the store's file stem).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import write_result  # noqa: E402

# Any pronoun a speaker span can be: personal, relative, demonstrative, indefinite.
PRONOUNS = frozenset(
    """
    i me we us you he him she her it they them who whom that which this these those
    his its their one some many others most several few all both each another either
    neither someone somebody everyone everybody anyone anybody nobody none
    """.split()
)
WORD = re.compile(r"\w")


def words(text: str) -> int:
    """Words of a content, tokenized text's loose punctuation not counted."""
    return sum(1 for w in text.split() if WORD.search(w))


def figures(rows: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(rows)
    unnamed = sum(
        1 for q in rows if not q["speaker"] or q["speaker"].strip().casefold() in PRONOUNS
    )
    short = sum(1 for q in rows if words(q["text"]) <= 2)
    top = Counter(q["speaker"] for q in rows).most_common(10)
    return {
        "quotes": n,
        "pronoun_or_missing": unnamed,
        "pronoun_or_missing_share": round(unnamed / n, 4) if n else 0.0,
        "two_words_or_fewer": short,
        "two_words_or_fewer_share": round(short / n, 4) if n else 0.0,
        "direct": sum(1 for q in rows if q["direct"]),
        "top_speakers": top,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("store")
    parser.add_argument("--name", help="results name (default: the store's file stem)")
    args = parser.parse_args()

    from storyline import api
    from storyline.store import Store

    store = Store(args.store, read_only=True)
    corpus = api.load(store)
    from storyline.views.payloads import quotes_view

    result = {
        "store": args.store,
        "default": figures(quotes_view(corpus)["quotes"]),
        "all": figures(quotes_view(corpus, all=True)["quotes"]),
    }
    path = write_result(f"quote_views_{args.name or Path(args.store).stem}", result)
    for setting in ("default", "all"):
        f = result[setting]
        print(
            f"{setting:8} {f['quotes']} quotes; pronoun or missing speaker"
            f" {f['pronoun_or_missing']} ({f['pronoun_or_missing_share']:.2%}); two words or"
            f" fewer {f['two_words_or_fewer']} ({f['two_words_or_fewer_share']:.2%}); direct"
            f" {f['direct']}; top {f['top_speakers'][:5]}"
        )
    print(f"-> {path}")


if __name__ == "__main__":
    main()
