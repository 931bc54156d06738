"""What is new (issue 21): what an article, or everything published since a date,
adds to what the store knew before it.

Articles are read in publication order (then the store's sequence): what the
store "knew" before an article is every article ordered before it. An item of
the article is new when nothing known tells it already:

* **event**: a sentence the timeline dates (``views.timeline``: a time
  expression, or the lead under its publication day) whose happening no known
  sentence tells, by the timeline's own test of two sentences telling the same
  happening (``views.happenings``: shared weighted content, or a shared
  quotation). A known sentence counts when its date overlaps, or when it has no
  date of its own (it may tell the same thing undated); the same words about a
  disjoint date are a new date of a recurring happening;
* **quote**: a quote (confident ones only, ``all``: every one) whose speaker was
  never quoted before, or whose words no known quote or sentence says;
* **figure**: the first figure of a series (subject and measure,
  ``views.series``), or one outside every value known for it (a change);
* **actor**: an entity (person, organization, place, group) first mentioned.

Repeats in other words are the risk (a reader who finds one stale "new" item
stops trusting the list), so a sentence retelling known content is never new,
and copies of known articles add nothing. Items are ranked by what matters: events
first, by the digest's salience of their date (``views.tls.dates.rank_dates``
over the whole story) and whether the digest shows their sentence; then quotes
by confidence (a new speaker's higher); a figure that changes a known value
before a first figure; actors by how often the article names them.

``Novelty`` keeps what is known and learns one article at a time, so a daily
feed (``bench/stream_tls.py``) pays per day only for the day's articles. Its state
is a set of happenings: each new event starts one, and a later sentence telling it
again joins it (never new itself). Following (``follow=True``), every sentence
joins the happening it retells, and one first told undated starts a happening dated
by its first dated telling; ``streamed_timeline`` then offers the tellings of the
happenings that were new to the digest's own sentence selection.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypedDict

import numpy as np

from ..errors import NotFound, OptionsError
from ..models import SentenceDate
from .corpus import Corpus
from .digest import digest_window
from .happenings import (
    _ATTRIBUTION_WORDS,
    _DATE_WORDS,
    NAME_WEIGHT,
    SAME_HAPPENING_OVERLAP,
    Gist,
    _gist,
)
from .payloads import shown, speaker_entity
from .registry import register
from .series import Point, figure_series
from .summary import candidates
from .timeline import EVENT_RULES, _tells_something, event_value, normalized_words
from .tls.dates import rank_dates
from .tls.relevance import Tokenizer

if TYPE_CHECKING:
    from .story import Story

# Entity types a reader follows as actors (not dates, figures, nationalities or terms).
ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC"})
# Two gists sharing fewer content stems tell different things (``HappeningIndex.same``).
MIN_SHARED_STEMS = 3
# Kind order among equally salient items: what happened, who said what, figures, actors.
KIND_ORDER = {"event": 0, "quote": 1, "figure": 2, "actor": 3, "claim": 4}


class NewItem(TypedDict):
    kind: str
    text: str
    date: str | None
    article: str
    outlet: str | None
    first_seen: str | None
    sentence: int | None
    salience: float


class NewPayload(TypedDict):
    since: str | None
    article: str | None
    items: list[NewItem]


class _Posting:
    """The known sentences holding one stem, in order: a growing array, so that a
    sentence's candidates are counted by NumPy rather than one by one."""

    __slots__ = ("ids", "n")

    def __init__(self) -> None:
        self.ids = np.empty(4, dtype=np.int32)
        self.n = 0

    def append(self, k: int) -> None:
        if self.n == len(self.ids):
            self.ids = np.concatenate([self.ids, np.empty(self.n, dtype=np.int32)])
        self.ids[self.n] = k
        self.n += 1

    def held(self) -> np.ndarray:
        return self.ids[: self.n]


