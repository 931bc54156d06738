"""Articles that repeat other articles: duplicates, syndicated copies, rewrites.

Candidates come from two indexes, never from all pairs:

* datasketch ``MinHashLSH`` over each article's word 5-shingles (threshold 0.3);
* an inverted index of normalized sentences of eight words or more: articles
  that share a sentence verbatim (sentences shared by more than
  ``max_sentence_articles`` articles are too common to count: agency
  boilerplate, famous quotes).

Each candidate pair is then scored exactly on its 5-shingle hash sets:
``jaccard`` = |A∩B| / |A∪B| and ``containment`` = |A∩B| / min(|A|, |B|).

* duplicate: jaccard ≥ 0.9 (near-identical text);
* syndicated: jaccard ≥ 0.5 or containment ≥ 0.8 (same story, small edits or cuts);
* rewrite: containment ≥ 0.3, or containment ≥ 0.05 when one article cites the
  other's outlet (or its manifest origin names it): clearly derived, lower overlap.

Syndicated copies and rewrites also need at least 20 shared shingles (about 25
words of running text in common), so two short notes that share a headline
template are not copies.

A copy needs shared body text, not shared furniture: text an outlet repeats
on many of its pages around different stories (an advert under every report,
a sidebar; see ``ingest.furniture``) is left out of the shingles and sentences
before anything is compared, and an article with less than ``MIN_ORIGINAL``
shingles of its own (an advert-only item, a one-line teaser) is never the
original of a syndicated copy or a rewrite; only of an exact duplicate.

The earlier-published article is the original; with equal or unknown dates,
the one with the smaller id. Each copy is reported once, against its best
original (strongest kind, then highest similarity); members of a duplicate
group all point at the group's original. ``similarity`` is the Jaccard for
duplicates and the containment otherwise. Hashing uses CRC-32 and fixed MinHash
seeds, so the result is deterministic.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..errors import StorylineError
from ..ingest.furniture import furniture_spans
from ..models import Article, Citation, Copy
from .names import fold

SHINGLE = 5
NUM_PERM = 128
LSH_THRESHOLD = 0.3
DUPLICATE = 0.9
SYNDICATED_JACCARD = 0.5
SYNDICATED_CONTAINMENT = 0.8
REWRITE_CONTAINMENT = 0.3
CITED_REWRITE_CONTAINMENT = 0.05
CITED_REWRITE_SHARED = 20
MIN_SHARED = 20
MIN_ORIGINAL = 40  # body shingles (about 45 words) an original of a non-duplicate needs
_KIND_RANK = {"duplicate": 3, "syndicated": 2, "rewrite": 1}

_WORDS = re.compile(r"\w+")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”’']?\s+|[\"“”]|\n+")


class CopiesError(StorylineError):
    code = "E332"


def _identity(x: int) -> int:
    return x


@dataclass
class _Doc:
    id: str
    shingles: np.ndarray  # sorted unique uint32 hashes of the body
    article: Article
    body: str  # the text without its outlet's furniture


def _body(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The text with furniture spans cut out (a line break each, so no shingle
    spans the cut)."""
    if not spans:
        return text
    parts, at = [], 0
    for start, end in spans:
        parts.append(text[at:start])
        at = end
    parts.append(text[at:])
    return "\n".join(parts)


