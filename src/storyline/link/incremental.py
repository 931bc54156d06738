"""Incremental link (issue 21): each new article is linked against indexes kept
in the store, never by recomputing the pile.

Articles not linked yet are taken in publication order (then id), one at a
time, so a store fed day by day and one fed everything at once go through the
same steps and hold the same links. A pile is linked in chunks of articles,
one transaction each (``CHUNK_ARTICLES`` articles or ``CHUNK_SECONDS``,
whichever comes first): each article still sees everything the ones before
it wrote, and an interrupted run loses at most one chunk.

Copies (``copies`` for the rules and thresholds): the article's body (its
outlet's furniture cut out, judged against the latest ``CONTEXT_PAGES``
linked pages of that outlet, by date) gives 5-shingles, MinHash LSH band keys (the
bands of datasketch's ``MinHashLSH`` at the same threshold and permutations,
each band's values hashed to 64 bits) and long-sentence keys. Candidates are
the linked articles sharing a band key, or a sentence that fewer than
``MAX_SENTENCE_ARTICLES`` linked articles hold; each is scored exactly on the
stored shingles, and each copy's best original is chosen again within the
connected group of copy relations the new article touches.

What differs from ``copies.find_copies`` over the whole pile: furniture is
judged against the outlet's pages linked before the article, not every page;
a sentence stops bringing candidates once ``MAX_SENTENCE_ARTICLES`` articles
hold it, rather than never counting when the final pile has more; and two
articles whose 64-bit band hashes collide are scored (exactly) though
datasketch would not have paired them.

Entities: ``entity_index``.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections import OrderedDict
from collections.abc import Callable

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..ingest.furniture import Page, outlet_key, spans_against, stored_page
from ..models import Annotations, Article
from ..store import Store
from ..store.link_state import LinkState
from .copies import (
    LSH_THRESHOLD,
    NUM_PERM,
    _body,
    _identity,
    _sentence_keys,
    _shingles,
    choose,
    relate,
)
from .entity_index import link_article

Progress = Callable[[str, int, int], None]

CONTEXT_PAGES = 30  # an outlet's furniture repeats on every page: a few dozen show it
MAX_SENTENCE_ARTICLES = 50
# A pile is linked in transactions of this many articles at most, or of about this
# many seconds: a concurrent writer waits for one chunk, never for the whole pile.
CHUNK_ARTICLES = 64
# The version of the link rules (name keys, forms, evidence). Raise it with any change
# that alters what the index stores or how a mention is looked up: a store linked under
# another version is linked again in full on its next ``add`` (entity ids are kept), as
# its old keys would not find what the new rules index.
LINK_RULES = 3
CHUNK_SECONDS = 2.0
# Outlets whose recent pages one run keeps in memory (about 0.3 MB an outlet).
CACHED_OUTLETS = 64
_WORDS = re.compile(r"\w+")
_BANDS = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM).hashranges

# (dated, published, id): the newest page first once sorted descending, undated last
_PageKey = tuple[bool, str, str]


def band_keys(shingles: np.ndarray) -> list[int]:
    """The article's LSH band keys: band number and values, hashed to a signed 64-bit int."""
    if not len(shingles):
        return []
    mh = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=_identity)
    mh.update_batch(shingles.tolist())
    keys = []
    for band, (start, end) in enumerate(_BANDS):
        digest = hashlib.blake2b(
            band.to_bytes(2, "big") + bytes(mh.hashvalues[start:end].byteswap().data), digest_size=8
        ).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return sorted(set(keys))


def _newest_first(pages: list[tuple[_PageKey, Page]]) -> None:
    """``LinkState.outlet_context``'s order: dated pages, latest first (then id
    descending), undated last (id descending)."""
    pages.sort(key=lambda kp: kp[0], reverse=True)


