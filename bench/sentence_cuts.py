"""Sentences cut inside a bracket pair, after a wire dateline or after a title
abbreviation, in stores built by
`storyline add` (or by `storyline eval tls --stores DIR`, which keeps one store per
T17 topic).

    .venv/bin/python bench/sentence_cuts.py DIR [--name NAME]

For every ``<topic>.db`` in DIR: the stored sentences whose brackets do not balance
(a "(" / "-LRB-" left open, or a ")" / "-RRB-" closing nothing: the sentence was cut
inside an aside), those that end with a bracketed name and a dash ("Cairo, Egypt (CNN)
--": cut from the report the dateline opens), those that end with a rank or title
abbreviation ("Coast Guard Adm.": cut from the name it goes with), and the same counts
over what a user is
shown by default: the evidence sentences of the timeline digest and the quotes of the
default quotes view. The checks here are the benchmark's own (whitespace tokens,
bracket characters, a few patterns), independent of ``annotate.brackets``,
``annotate.datelines`` and ``annotate.titles``. Results: bench/results/sentence_cuts[_NAME].json.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import write_result  # noqa: E402

_OPEN = {"(", "[", "-LRB-", "-LSB-"}
_CLOSE = {")", "]", "-RRB-", "-RSB-"}


def unbalanced(text: str) -> bool:
    depth = 0
    for token in re.sub(r"([()\[\]])", r" \1 ", text).split():
        if token in _OPEN:
            depth += 1
        elif token in _CLOSE:
            if depth == 0:
                return True
            depth -= 1
    return depth > 0


_ENDS_IN_DATELINE = re.compile(
    r"(?:\(|-LRB-)\s*[A-Z][\w.&' ]{0,30}\s*(?:\)|-RRB-)\s*(?:--?|\u2013|\u2014)\s*$"
)


def ends_in_dateline(text: str) -> bool:
    return _ENDS_IN_DATELINE.search(text) is not None


# Capitalised words, numbers, clock marks and pipes, then a bracketed name and a dash:
# "HOUSTON | Thu Apr 22 , 2010 7:30 pm EDT HOUSTON -LRB- Reuters -RRB- - ...".
_PREFIX_TOKEN = re.compile(r"[A-Z0-9][\w.'\-/\\:]*|[ap]\.?m\.?|[|,]")
_BRACKETED_DASH = re.compile(
    r"(?:\(|-LRB-)\s*[A-Z][\w.&' ]{0,30}\s*(?:\)|-RRB-)\s*(?:--?|\u2013|\u2014)\s"
)


# A rank or title written short, as the sentence's last word: "... Coast Guard Adm.",
# "Army Capt.", "Lt. Cmdr." (the benchmark's own list, the common ones).
_ENDS_IN_TITLE = re.compile(
    r"(?:^|\s)(?:Adm|Brig|Capt|Cmdr|Col|Cpl|Gen|Gov|Lt|Maj|Pfc|Pvt|Rep|Sen|Sens|Sgt|Spc)\.\s*$"
)


def ends_in_title(text: str) -> bool:
    return _ENDS_IN_TITLE.search(text) is not None


def opens_with_dateline(text: str) -> bool:
    for token in re.finditer(r"\S+", text[:200]):
        if _BRACKETED_DASH.match(text, token.start()):
            return True
        if not _PREFIX_TOKEN.fullmatch(token.group()):
            return False
    return False


def measure(db: Path) -> dict[str, int]:
    from storyline import api
    from storyline.store import Store
    from storyline.views.corpus import Corpus

    with Store(db) as store:
        corpus = Corpus.from_store(store)
        sentences = [s.text for ann in corpus.annotations.values() for s in ann.sentences]
        evidence = [
            e["sentence"] for event in api.timeline(store)["events"] for e in event["evidence"]
        ]
        quotes = [q["text"] for q in api.quotes(store, per_page=1_000_000)["quotes"]]
    return {
        "sentences": len(sentences),
        "sentences_cut": sum(map(unbalanced, sentences)),
        "digest_evidence": len(evidence),
        "digest_evidence_cut": sum(map(unbalanced, evidence)),
        "default_quotes": len(quotes),
        "default_quotes_cut": sum(map(unbalanced, quotes)),
        "sentences_ending_in_dateline": sum(map(ends_in_dateline, sentences)),
        "digest_evidence_ending_in_dateline": sum(map(ends_in_dateline, evidence)),
        "default_quotes_opening_with_dateline": sum(map(opens_with_dateline, quotes)),
        "sentences_ending_in_title": sum(map(ends_in_title, sentences)),
        "digest_evidence_ending_in_title": sum(map(ends_in_title, evidence)),
        "default_quotes_ending_in_title": sum(map(ends_in_title, quotes)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("stores", type=Path, help="a folder of <topic>.db stores")
    parser.add_argument("--name", default="", help="suffix of the result file")
    args = parser.parse_args()
    per_store: dict[str, Any] = {}
    for db in sorted(args.stores.glob("*.db")):
        per_store[db.stem] = measure(db)
        print(db.stem, per_store[db.stem], flush=True)
    keys = next(iter(per_store.values()), {}).keys()
    total = {k: sum(row[k] for row in per_store.values()) for k in keys}
    for what in ("sentences", "digest_evidence", "default_quotes"):
        total[f"{what}_cut_share"] = round(total[f"{what}_cut"] / max(1, total[what]), 4)
    print("total", total)
    suffix = f"_{args.name}" if args.name else ""
    print("->", write_result(f"sentence_cuts{suffix}", {"total": total, "stores": per_store}))


if __name__ == "__main__":
    main()
