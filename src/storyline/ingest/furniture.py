"""Outlet furniture: text an outlet repeats on many pages around different stories.

Adverts, sidebars, promo teasers, blog descriptions and notices recur word for
word on an outlet's pages while the stories around them change; nothing in
one page tells them from prose, the repetition does. Per outlet (the named
outlet, else the URL's host), word 8-grams found on ``MIN_PAGES`` pages or
more are "repeated"; each run of repeated words in a page is split into
blocks carried by the same pages (a widget, then a quote some of those pages
also carry), and a block is furniture when

* it recurs on ``MIN_PAGES`` pages that are different stories: pages that,
  besides the block, share less than ``SAME_STORY_SHARED`` grams or
  ``SAME_STORY`` of the smaller page, and have text of their own around it
  (so ten updates of one report, or four copies of one story, do not count);
* it sits at the pages' edges (after the body or before it, with only other
  repeated text between it and the edge) on ``EDGE_SHARE`` of the pages that
  carry it: an outlet's standard background paragraph recurs too, but inside
  its stories.

Two uses:

* ``furniture_spans``: every furniture span of every article, for the copy
  detector, which must not call two articles copies for sharing an advert;
* ``strip_furniture``: before articles are stored, furniture at an article's
  end (and whole furniture lines at its start) moves from ``text`` to
  ``boilerplate``, shown dimmed. Repeated text inside the body stays: an
  outlet's standard background paragraph is still the article's text.

Article ids are not recomputed: an id is the hash of the text as read
(``document.article_id``), so it does not depend on which batch an article
came in, and adding it again is still a no-op. An article that is nothing
but furniture is returned as an ``ItemError`` (E101), never stored.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from ..models import Article, ItemError
from ..text.outlets import outlet_key_of

GRAM = 8  # words: long enough that shared wording is not chance
MIN_PAGES = 4  # different stories of one outlet carrying a gram
# Two pages are one story when, besides the run in question, they share this
# many grams, or this share of the smaller page's.
SAME_STORY_SHARED = 10
SAME_STORY = 0.1
EDGE_SHARE = 2 / 3  # of the pages carrying a run that have it at an edge
_TOKEN = re.compile(r"\S+")
_NO_SPANS = np.empty((0, 2), dtype=np.int64)
# Tokens that end a sentence or a bracket: a cut starts after one, and they
# stay with the body ("... Editing by Kim Lee -RRB- <advert>", "... said. <advert>").
_CLOSER = re.compile(r"^(?:[.!?;:]+|''|[\"”’)\]]|-R[RSC]B-|\S*\w[.!?]['\"”’)\]]*)$")
_MULT = np.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD,
        0xC4CEB9FE1A85EC53,
        0x27D4EB2F165667C5,
        0x94D049BB133111EB,
    ],
    dtype=np.uint64,
)  # fixed odd multipliers: gram hashes are deterministic across runs


@dataclass
class Page:
    """One page as the repetition count sees it."""

    key: int  # index into the input
    spans: np.ndarray  # (n, 2) character offsets of the tokens, into the scanned text
    grams: np.ndarray  # hash of the gram starting at each token (n - GRAM + 1)
    unique: np.ndarray  # sorted unique gram hashes


def outlet_key(article: Article) -> str:
    """Which outlet's furniture applies: the named outlet, else the URL's host."""
    return outlet_key_of(article.outlet, article.url)


def _page(key: int, text: str, *, spans: bool = True) -> Page:
    """``text`` as a page; ``spans=False``: without token spans (a context page,
    nothing is cut from it), read in one regex pass and a map per token, which an
    ``add`` of one article does for its outlet's few hundred newest pages."""
    if spans:
        matches = list(_TOKEN.finditer(text))
        offsets = np.array([m.span() for m in matches], dtype=np.int64).reshape(-1, 2)
        words = [m.group() for m in matches]
    else:
        offsets, words = _NO_SPANS, _TOKEN.findall(text)
    if len(words) < GRAM:
        empty = np.empty(0, dtype=np.uint64)
        return Page(key, offsets, empty, empty)
    tokens = np.fromiter(
        map(zlib.crc32, map(str.encode, map(str.casefold, words))),
        dtype=np.uint64,
        count=len(words),
    )
    n = len(tokens) - GRAM + 1
    grams = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):  # wrap-around is the hash
        for k in range(GRAM):
            grams += tokens[k : k + n] * _MULT[k]
    return Page(key, offsets, grams, np.unique(grams))


