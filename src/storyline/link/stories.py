"""Stories in a mixed pile: online clustering of articles as they arrive.

Articles come in publication order, a day at a time. Each one becomes a
TF-IDF vector (document frequencies counted online, over what has arrived so
far) and joins the story whose centroid it is most similar to, or starts a new
story when no centroid is close enough. Similarity is damped by how long a
story has been quiet (a day's news rarely continues a story silent for
months), and a centroid weighs recent articles more, so it follows the story
as it drifts. A story's id is minted once from its first article's id and
never changes; when two stories' centroids converge they merge, the larger
(older on a tie) keeps its id and the other's id redirects to it.

Only cheap text features: words of the title and body (lower-cased, stop
words dropped, a light plural strip), with words written capitalised inside a
sentence (names: "Gaddafi", "Haiti", "BP") counted ``name_weight`` times, and
entity names from annotations when the caller has them (the product and the
benchmark pass none: the measured figures are for text alone). The state is plain data
(``StoryIndex.to_json`` / ``from_json``) so the store can keep it and assign new
articles without recomputing the pile.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from ..text import ENGLISH_STOP_WORDS

# scikit-learn's English list plus the words of news copy that say who reported
# or when, not what happened: they join every story to every other.
_NEWS_WORDS = frozenset(
    """said says say told according reported reports report reuters afp ap bbc cnn news
    associated press agency agencies monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec week weeks year years today yesterday
    month months day days time times people new like just also would could told lrb rrb
    lsb rsb lcb rcb http https www com html percent mr mrs ms dr""".split()
)
STOP_WORDS: frozenset[str] = frozenset(ENGLISH_STOP_WORDS) | _NEWS_WORDS
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Za-z]")
_SENTENCE_END = frozenset(".!?\"'`:;")

Vector = dict[str, float]
Features = dict[str, float]  # term -> weighted count


@dataclass(frozen=True)
class StoryParams:
    """The knobs of the clustering; defaults chosen by leave-one-topic-out on T17
    (docs/benchmarks.md, "Stories in a mixed pile")."""

    join: float = 0.04  # cosine to a story's centroid (times recency) needed to join it
    merge: float = 0.30  # cosine between two centroids (times recency) that merges them
    half_life_days: float = 30.0  # old articles weigh half as much in a centroid after this
    idle_half_life_days: float = 60.0  # a story quiet this long attracts half as much
    doc_terms: int = 120  # a document keeps its strongest terms
    story_terms: int = 600  # a story's keyword vector keeps its strongest terms
    name_weight: float = 4.0  # a capitalised word mid-sentence (a name) counts this much
    entity_weight: float = 2.0  # an annotated entity name counts this much
    max_tokens: int = 600  # words read from the start of a text (the lead carries the topic)


def _stem(word: str) -> str:
    """A light plural strip: enough to join "protesters"/"protester" cheaply."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def features(
    text: str, entities: Sequence[str] = (), params: StoryParams | None = None
) -> Features:
    """Weighted term counts of a text: content words, names counted more, and
    ``entities`` (canonical names from annotations) as their own terms."""
    p = params or StoryParams()
    counts: Features = {}
    sentence_start = True
    n = 0
    for m in _WORD.finditer(text):
        word = m.group()
        low = word.lower().removesuffix("'s").strip("'-")
        prev = text[m.start() - 2 : m.start()].strip()
        if prev and prev[-1] in _SENTENCE_END:
            sentence_start = True
        if low not in STOP_WORDS and len(low) > 2:
            name = (
                word[0].isupper()
                and not sentence_start
                and not word.isupper()
                or (word.isupper() and 1 < len(word) <= 5)
            )
            term = _stem(low)
            counts[term] = counts.get(term, 0.0) + (p.name_weight if name else 1.0)
            n += 1
            if n >= p.max_tokens:
                break
        sentence_start = False
    for ent in entities:
        key = "e:" + " ".join(ent.lower().split())
        counts[key] = counts.get(key, 0.0) + p.entity_weight
    return counts