@dataclass
class _Known:
    """Known sentences as gists, with a posting list per stem for candidate lookup."""

    tokenizer: Tokenizer = field(default_factory=Tokenizer)
    gists: list[Gist] = field(default_factory=list)
    spans: list[tuple[dt.date, dt.date] | None] = field(default_factory=list)
    postings: dict[str, _Posting] = field(default_factory=lambda: defaultdict(_Posting))
    quotes: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    df: Counter[str] = field(default_factory=Counter)
    texts: dict[str, int] = field(default_factory=dict)  # normalized words -> first position

    def __post_init__(self) -> None:
        self.left_out = {self.tokenizer.stem(w) for w in _DATE_WORDS | _ATTRIBUTION_WORDS}
        # Stem weights and known sentences' whole weights, valid until the next ``add``
        # (which changes every IDF): an article's sentences share most candidates.
        self._idfs: dict[str, float] = {}
        self._sizes: dict[int, float] = {}

    def gist(self, text: str) -> Gist:
        return _gist(text, self.tokenizer, self.left_out)

    def add(self, text: str, span: tuple[dt.date, dt.date] | None) -> None:
        k = len(self.gists)
        self.texts.setdefault(normalized_words(text), k)
        gist = self.gist(text)
        self.gists.append(gist)
        self.spans.append(span)
        for s in gist.stems:
            self.postings[s].append(k)
        self.df.update(gist.stems)
        for q in gist.quotes:
            self.quotes[q].append(k)
        self._idfs.clear()
        self._sizes.clear()

    def _idf(self, stem: str) -> float:
        idf = self._idfs.get(stem)
        if idf is None:
            n = len(self.gists)
            idf = self._idfs[stem] = math.log((1 + n) / (1 + self.df.get(stem, 0))) + 1
        return idf

    def _size(self, k: int) -> float:
        """The whole weight of known sentence ``k``."""
        size = self._sizes.get(k)
        if size is None:
            other = self.gists[k]
            size = self._sizes[k] = self._weight(other, other.stems)
        return size

    def _weight(self, gist: Gist, stems: Iterable[str]) -> float:
        return sum(self._idf(s) * (NAME_WEIGHT if s in gist.names else 1.0) for s in stems)

    def knows(self, text: str, span: tuple[dt.date, dt.date] | None = None) -> bool:
        """Whether a known sentence tells what ``text`` tells (the test of
        ``HappeningIndex.same``), about an overlapping date or none."""
        return self.match(text, span) is not None

    def match(self, text: str, span: tuple[dt.date, dt.date] | None = None) -> int | None:
        """The position of a known sentence telling what ``text`` tells, or None."""
        return next(self.matches(text, span), None)

    def matches(self, text: str, span: tuple[dt.date, dt.date] | None = None) -> Iterator[int]:
        """The positions of known sentences telling what ``text`` tells: the same words
        first, then a shared quotation, then shared weighted content."""
        exact = self.texts.get(normalized_words(text))
        if exact is not None:
            yield exact
        gist = self.gist(text)

        def fits(k: int) -> bool:
            other = self.spans[k]
            return span is None or other is None or (other[0] <= span[1] and span[0] <= other[1])

        for q in gist.quotes:
            for k in self.quotes.get(q, ()):
                if fits(k):
                    yield k
        held = [p.held() for s in gist.stems if (p := self.postings.get(s)) is not None]
        if len(held) < MIN_SHARED_STEMS:
            return
        # known sentences sharing enough stems, oldest first (a posting holds each once)
        shared = np.bincount(np.concatenate(held))
        # the test of ``_weight``, inlined: hot
        idf = {s: self._idf(s) for s in gist.stems}
        weight = {s: w * (NAME_WEIGHT if s in gist.names else 1.0) for s, w in idf.items()}
        own = sum(weight.values())
        for k in np.flatnonzero(shared >= MIN_SHARED_STEMS).tolist():
            if not fits(k):
                continue
            other = self.gists[k]
            common = gist.stems & other.stems
            # the overlap is the larger of two shares: the known sentence's whole
            # weight is needed only when this sentence's share falls short
            if own > 0 and sum(weight[s] for s in common) / own >= SAME_HAPPENING_OVERLAP:
                yield k
                continue
            size = self._size(k)
            theirs = sum(idf[s] * (NAME_WEIGHT if s in other.names else 1.0) for s in common)
            if size > 0 and theirs / size >= SAME_HAPPENING_OVERLAP:
                yield k


def _is_event(sd: SentenceDate) -> bool:
    return sd.rule.startswith(EVENT_RULES) and event_value(sd) is not None


