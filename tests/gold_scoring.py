"""Score a built store against the sample corpus's gold.json, per category.

Shared by the accuracy-gate test and by bench/sample_gold.py, so the pinned
floors and the reported numbers come from one definition.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.models import Article
from storyline.views.corpus import Corpus
from storyline.views.payloads import facts_view, speaker_entity


@dataclass
class Score:
    hits: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, what: str) -> None:
        self.total += 1
        self.hits += ok
        if not ok:
            self.misses.append(what)

    @property
    def rate(self) -> float:
        return self.hits / self.total if self.total else 1.0


def _by_file(corpus: Corpus) -> dict[str, Article]:
    out = {}
    for a in corpus.articles.values():
        path = a.path or ""
        name = Path(path.split(":")[0]).name + (":" + path.split(":")[1] if ":" in path else "")
        out[name] = a
    return out


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split())


def _alias(text: str) -> str:
    """A name modulo a leading article: "The Harbor Ledger" is the name "Harbor Ledger"."""
    folded = _fold(text)
    return folded[4:] if folded.startswith("the ") else folded


def score_gold(corpus: Corpus, gold_path: Path) -> dict[str, Score]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    files = _by_file(corpus)
    scores: dict[str, Score] = {}

    def cat(name: str) -> Score:
        return scores.setdefault(name, Score())

    for item in gold["published"]:
        a = files.get(item["file"])
        got = (a.published.isoformat() if a and a.published else None, a.published_source if a else None)
        cat("published").add(got == (item["date"], item["source"]), f"{item['file']}: {got} != {item['date'], item['source']}")
    for name in gold.get("undated_files", []):
        a = files.get(name)
        cat("published").add(a is not None and a.published is None, f"{name} should be undated")
    for item in gold["boilerplate"]:
        a = files.get(item["file"])
        ok = a is not None and item["line"] not in a.text and item["line"] in a.boilerplate
        cat("boilerplate").add(ok, f"{item['file']}: {item['line'][:40]}")

    for item in gold["timeline"]:
        a = files.get(item["file"])
        ann = corpus.annotations.get(a.id) if a else None
        found = []
        if ann:
            phrase = _fold(item["phrase"])
            found = [t for t in ann.timexes if _fold(t.text) in phrase or phrase in _fold(t.text)]
        ok = any(t.value == item["date"] or t.value.startswith(item["date"] + "T") for t in found)
        cat("timex").add(ok, f"{item['file']}: {item['phrase']!r} -> {[t.value for t in found]} != {item['date']}")

    quotes_by_article: dict[str, list[Any]] = {}
    for aid, ann in corpus.annotations.items():
        quotes_by_article[aid] = list(ann.quotes)
    for item in gold["quotes"]:
        a = files.get(item["file"])
        wanted = _fold(item["text_contains"])
        matches = [q for q in quotes_by_article.get(a.id if a else "", []) if wanted in _fold(q.text)]
        cat("quote found").add(bool(matches), f"{item['file']}: {item['text_contains'][:50]!r} not found")
        if not matches:
            continue
        # the tightest match is the quote itself, not a report that contains it
        # ("'A,' Marten told reporters, the Wire reported": Marten's quote, not the Wire's)
        q = min(matches, key=lambda m: len(m.text))
        entity = speaker_entity(corpus, a.id, q) if a else None
        names = " ".join(n for n in (q.speaker, q.speaker_resolved, entity.name if entity else None) if n)
        if item["speaker"] is None:
            ok = q.anonymous == item["anonymous"]
        else:
            surname = item["speaker"].split()[-1]
            ok = surname.casefold() in names.casefold() and q.anonymous == item["anonymous"]
        cat("quote speaker").add(ok, f"{item['file']}: {item['text_contains'][:40]!r} -> {names!r} anon={q.anonymous}")

    name_to_entities: dict[str, set[str]] = {}
    for e in corpus.entities:
        for alias in {e.name, *e.aliases}:
            name_to_entities.setdefault(_alias(alias), set()).add(e.id)
    for item in gold["entities"]:
        ids: set[str] = set()
        seen_aliases = 0
        for alias in item["aliases"]:
            found = name_to_entities.get(_alias(alias), set())
            seen_aliases += bool(found)
            ids |= found
        ok = len(ids) == 1 and seen_aliases == len(item["aliases"])
        cat("entity merge").add(ok, f"{item['name']}: {len(ids)} entities, {seen_aliases}/{len(item['aliases'])} aliases found")
    for left, right in gold["distinct_entities"]:
        a_ids = name_to_entities.get(_fold(left), set())
        b_ids = name_to_entities.get(_fold(right), set())
        cat("entity distinct").add(bool(a_ids and b_ids and not (a_ids & b_ids)), f"{left} / {right}")

    for item in gold["citations"]:
        a = files.get(item["file"])
        ann = corpus.annotations.get(a.id) if a else None
        cites = [_fold(c.cites) for c in ann.citations] if ann else []
        want = _fold(item["cites"])
        ok = any(want in c or c in want for c in cites)
        cat("citation").add(ok, f"{item['file']}: {item['cites']} not in {cites}")

    copies = {(c.article, c.copy_of, c.kind) for c in corpus.copies}
    for item in gold["copies"]:
        a, b = files.get(item["file"]), files.get(item["copy_of"])
        ok = a is not None and b is not None and (a.id, b.id, item["kind"]) in copies
        cat("copy").add(ok, f"{item['file']} {item['kind']} of {item['copy_of']}")

    facts = facts_view(corpus)

    def fact_index(ref: dict[str, str]) -> int | None:
        a = files.get(ref["file"])
        for i, f in enumerate(facts["facts"]):
            if a and f["article"] == a.id and _fold(ref["text"]) in _fold(f["text"]):
                return i
        return None

    together: Callable[[int, int], bool] = lambda i, j: any(  # noqa: E731
        i in d["facts"] and j in d["facts"] for d in facts["disagreements"]
    )
    def only_these(i: int, j: int) -> bool:
        """A disagreement made of just these two figures (a group that also holds a
        real outlier lists consistent figures beside it, which is right)."""
        return any(set(d["facts"]) == {i, j} for d in facts["disagreements"])

    for left, right in gold["facts"]["consistent"]:
        i, j = fact_index(left), fact_index(right)
        cat("facts consistent").add(i is not None and j is not None and not only_these(i, j), f"{left['text']} / {right['text']}")
    for left, right in gold["facts"]["disagreements"]:
        i, j = fact_index(left), fact_index(right)
        cat("facts disagree").add(i is not None and j is not None and together(i, j), f"{left['text']} / {right['text']}")
    return scores