class OutletPages:
    """Each outlet's latest ``CONTEXT_PAGES`` linked pages, read from the store
    once per run and kept in step as this run links articles: the furniture
    context of an article without reading and re-tokenising thirty pages each
    time. Least recently used outlets are dropped past ``CACHED_OUTLETS``.

    ``valid_for``: the number of linked articles this cache has seen; when the
    store holds more (a concurrent run linked some), it starts over."""

    def __init__(self) -> None:
        self._pages: OrderedDict[str, list[tuple[_PageKey, Page]]] = OrderedDict()
        self.valid_for = -1

    def context(self, state: LinkState, outlet: str, besides: str) -> list[Page]:
        pages = self._pages.get(outlet)
        if pages is None:
            stored = state.outlet_context(outlet, CONTEXT_PAGES, besides=besides)
            pages = [(_key(a), stored_page(a)) for a in stored]
            self._pages[outlet] = pages
            if len(self._pages) > CACHED_OUTLETS:
                self._pages.popitem(last=False)
        self._pages.move_to_end(outlet)
        return [page for _, page in pages]

    def linked(self, outlet: str, article: Article) -> None:
        """``article`` of ``outlet`` is linked now: it is context for the next ones."""
        pages = self._pages.get(outlet)
        if pages is not None:
            pages.append((_key(article), stored_page(article)))
            _newest_first(pages)
            del pages[CONTEXT_PAGES:]


def _key(article: Article) -> _PageKey:
    published = article.published
    return (published is not None, published.isoformat() if published else "", article.id)


def _link_one(
    state: LinkState,
    article: Article,
    annotations: Annotations,
    pipeline: str,
    outlets: OutletPages,
) -> bool:
    article_id = article.id
    outlet = outlet_key(article)
    if not state.claim(article_id, pipeline, outlet):
        return False  # a concurrent run linked it
    context = outlets.context(state, outlet, article_id) if outlet else []
    body = _body(article.text, spans_against(article.text, context))
    if outlet:
        outlets.linked(outlet, article)
    shingles = _shingles(_WORDS.findall(body.lower()))
    state.put_shingles(article_id, shingles)
    # Copies: candidates from the stored band keys and sentences, scored exactly.
    bands = band_keys(shingles)
    sentences = sorted(_sentence_keys(body))
    candidates = state.band_matches(bands) if bands else set()
    for members in state.sentence_postings(sentences, MAX_SENTENCE_ARTICLES).values():
        if len(members) < MAX_SENTENCE_ARTICLES:
            candidates.update(members)
    candidates.discard(article_id)
    if candidates:
        stored = state.shingles(candidates)
        others = state.articles(candidates)
        citations = state.citations(candidates)
        citations[article_id] = list(annotations.citations)
        relations = [
            found
            for other in sorted(stored)
            if (found := relate(shingles, article, stored[other], others[other], citations))
            is not None
        ]
        state.put_relations(relations)
        if relations:
            group = state.relations_around({article_id})
            linked = {x for r in group for x in r[:2]}
            state.replace_copies(linked, choose(group, state.articles(linked)))
    state.put_copy_keys(article_id, bands, sentences)
    # Entities: this article's mentions against the entity index.
    link_article(
        state,
        article_id,
        annotations.mentions,
        annotations.citations,
        state.minted_in(article_id),
    )
    return True


def link_new(store: Store, *, progress: Progress | None = None, rebuild: bool = False) -> int:
    """Link the articles not linked yet (all of them when ``rebuild``, or when the
    stored links predate the index or an article was annotated again); returns
    how many were linked."""
    with store.link_transaction() as state:
        if rebuild or state.needs_rebuild() or state.rules() != LINK_RULES:
            state.clear()
            state.set_rules(LINK_RULES)
        todo = state.unlinked()
    outlets = OutletPages()
    done = at = 0
    while at < len(todo):
        chunk = todo[at : at + CHUNK_ARTICLES]
        # Read before the write transaction (an in-memory store has one connection).
        ids = [article_id for article_id, _ in chunk]
        articles = {a.id: a for a in store.articles(ids)}
        annotations = store.annotations(ids)
        started = time.monotonic()
        with store.link_transaction() as state:
            linked = state.linked_count()
            if linked != outlets.valid_for:
                outlets = OutletPages()  # another run linked articles since: read again
            for article_id, pipeline in chunk:
                at += 1
                if article_id in annotations:
                    ok = _link_one(
                        state, articles[article_id], annotations[article_id], pipeline, outlets
                    )
                    done += ok
                    linked += ok
                if progress:
                    progress("link", at, len(todo))
                if time.monotonic() - started >= CHUNK_SECONDS:
                    break
            outlets.valid_for = linked
    return done


def mark_linked(store: Store, generation: int) -> None:
    with store.link_transaction() as state:
        state.mark_linked(generation)