def _event_span(sd: SentenceDate | None) -> tuple[dt.date, dt.date] | None:
    """The dates a sentence is known to be about, for comparing happenings; None when
    the text does not say: undated sentences (``publication``, ``present_ref``), and a
    lead, filed under its publication day because that is when it was reported
    ("Washington still has no plans ..." retells May's refusal in July)."""
    if sd is None or not _is_event(sd) or sd.rule.startswith("lead"):
        return None
    return (sd.interval_start, sd.interval_end)


class Novelty:
    """What is known so far, over ``corpus``, learnt one article at a time."""

    def __init__(self, corpus: Corpus, *, all: bool = False, follow: bool = False) -> None:
        self.corpus = corpus
        self.all = all
        # ``follow``: also attach the sentences the timeline does not date as events to
        # the happenings they tell (what a streamed timeline chooses among); the ``new``
        # view lists first tellings only and skips that cost.
        self.follow = follow
        self.known = _Known()
        self.speakers: set[str] = set()
        self.actors: set[str] = set()
        self.learnt: set[str] = set()
        # Each new event starts a happening; a later sentence telling it again joins it.
        # ``tellings[h]``: (article, sentence, text) of happening h, first telling first.
        self.tellings: list[list[tuple[str, int, str]]] = []
        self.happening_dates: list[str | None] = []  # per happening: its first telling's date
        self._happening_of_known: list[int | None] = []  # per known sentence
        self._pending: dict[tuple[str, int], int] = {}  # set by ``news``, read by ``learn``
        self._points: dict[str, list[tuple[int, Point]]] = defaultdict(list)
        self._series_known: dict[int, list[Point]] = defaultdict(list)
        self._series_about: dict[int, str] = {}
        self._series: Sequence[Any] | None = None
        self._entity_mentions: dict[str, dict[str, int]] = defaultdict(dict)
        for e in corpus.entities:
            if e.type not in ACTOR_TYPES:
                continue
            for ref in e.mentions:
                sentence = corpus.annotations[ref.article].mentions[ref.index].sentence
                here = self._entity_mentions[ref.article]
                here[e.id] = min(here.get(e.id, sentence), sentence)

    def _figures(self) -> dict[str, list[tuple[int, Point]]]:
        """Figure points per article, with their series' position (built on first use)."""
        if self._series is None:
            self._series = figure_series(self.corpus)
            for k, series in enumerate(self._series):
                self._series_about[k] = series.about
                for p in series.points:
                    self._points[p.article].append((k, p))
        return self._points

    def _is_copy(self, article_id: str) -> bool:
        """A duplicate or syndicated copy of an article already known adds nothing."""
        copy = self.corpus.copy_of.get(article_id)
        return (
            copy is not None and self.corpus.is_repeat(article_id) and copy.copy_of in self.learnt
        )

    def learn(self, article_id: str) -> None:
        """Take ``article_id`` into what is known."""
        corpus = self.corpus
        ann = corpus.annotations.get(article_id)
        self.learnt.add(article_id)
        if ann is None:
            return
        for sentence in ann.sentences:
            span = _event_span(corpus.sentence_date(article_id, sentence.index))
            text = sentence.text.strip()
            self.known.add(text, span)
            happening = self._pending.pop((article_id, sentence.index), None)
            self._happening_of_known.append(happening)
            if happening is not None:
                self.tellings[happening].append((article_id, sentence.index, text))
        for q in ann.quotes:
            if shown(q, all=self.all) and not q.anonymous:
                entity = speaker_entity(corpus, article_id, q)
                name = entity.id if entity else (q.speaker_resolved or q.speaker)
                if name:
                    self.speakers.add(name.casefold())
        self.actors.update(self._entity_mentions.get(article_id, {}))
        for k, p in self._figures().get(article_id, ()):
            self._series_known[k].append(p)

    def _known_as(self, text: str, span: tuple[dt.date, dt.date] | None) -> tuple[bool, int | None]:
        """Whether a known sentence tells what ``text`` tells, and the happening of the
        first such sentence that belongs to one (undated known sentences belong to none)."""
        known = False
        for k in self.known.matches(text, span):
            happening = self._happening_of_known[k]
            if happening is not None or not self.follow:  # the view needs only "known"
                return True, happening
            known = True
        return known, None

    def news(self, article_id: str) -> list[NewItem]:
        """What ``article_id`` tells that nothing known does (call before ``learn``).
        A sentence retelling a known happening joins it as a further telling."""
        corpus = self.corpus
        ann = corpus.annotations.get(article_id)
        if ann is None:
            return []
        copy = self._is_copy(article_id)
        article = corpus.articles[article_id]
        published = article.published.isoformat() if article.published else None

        def item(kind: str, text: str, date: str | None, sentence: int | None) -> NewItem:
            return {
                "kind": kind,
                "text": text,
                "date": date,
                "article": article_id,
                "outlet": article.outlet,
                "first_seen": published,
                "sentence": sentence,
                "salience": 0.0,
            }

        items: list[NewItem] = []
        timexes = sorted(ann.timexes, key=lambda t: t.start)
        starts = [t.start for t in timexes]
        told: dict[str, int] = {}  # this article's new events, so it is not new twice over
        for sd in ann.sentence_dates:
            if not _is_event(sd) or sd.sentence >= len(ann.sentences):
                continue
            span = _event_span(sd)
            sentence = ann.sentences[sd.sentence]
            text = sentence.text.strip()
            if not _tells_something(sentence, timexes, starts):
                continue
            known, happening = self._known_as(text, span)
            key = normalized_words(text)
            if happening is None and key in told:
                happening = told[key]  # said twice in this article
            if happening is not None:  # told again: a further telling of that happening
                self._pending[(article_id, sd.sentence)] = happening
                if self.happening_dates[happening] is None:
                    self.happening_dates[happening] = event_value(sd)
                continue
            if known or copy:  # known without a happening, or a copy of a known article
                continue
            told[key] = len(self.tellings)
            self._pending[(article_id, sd.sentence)] = len(self.tellings)
            self.tellings.append([])
            self.happening_dates.append(event_value(sd))
            items.append(item("event", text, event_value(sd), sd.sentence))
        # A sentence the timeline does not date as an event may still retell a known
        # happening (an undated second sentence of a lead): a further telling of it.
        for sentence in ann.sentences if self.follow else ():
            if (article_id, sentence.index) in self._pending:
                continue
            dated = corpus.sentence_date(article_id, sentence.index)
            if dated is not None and _is_event(dated):
                continue  # judged above
            known, happening = self._known_as(sentence.text.strip(), _event_span(dated))
            if happening is None and not known and not copy:
                # told undated for the first time: a happening without a date yet (not
                # an event, so never listed), dated by its first dated telling
                happening = len(self.tellings)
                self.tellings.append([])
                self.happening_dates.append(None)
            if happening is not None:
                self._pending[(article_id, sentence.index)] = happening
        if copy:
            return []
        seen_quotes: set[str] = set()
        event_sentences = {it["sentence"] for it in items}
        for q in ann.quotes:
            if not shown(q, all=self.all) or q.sentence in event_sentences:
                continue  # a new event's sentence is listed once, as the event
            entity = speaker_entity(corpus, article_id, q)
            name = entity.name if entity else (q.speaker_resolved or q.speaker)
            speaker_key = (entity.id if entity else name or "").casefold()
            new_speaker = not q.anonymous and bool(speaker_key) and speaker_key not in self.speakers
            key = normalized_words(q.text)
            if key in seen_quotes or not key:
                continue
            if not new_speaker and self.known.knows(q.text):
                continue
            seen_quotes.add(key)
            said = f"{name}: “{q.text}”" if name else f"“{q.text}”"
            new = item("quote", said, published, q.sentence)
            new["salience"] = q.confidence + (0.5 if new_speaker else 0.0)
            items.append(new)
        for k, p in self._figures().get(article_id, ()):
            before = self._series_known.get(k, [])
            if any(b.low <= p.high and p.low <= b.high for b in before):
                continue  # a value already known, in other words or not
            about = self._series_about[k]
            text = f"{about}: {p.quantity.text}"
            if before:
                last = max(before, key=lambda b: (b.date, b.article))
                text += f" (was {last.quantity.text} on {last.date.isoformat()})"
            new = item("figure", text, p.date.isoformat(), p.quantity.sentence)
            new["salience"] = 1.0 if before else 0.5
            items.append(new)
        for entity_id, sentence_index in self._entity_mentions.get(article_id, {}).items():
            if entity_id in self.actors:
                continue
            entity = corpus.entity_by_id[entity_id]
            mentions = sum(1 for m in entity.mentions if m.article == article_id)
            new = item("actor", entity.name, published, sentence_index)
            new["salience"] = min(0.8, mentions / 5)
            items.append(new)
        return items