class _Outlet:
    """One outlet's pages, and which of their repeated runs are furniture."""

    def __init__(self, pages: list[Page]) -> None:
        self.pages = _distinct(pages)
        found, counts = np.unique(
            np.concatenate([p.unique for p in self.pages]), return_counts=True
        )
        self.repeated = found[counts >= MIN_PAGES]  # sorted
        self.postings: dict[int, list[int]] = defaultdict(list)  # repeated gram -> pages
        self._hits: list[np.ndarray] = []  # per page, per gram: repeated
        self._edges: list[tuple[int, int]] = []  # per page: (tail from, head to) in grams
        self._where: list[dict[int, tuple[int, int]]] = []  # per page: gram -> (first, last)
        for i, page in enumerate(self.pages):
            for g in page.unique[_members(page.unique, self.repeated)].tolist():
                self.postings[g].append(i)
            hits = _members(page.grams, self.repeated)
            misses = np.flatnonzero(~hits)
            # the run of repeated grams that ends the page starts at tail_from;
            # the one that starts it ends at head_to
            self._hits.append(hits)
            self._edges.append(
                (int(misses[-1]) + 1, int(misses[0])) if len(misses) else (0, len(hits))
            )
            self._where.append({})
        self._shared: dict[tuple[int, int], int] = {}
        self._verdicts: dict[bytes, bool] = {}
        # a stable order, whatever order the batch came in
        self._rank = [zlib.crc32(p.unique.tobytes()) for p in self.pages]
        self._index = {page.unique.tobytes(): i for i, page in enumerate(self.pages)}

    def mask(self, page: Page) -> np.ndarray:
        """Per token of ``page``: inside a furniture run."""
        out = np.zeros(len(page.spans), dtype=bool)
        if not len(self.repeated) or not len(page.grams):
            return out
        me = self._index[page.unique.tobytes()]
        hits = self._hits[me]
        covered = np.zeros(len(page.spans), dtype=bool)
        for k in range(GRAM):
            covered[k : k + len(hits)] |= hits
        for a, b in _runs(covered):
            for first, last, block in self._blocks(page, a, b - GRAM + 1):
                key = block.tobytes()
                if key not in self._verdicts:
                    self._verdicts[key] = self._is_furniture(block)
                if self._verdicts[key]:
                    out[first : last + GRAM] = True
        return out

    def _blocks(self, page: Page, a: int, b: int) -> list[tuple[int, int, np.ndarray]]:
        """Split the repeated grams at positions [a, b) into blocks carried by
        the same pages: a widget, then a quote that three of its pages also
        carry, are two blocks, judged apart. (first, last position, grams)."""
        me = self._index[page.unique.tobytes()]
        hits = self._hits[me]
        out: list[tuple[int, int, np.ndarray]] = []
        ref: set[int] = set()
        members: list[int] = []
        for pos in range(a, b):
            if not hits[pos]:
                continue
            carriers = set(self.postings[int(page.grams[pos])])
            if members and len(carriers & ref) < 0.5 * len(carriers | ref):
                out.append(self._block(page, members))
                members = []
            if not members:
                ref = carriers
            members.append(pos)
        if members:
            out.append(self._block(page, members))
        return out

    @staticmethod
    def _block(page: Page, positions: list[int]) -> tuple[int, int, np.ndarray]:
        return positions[0], positions[-1], np.unique(page.grams[positions])

    def _is_furniture(self, run: np.ndarray) -> bool:
        """Whether the run's words recur on MIN_PAGES pages that are different
        stories, at the pages' edges (after the body or before it) on
        EDGE_SHARE of the pages that carry them. An outlet's standard
        background paragraph recurs too, but inside its stories."""
        counts: dict[int, int] = defaultdict(int)
        for g in run.tolist():
            for q in self.postings[g]:
                counts[q] += 1
        need = min(GRAM, (len(run) + 1) // 2)  # carries most of the run
        carriers = sorted((q for q, c in counts.items() if c >= need), key=self._rank.__getitem__)
        if len(carriers) < MIN_PAGES:
            return False
        needed = EDGE_SHARE * len(carriers)
        at_edge = 0
        for done, q in enumerate(carriers):
            at_edge += self._at_edge(q, run)
            if at_edge >= needed or at_edge + len(carriers) - done - 1 < needed:
                break
        if at_edge < needed:
            return False
        chosen: list[int] = []
        own_needed = max(SAME_STORY_SHARED, len(run) // 2)
        for q in carriers:
            if self._own(q, run) < own_needed:
                continue  # the run is (nearly) all of it: no surrounding story
            if all(self._apart(q, r, run) for r in chosen):
                chosen.append(q)
                if len(chosen) >= MIN_PAGES:
                    return True
        return False

    def _at_edge(self, q: int, run: np.ndarray) -> bool:
        """Whether the run sits at page q's end or start: nothing but repeated
        words (other furniture) between it and the edge."""
        where = self._where[q]
        if not where:
            grams = self.pages[q].grams
            for pos in np.flatnonzero(self._hits[q]).tolist():
                g = int(grams[pos])
                first = where.get(g, (pos, pos))[0]
                where[g] = (first, pos)
        spots = [where[g] for g in run.tolist() if g in where]
        if not spots:
            return False
        tail_from, head_to = self._edges[q]
        return max(b for _, b in spots) + 1 >= tail_from or min(a for a, _ in spots) <= head_to

    def _own(self, q: int, run: np.ndarray) -> int:
        """How many of page q's grams are not the run's."""
        x = self.pages[q].unique
        return len(x) - int(np.intersect1d(run, x, assume_unique=True).size)

    def _apart(self, a: int, b: int, run: np.ndarray) -> bool:
        """Pages a and b share, besides the run, too little to be one story."""
        key = (a, b) if a < b else (b, a)
        shared = self._shared.get(key)
        x, y = self.pages[a].unique, self.pages[b].unique
        if shared is None:
            shared = self._shared[key] = int(np.intersect1d(x, y, assume_unique=True).size)
        in_run = int(
            np.intersect1d(np.intersect1d(run, x, assume_unique=True), y, assume_unique=True).size
        )
        return shared - in_run < max(SAME_STORY_SHARED, SAME_STORY * min(len(x), len(y)))


def _members(values: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """Per value: in ``sorted_set`` (sorted, unique). A binary search per value:
    ``np.isin`` sorts both arrays again on every call, and an outlet's few hundred
    pages each ask against the same set."""
    if not len(sorted_set) or not len(values):
        return np.zeros(len(values), dtype=bool)
    at = np.searchsorted(sorted_set, values)
    at[at == len(sorted_set)] = 0
    return np.asarray(sorted_set[at] == values)


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) token runs where mask is set."""
    if not mask.any():
        return []
    edges = np.flatnonzero(np.diff(np.concatenate(([0], mask.astype(np.int8), [0]))))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def _char_spans(page: Page, mask: np.ndarray) -> list[tuple[int, int]]:
    """The character spans of ``page``'s masked token runs."""
    return [(int(page.spans[a][0]), int(page.spans[b - 1][1])) for a, b in _runs(mask)]


def _scan(
    articles: Sequence[Article], context: Sequence[Article]
) -> tuple[list[Page], list[np.ndarray]]:
    """Pages of ``articles`` and the furniture mask of each (context only counts)."""
    groups: dict[str, list[Page]] = defaultdict(list)
    pages: list[Page] = []
    for i, article in enumerate(articles):
        page = _page(i, article.text)
        pages.append(page)
        groups[outlet_key(article)].append(page)
    for j, article in enumerate(context):
        groups[outlet_key(article)].append(stored_page(article, -1 - j))
    masks: list[np.ndarray] = [np.zeros(len(p.spans), dtype=bool) for p in pages]
    for members in groups.values():
        # an outlet only stored pages come from has nothing to mask in this batch
        if len(members) < MIN_PAGES or members[0].key < 0:
            continue
        outlet = _Outlet(members)
        for page in members:
            if page.key >= 0:
                masks[page.key] = outlet.mask(page)
    return pages, masks


def stored_page(article: Article, key: int = -1) -> Page:
    """A stored article as context: its text and the furniture already moved out
    of it (to its boilerplate) both count; its token spans are not kept, since
    nothing is cut from a context page."""
    return _page(key, "\n".join((article.text, *article.boilerplate)), spans=False)


def spans_against(text: str, context: Sequence[Page]) -> list[tuple[int, int]]:
    """``furniture_spans`` of one text against context pages already read
    (``stored_page``), all of the text's outlet: what the incremental link
    calls once per article, with an outlet's recent pages kept in memory."""
    if 1 + len(context) < MIN_PAGES:
        return []
    page = _page(0, text)
    return _char_spans(page, _Outlet([page, *context]).mask(page))


def _distinct(pages: list[Page]) -> list[Page]:
    """One page per distinct text: the same article twice is one page."""
    out: dict[bytes, Page] = {}
    for page in pages:
        out.setdefault(page.unique.tobytes(), page)
    return list(out.values())


def furniture_spans(
    articles: Sequence[Article], *, context: Sequence[Article] = ()
) -> dict[str, list[tuple[int, int]]]:
    """Character spans of each article's text that are its outlet's furniture
    (article id -> sorted spans; articles without furniture are left out).
    ``context``: more pages of the same outlets to count repetition over."""
    pages, masks = _scan(articles, context)
    out: dict[str, list[tuple[int, int]]] = {}
    for article, page, mask in zip(articles, pages, masks, strict=True):
        spans = _char_spans(page, mask)
        if spans:
            out.setdefault(article.id, spans)
    return out


def _boundary(text: str, page: Page, first: int) -> int:
    """Where a cut starting at token ``first`` may start: where a line or a
    sentence starts. A run of repeated words that begins mid-sentence ("...
    which is not on the list . <advert>") is cut at the first sentence start
    inside it; one with none is not cut (returns the token count), unless it
    is a long block glued onto a line that has no closing punctuation."""
    n = len(page.spans)

    def token(i: int) -> str:
        return text[page.spans[i][0] : page.spans[i][1]]

    def starts(i: int) -> bool:
        if token(i)[:1].islower():
            return False
        return (
            i == 0
            or "\n" in text[page.spans[i - 1][1] : page.spans[i][0]]
            or bool(_CLOSER.match(token(i - 1)))
        )

    cut = next((i for i in range(first, n) if starts(i)), n)
    if cut - first >= GRAM and n - first >= 2 * GRAM and token(first)[:1].isupper():
        cut = first  # "... +1 555 0100 , press@example.com <advert>"
    while cut < n and _CLOSER.match(token(cut)):
        cut += 1
    return cut


def _edges(text: str, page: Page, mask: np.ndarray) -> tuple[int, int]:
    """(body start, body end) in characters once furniture at the edges is cut:
    the covered run that ends the text, and whole covered lines at its start."""
    n = len(page.spans)
    end = len(text)
    if n and mask[-1]:
        first = n - 1
        while first > 0 and mask[first - 1]:
            first -= 1
        first = _boundary(text, page, first)
        end = int(page.spans[first][0]) if first < n else len(text)
    start = 0
    offset = 0
    token = 0
    for line in text[:end].split("\n"):
        line_end = offset + len(line)
        ids = []
        while token < n and page.spans[token][0] < line_end:
            ids.append(token)
            token += 1
        if ids and not all(mask[i] for i in ids):
            break
        offset = line_end + 1
        start = min(offset, end)
    return start, end


def strip_furniture(
    articles: Sequence[Article], *, context: Sequence[Article] = ()
) -> tuple[list[Article], list[ItemError]]:
    """The batch with outlet furniture at each article's edges moved to
    ``boilerplate`` (ids unchanged), and an E101 error for each article that
    is nothing but furniture.

    ``articles``: one batch as read (``ingest.read_paths``). ``context``: the
    articles already stored, so that furniture repeated across batches is
    recognised too (their own furniture is found in their ``boilerplate``).
    Deterministic, and order-independent within the batch."""
    pages, masks = _scan(articles, context)
    kept: list[Article] = []
    errors: list[ItemError] = []
    for article, page, mask in zip(articles, pages, masks, strict=True):
        if not mask.any():
            kept.append(article)
            continue
        start, end = _edges(article.text, page, mask)
        body = article.text[start:end].strip()
        if not body:
            errors.append(
                ItemError(
                    article.path or article.id,
                    "E101",
                    "no text left after removing boilerplate: the item is furniture "
                    "its outlet repeats on many pages (an advert, a sidebar)",
                )
            )
            continue
        cut = [article.text[:start], article.text[end:]]
        removed = tuple(line.strip() for part in cut for line in part.split("\n") if line.strip())
        if not removed:
            kept.append(article)
            continue
        kept.append(replace(article, text=body, boilerplate=article.boilerplate + removed))
    return kept, errors