def _norm(vec: Vector) -> float:
    return math.sqrt(sum(v * v for v in vec.values()))


def _top(vec: Vector, n: int) -> Vector:
    if len(vec) <= n:
        return vec
    return dict(sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:n])


@dataclass
class StoryState:
    """One story: a decayed centroid of its articles' vectors and its bookkeeping."""

    id: str
    centroid: Vector
    day: int  # the day (ordinal) the centroid's weights refer to
    first: str  # ISO dates
    last: str
    size: int
    articles: list[str] = field(default_factory=list)
    norm: float = 0.0  # of the centroid, kept by StoryIndex._index

    def decayed_to(self, day: int, half_life: float) -> float:
        """The factor that brings the centroid's weights to ``day``."""
        return 0.5 ** (max(0, day - self.day) / half_life)


@dataclass
class Assignment:
    article: str
    story: str
    similarity: float  # to the story's centroid when it joined; 0 for a story's first article
    new_story: bool


class StoryIndex:
    """The online clusterer. Feed days in order with ``add_day``; ``story_of``
    follows redirects after merges."""

    def __init__(self, params: StoryParams | None = None) -> None:
        self.params = params or StoryParams()
        self.df: Counter[str] = Counter()
        self.docs = 0
        self.stories: dict[str, StoryState] = {}
        self.redirects: dict[str, str] = {}  # merged-away story id -> the id it joined
        self.assigned: dict[str, str] = {}  # article id -> story id when assigned (resolve!)
        self.changed: set[str] = set()  # stories started, joined or merged into since made
        # term -> story ids whose kept centroid has it: only those can be similar
        self._postings: dict[str, dict[str, float]] = {}  # term -> story id -> weight

    def reach_days(self) -> float:
        """Days of quiet after which a story can be neither joined nor merged into:
        its recency damping alone keeps any similarity under both thresholds (a
        cosine is at most 1). A store loads only the stories within reach."""
        floor = min(self.params.join, self.params.merge)
        return self.params.idle_half_life_days * math.log2(1.0 / floor)

    def add_story(self, story: StoryState) -> None:
        """Take in a story as stored (its members are not needed to assign more)."""
        self.stories[story.id] = story
        self._index(story, ())

    # -- assignment ---------------------------------------------------------
    def vector(self, counts: Features) -> Vector:
        """Sublinear tf x smoothed idf over the documents seen so far, top terms, l2."""
        n = self.docs
        vec = {
            t: (1.0 + math.log(c)) * (math.log((n + 1) / (self.df.get(t, 0) + 1)) + 1.0)
            for t, c in counts.items()
            if c > 0
        }
        vec = _top(vec, self.params.doc_terms)
        norm = _norm(vec)
        return {t: v / norm for t, v in vec.items()} if norm else {}

    def add_day(
        self,
        day: dt.date,
        articles: Sequence[tuple[str, Features]],
        *,
        count: bool = True,
        dated: bool = True,
    ) -> list[Assignment]:
        """Assign one day's articles (id, features). Document frequencies count
        the whole day first: a day's feed arrives together (``count=False``: the
        caller has counted them, as the all-at-once run does). ``dated=False``:
        undated articles, matched as of ``day``, which moves no story's first or
        last day."""
        fresh = [(aid, c) for aid, c in articles if aid not in self.assigned]
        if count:
            for _, counts in fresh:
                self.df.update(counts.keys())
            self.docs += len(fresh)
        ordinal = day.toordinal()
        out = []
        touched: set[str] = set()
        for aid, counts in fresh:
            vec = self.vector(counts)
            best, sim = self._nearest(vec, ordinal)
            if best is not None and sim >= self.params.join:
                self._join(best, aid, vec, ordinal, day.isoformat() if dated else None)
                out.append(Assignment(aid, best.id, sim, False))
                touched.add(best.id)
            else:
                story = self._start(aid, vec, ordinal, day.isoformat())
                out.append(Assignment(aid, story.id, 0.0, True))
                touched.add(story.id)
        self._merge(touched, ordinal)
        return [
            Assignment(a.article, self.resolve(a.story), a.similarity, a.new_story) for a in out
        ]

    def _scores(self, vec: Vector) -> dict[str, float]:
        """Dot products of ``vec`` with every centroid sharing a term with it."""
        acc: dict[str, float] = {}
        for term, w in vec.items():
            for sid, cw in self._postings.get(term, {}).items():
                acc[sid] = acc.get(sid, 0.0) + w * cw
        return acc

    def _nearest(self, vec: Vector, day: int) -> tuple[StoryState | None, float]:
        best: StoryState | None = None
        best_sim = -1.0
        for sid, dot in sorted(self._scores(vec).items()):
            story = self.stories[sid]
            sim = dot / story.norm * self._recency(story, day) if story.norm else 0.0
            if sim > best_sim:
                best, best_sim = self.stories[sid], sim
        return best, best_sim

    def _recency(self, story: StoryState, day: int) -> float:
        """Stories go quiet: a day's news rarely continues one silent for months."""
        idle = max(0, day - dt.date.fromisoformat(story.last).toordinal())
        return float(0.5 ** (idle / self.params.idle_half_life_days))

    def _index(self, story: StoryState, old: Iterable[str]) -> None:
        """Keep the postings and the cached norm in step with ``story.centroid``."""
        for term in old:
            ids = self._postings.get(term)
            if ids is not None:
                ids.pop(story.id, None)
                if not ids:
                    del self._postings[term]
        for term, w in story.centroid.items():
            self._postings.setdefault(term, {})[story.id] = w
        story.norm = _norm(story.centroid)

    def _start(self, aid: str, vec: Vector, day: int, iso: str) -> StoryState:
        sid = story_id(aid)
        story = StoryState(sid, dict(vec), day, iso, iso, 1, [aid])
        self.stories[sid] = story
        self.assigned[aid] = sid
        self.changed.add(sid)
        self._index(story, ())
        return story

    def _join(self, story: StoryState, aid: str, vec: Vector, day: int, iso: str | None) -> None:
        old = list(story.centroid)
        factor = story.decayed_to(day, self.params.half_life_days)
        merged = {t: w * factor for t, w in story.centroid.items()}
        for t, w in vec.items():
            merged[t] = merged.get(t, 0.0) + w
        story.centroid = _top(merged, self.params.story_terms)
        story.day = max(story.day, day)
        if iso is not None:
            story.first = min(story.first, iso)
            story.last = max(story.last, iso)
        story.size += 1
        story.articles.append(aid)
        self.assigned[aid] = story.id
        self.changed.add(story.id)
        self._index(story, old)

    def _merge(self, touched: set[str], day: int) -> None:
        """Merge a story touched today into another whose centroid it now matches."""
        pending = sorted(touched)
        while pending:
            sid = self.resolve(pending.pop())
            story = self.stories[sid]
            if not story.norm:
                continue
            best: StoryState | None = None
            best_sim = self.params.merge
            for oid, dot in sorted(self._scores(story.centroid).items()):
                other = self.stories[oid]
                if oid == sid or not other.norm:
                    continue
                sim = dot / (story.norm * other.norm) * self._recency(other, day)
                if sim >= best_sim:
                    best, best_sim = other, sim
            if best is None:
                continue
            keep, gone = sorted((story, best), key=lambda s: (-s.size, s.first, s.id))
            self._absorb(keep, gone, day)
            pending.append(keep.id)

    def _absorb(self, keep: StoryState, gone: StoryState, day: int) -> None:
        old = list(keep.centroid)
        half = self.params.half_life_days
        fk, fg = keep.decayed_to(day, half), gone.decayed_to(day, half)
        merged = {t: w * fk for t, w in keep.centroid.items()}
        for t, w in gone.centroid.items():
            merged[t] = merged.get(t, 0.0) + w * fg
        keep.centroid = _top(merged, self.params.story_terms)
        keep.day = max(keep.day, gone.day, day)
        keep.first = min(keep.first, gone.first)
        keep.last = max(keep.last, gone.last)
        keep.size += gone.size
        keep.articles.extend(gone.articles)
        self.changed.add(keep.id)
        self._index(keep, old)
        gone_terms = list(gone.centroid)
        gone.centroid = {}
        self._index(gone, gone_terms)
        del self.stories[gone.id]
        self.redirects[gone.id] = keep.id
        for aid in gone.articles:
            self.assigned[aid] = keep.id

    def resolve(self, sid: str) -> str:
        """The live id of a story id (follows merge redirects)."""
        seen = set()
        while sid in self.redirects and sid not in seen:
            seen.add(sid)
            sid = self.redirects[sid]
        return sid

    def story_of(self, article_id: str) -> str | None:
        sid = self.assigned.get(article_id)
        return self.resolve(sid) if sid is not None else None

    def clusters(self) -> dict[str, str]:
        """article id -> live story id, for every article assigned."""
        return {aid: self.resolve(sid) for aid, sid in self.assigned.items()}

    # -- persistence --------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        """The whole state as JSON values (a store keeps it as rows instead:
        ``link.story_index``)."""
        return {
            "version": 1,
            "params": asdict(self.params),
            "df": dict(self.df),
            "docs": self.docs,
            "stories": [story_to_json(s) for s in self.stories.values()],
            "redirects": self.redirects,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], params: StoryParams | None = None) -> StoryIndex:
        # the settings a store was started with stay (ids and stories stay stable);
        # a setting this version does not know is dropped, a new one takes its default
        known = {f.name for f in fields(StoryParams)}
        saved = {k: v for k, v in data.get("params", {}).items() if k in known}
        index = cls(params or StoryParams(**saved))
        index.df = Counter({str(k): int(v) for k, v in data.get("df", {}).items()})
        index.docs = int(data.get("docs", 0))
        for s in data.get("stories", []):
            story = story_from_json(s)
            index.add_story(story)
            for aid in story.articles:
                index.assigned[aid] = story.id
        index.redirects = {str(k): str(v) for k, v in data.get("redirects", {}).items()}
        return index


def story_to_json(story: StoryState, *, members: bool = True) -> dict[str, Any]:
    """One story's state as JSON values (``members=False``: without its articles)."""
    return {
        "id": story.id,
        "centroid": story.centroid,
        "day": story.day,
        "first": story.first,
        "last": story.last,
        "size": story.size,
        "articles": story.articles if members else [],
    }