def reading_order(corpus: Corpus) -> list[str]:
    """Article ids in publication order, then the store's sequence (undated last)."""
    position = {a: i for i, a in enumerate(corpus.articles)}
    return sorted(
        corpus.articles,
        key=lambda a: (corpus.articles[a].published or dt.date.max, position[a]),
    )


def date_salience(corpus: Corpus) -> dict[dt.date, float]:
    """The digest's salience of each day, 1 for the best down towards 0."""
    sentences = candidates(corpus)
    lo, hi = digest_window(corpus)
    ranked = rank_dates(sentences, lo or dt.date.min, hi or dt.date.max) if sentences else []
    n = len(ranked)
    return {day: 1 - i / n for i, (day, _score) in enumerate(ranked)}


def rank(
    items: list[NewItem], salience: dict[dt.date, float], digest: Collection[tuple[str, int]]
) -> None:
    """Set each event's salience and sort ``items``, what matters first."""
    for it in items:
        if it["kind"] != "event":
            continue
        date = it["date"] or ""
        day = dt.date.fromisoformat(date) if len(date) == 10 else None
        shown_in_digest = (it["article"], it["sentence"]) in digest
        # 1.5 to 3.5: above every other kind (they top out at 1.5), then by the digest
        it["salience"] = (
            1.5 + (salience.get(day, 0.0) if day else 0.0) + (1.0 if shown_in_digest else 0.0)
        )
    items.sort(key=lambda it: (-it["salience"], KIND_ORDER[it["kind"]], it["first_seen"] or ""))