def _shingles(words: list[str]) -> np.ndarray:
    if not words:
        return np.empty(0, dtype=np.uint32)
    if len(words) < SHINGLE:
        grams = [" ".join(words)]
    else:
        grams = [" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]
    return np.unique(np.fromiter((zlib.crc32(g.encode()) for g in grams), dtype=np.uint32))


def _sentence_keys(text: str) -> set[int]:
    keys = set()
    for part in _SENTENCE_SPLIT.split(text):
        words = _WORDS.findall(part.lower())
        if len(words) >= 8:
            keys.add(zlib.crc32(" ".join(words).encode()))
    return keys


def _earlier(a: Article, b: Article) -> bool:
    """Whether ``a`` is the original of the pair."""
    if a.published is not None and b.published is not None and a.published != b.published:
        return a.published < b.published
    return a.id < b.id


def _names_outlet(sources: Sequence[str], other: Article) -> bool:
    # "The Washington Post (syndicated)" names "The Washington Post".
    targets = [fold(re.split(r"[(,;]", t)[0]) for t in (other.outlet, other.origin) if t]
    targets = [t for t in targets if len(t) >= 3]
    for source in sources:
        key = fold(source)
        if len(key) >= 3 and any(_contains(key, t) or _contains(t, key) for t in targets):
            return True
    return False


def _contains(text: str, name: str) -> bool:
    return f" {name} " in f" {text} "


def _reinforced(a: Article, b: Article, citations: Mapping[str, Sequence[Citation]] | None) -> bool:
    """One article cites the other's outlet, or its manifest origin names it."""
    for x, y in ((a, b), (b, a)):
        sources = [c.cites for c in (citations or {}).get(x.id, ())]
        if x.origin:
            sources.append(x.origin)
        if _names_outlet(sources, y):
            return True
    return False


def classify(
    jaccard: float, containment: float, shared: int, reinforced: bool
) -> tuple[str, float] | None:
    """Kind of copy and the similarity reported for it, or None when unrelated."""
    if jaccard >= DUPLICATE:
        return "duplicate", jaccard
    if shared < MIN_SHARED:
        return None  # too little text in common to call one derived from the other
    if jaccard >= SYNDICATED_JACCARD or containment >= SYNDICATED_CONTAINMENT:
        return "syndicated", containment
    if containment >= REWRITE_CONTAINMENT:
        return "rewrite", containment
    if reinforced and containment >= CITED_REWRITE_CONTAINMENT and shared >= CITED_REWRITE_SHARED:
        return "rewrite", containment
    return None


def find_copies(
    articles: Sequence[Article],
    *,
    citations: Mapping[str, Sequence[Citation]] | None = None,
    max_sentence_articles: int = 50,
) -> list[Copy]:
    """Copies among ``articles``, one record per copied article, sorted by article id.

    ``citations`` (article id → its citations) lets a citation of the other
    article's outlet confirm a loose rewrite.
    """
    unique: dict[str, Article] = {}
    for article in articles:
        unique.setdefault(article.id, article)  # the same text twice is one article
    if len(unique) < 2:
        return []
    furniture = furniture_spans(list(unique.values()))
    docs: list[_Doc] = []
    for article in unique.values():
        body = _body(article.text, furniture.get(article.id, ()))
        docs.append(_Doc(article.id, _shingles(_WORDS.findall(body.lower())), article, body))
    try:
        lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    except ValueError as exc:
        raise CopiesError(f"cannot build the LSH index: {exc}") from exc
    pairs: set[tuple[int, int]] = set()
    for i, doc in enumerate(docs):
        if not len(doc.shingles):
            continue
        mh = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=_identity)
        mh.update_batch(doc.shingles.tolist())
        for j in lsh.query(mh):
            pairs.add((int(j), i))
        lsh.insert(i, mh, check_duplication=False)
    postings: dict[int, list[int]] = defaultdict(list)
    for i, doc in enumerate(docs):
        for key in _sentence_keys(doc.body):
            postings[key].append(i)
    for members in postings.values():
        if 1 < len(members) <= max_sentence_articles:
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    pairs.add((members[x], members[y]))
    relations: list[Relation] = []
    for i, j in sorted(pairs):
        a, b = docs[i], docs[j]
        found = relate(a.shingles, a.article, b.shingles, b.article, citations)
        if found is not None:
            relations.append(found)
    return choose(relations, unique)


Relation = tuple[str, str, str, float]  # copy id, original id, kind, similarity


def relate(
    a_shingles: np.ndarray,
    a: Article,
    b_shingles: np.ndarray,
    b: Article,
    citations: Mapping[str, Sequence[Citation]] | None,
) -> Relation | None:
    """Whether one of two candidate articles copies the other, scored exactly on
    their body shingles (sorted unique hashes)."""
    if not len(a_shingles) or not len(b_shingles):
        return None
    shared = int(np.intersect1d(a_shingles, b_shingles, assume_unique=True).size)
    if not shared:
        return None
    union = len(a_shingles) + len(b_shingles) - shared
    jaccard = shared / union
    containment = shared / min(len(a_shingles), len(b_shingles))
    reinforced = containment >= CITED_REWRITE_CONTAINMENT and _reinforced(a, b, citations)
    verdict = classify(jaccard, containment, shared, reinforced)
    if verdict is None:
        return None
    original, copy = ((a, a_shingles), b) if _earlier(a, b) else ((b, b_shingles), a)
    if verdict[0] != "duplicate" and len(original[1]) < MIN_ORIGINAL:
        return None  # too little text of its own to be what a longer piece copies
    return copy.id, original[0].id, verdict[0], verdict[1]


def choose(relations: Sequence[Relation], articles: Mapping[str, Article]) -> list[Copy]:
    """One record per copied article from the pairwise ``relations``: its best
    original; members of a duplicate group point at the group's earliest article.
    ``articles`` holds every article the relations name (dates and ids decide)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    for copy, original, kind, _ in sorted(relations):
        if kind == "duplicate":
            ra, rb = find(copy), find(original)
            if ra != rb:
                keep, drop = (ra, rb) if _earlier(articles[ra], articles[rb]) else (rb, ra)
                parent[drop] = keep
    best: dict[str, tuple[int, float, str]] = {}  # copy -> (rank, similarity, original id)

    def offer(copy: str, target: str, kind: str, similarity: float) -> None:
        score = (_KIND_RANK[kind], similarity, target)
        old = best.get(copy)
        if old is None or (score[0], score[1], _neg(score[2])) > (old[0], old[1], _neg(old[2])):
            best[copy] = score

    for copy, original, kind, similarity in sorted(relations):
        root_c, root_o = find(copy), find(original)
        if kind == "duplicate":
            member = copy if copy != root_c else original
            if member != root_c:
                offer(member, root_c, kind, similarity)
        elif root_c != root_o and copy == root_c:
            offer(copy, root_o, kind, similarity)
    names = {r: k for k, r in _KIND_RANK.items()}
    out = [
        Copy(article=copy, copy_of=target, kind=names[rank], similarity=round(similarity, 4))
        for copy, (rank, similarity, target) in best.items()
    ]
    return sorted(out, key=lambda c: c.article)


def _neg(text: str) -> tuple[int, ...]:
    """Sort key that puts lexicographically smaller ids first under ``max``."""
    return tuple(-ord(c) for c in text)