def story_from_json(data: dict[str, Any]) -> StoryState:
    return StoryState(
        str(data["id"]),
        {str(k): float(v) for k, v in data["centroid"].items()},
        int(data["day"]),
        str(data["first"]),
        str(data["last"]),
        int(data["size"]),
        [str(a) for a in data.get("articles", [])],
    )


def story_id(first_article: str) -> str:
    """A story's id, minted once from its first article's id."""
    return "s-" + first_article


@dataclass(frozen=True)
class PileItem:
    id: str
    published: dt.date
    text: str
    entities: tuple[str, ...] = ()


def cluster_pile(
    items: Iterable[PileItem],
    params: StoryParams | None = None,
    index: StoryIndex | None = None,
    *,
    all_at_once: bool = False,
) -> StoryIndex:
    """Feed ``items`` day by day in publication order (ties: by id) into ``index``
    (a new one by default) and return it. ``all_at_once``: document frequencies
    of the whole pile are known from the start (the batch setting)."""
    idx = index or StoryIndex(params)
    by_day: dict[dt.date, list[tuple[str, Features]]] = {}
    for item in sorted(items, key=lambda i: (i.published, i.id)):
        by_day.setdefault(item.published, []).append(
            (item.id, features(item.text, item.entities, idx.params))
        )
    if all_at_once:
        for batch in by_day.values():
            for _, counts in batch:
                idx.df.update(counts.keys())
            idx.docs += len(batch)
    for day in sorted(by_day):
        idx.add_day(day, by_day[day], count=not all_at_once)
    return idx