def new_items(
    corpus: Corpus,
    targets: Sequence[str],
    *,
    all: bool = False,
    digest: Collection[tuple[str, int]] = (),
) -> list[NewItem]:
    """The new items of ``targets`` (in reading order), each against everything before it."""
    wanted = set(targets)
    order = reading_order(corpus)
    novelty = Novelty(corpus, all=all)
    items: list[NewItem] = []
    last = max((i for i, a in enumerate(order) if a in wanted), default=-1)
    for article_id in order[: last + 1]:
        if article_id in wanted:
            items.extend(novelty.news(article_id))
        novelty.learn(article_id)
    rank(items, date_salience(corpus), digest)
    return items


@register("new", NewPayload)
def new(
    story: Story,
    *,
    since: dt.date | None = None,
    article: str | None = None,
    all: bool = False,
) -> dict[str, Any]:
    """What is new: the items an article (or everything published since a date) adds
    to what the articles published before it told, ranked by what matters."""
    if (since is None) == (article is None):
        raise OptionsError("give one of --since DATE or --article ID", code="E302")
    corpus = story.corpus()
    if article is not None:
        if article not in corpus.articles:
            raise NotFound(
                f"no article with id {article!r}; `storyline articles` lists them", code="E312"
            )
        targets = [article]
    else:
        assert since is not None  # one of the two, checked above
        targets = [
            a for a, art in corpus.articles.items() if art.published and art.published >= since
        ]
    wanted = set(targets)
    if article is not None and not story.cache.ready(("new items", all)):
        # One article: read everything before it, judge only it (the whole pile's
        # items, built once, serve every later request).
        found = story.cache.cached(
            ("new items", all, article),
            lambda: new_items(corpus, targets, all=all, digest=_digest_sentences(story)),
            filtered=True,
        )
    else:
        found = [it for it in _every_item(story, all) if it["article"] in wanted]
    items = [dict(it) for it in found]
    return {
        "since": since.isoformat() if since else None,
        "article": article,
        "items": items,
    }


def _every_item(story: Story, all: bool) -> list[NewItem]:
    """Every article's new items, ranked: one pass over the story per store state
    (an article's items are the same whichever request asks)."""

    def build() -> list[NewItem]:
        corpus = story.corpus()
        return new_items(corpus, list(corpus.articles), all=all, digest=_digest_sentences(story))

    return story.cache.cached(("new items", all), build)


def _digest_sentences(story: Story) -> set[tuple[str, int]]:
    """(article, sentence) of every sentence the digest shows."""
    return {
        (ev["article"], ev["sentence_index"])
        for event in story.timeline()["events"]
        for ev in event["evidence"]
    }
