"""The story timeline from stored annotations (never re-runs spaCy).

Sentences dated by an explicit time expression are filed under their date
value (at the granularity the text gave: "in May" stays 2023-05), each
article's lead under its publication day (the news it opens with happened
then: ``annotate.timex.lead``), and grouped
into one event per happening (see ``views.happenings``); repeats from
syndicated copies and identical sentences are dropped; each event keeps every
sentence and outlet behind it. An event's summary is its first sentence as an
entry (``views.entry``): without the expression that names exactly the event's
date ("said on Tuesday" -> "said"; "in late May" stays, it says more).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..models import Evidence, Sentence, SentenceDate, TimelineEvent, Timex
from .corpus import Corpus
from .entry import entry_text
from .happenings import HappeningIndex, best_happening, group_happenings

# Values that name a stretch of the calendar, at a granularity a timeline shows.
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_CALENDAR = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?$")


def event_value(sd: SentenceDate) -> str | None:
    """The date string an event is filed under, or None if not calendar time."""
    if _DAY.match(sd.value):
        return sd.value[:10]
    if _CALENDAR.match(sd.value):
        return sd.value
    return None


def normalized_words(text: str) -> str:
    """Case- and punctuation-blind form of a text, for spotting repeats."""
    return " ".join(re.findall(r"\w+", text.casefold()))


# The sentence-dating rules whose dates make timeline events (``publication`` and
# ``present_ref`` only say a sentence holds by the publication day, not when it happened).
EVENT_RULES = ("timex", "lead")


def dated_evidence(
    corpus: Corpus, *, rules: Iterable[str] = EVENT_RULES
) -> dict[str, list[tuple[SentenceDate, Evidence]]]:
    """Evidence sentences by event date value, repeats removed."""
    wanted = tuple(rules)
    by_value: dict[str, list[tuple[SentenceDate, Evidence]]] = defaultdict(list)
    seen: set[str] = set()
    for article_id, ann in corpus.annotations.items():
        if corpus.is_repeat(article_id):
            continue
        article = corpus.articles[article_id]
        timexes = sorted(ann.timexes, key=lambda t: t.start)
        starts = [t.start for t in timexes]
        for sd in ann.sentence_dates:
            if not sd.rule.startswith(wanted):
                continue
            value = event_value(sd)
            if value is None or sd.sentence >= len(ann.sentences):
                continue
            sentence = ann.sentences[sd.sentence]
            text = sentence.text.strip()
            key = normalized_words(text)
            if key in seen or not _tells_something(sentence, timexes, starts):
                continue
            seen.add(key)
            by_value[value].append(
                (
                    sd,
                    Evidence(
                        article=article_id,
                        sentence=sd.sentence,
                        text=text,
                        outlet=article.outlet,
                        url=article.url,
                        published=article.published,
                    ),
                )
            )
    return by_value


# A sentence with fewer words than this besides its time expressions is a date
# label ("1918 :", "4 Aug 1946 :" in a chronology), not the telling of a happening.
MIN_CONTENT_WORDS = 3
_CONTENT_WORD = re.compile(r"[^\W\d_]{2,}")
_BRACKET_TOKENS = frozenset({"LRB", "RRB", "LSB", "RSB", "LCB", "RCB"})  # PTB brackets


def _tells_something(sentence: Sentence, timexes: Sequence[Timex], starts: list[int]) -> bool:
    """``timexes`` sorted by start, ``starts`` their starts (found by bisection: a long
    article's sentences each scanning all its expressions would be quadratic)."""
    text = sentence.text
    lo = bisect.bisect_left(starts, sentence.start)
    hi = bisect.bisect_right(starts, sentence.end)
    for tx in timexes[lo:hi]:
        if tx.end <= sentence.end:
            a, b = tx.start - sentence.start, tx.end - sentence.start
            text = text[:a] + " " * (b - a) + text[b:]
    words = [w for w in _CONTENT_WORD.findall(text) if w not in _BRACKET_TOKENS]
    return len(words) >= MIN_CONTENT_WORDS


@dataclass
class _Happening:
    value: str
    start: dt.date
    end: dt.date
    own: list[int]  # positions of the sentences dated with ``value``
    retold: list[int] = field(default_factory=list)  # coarser mentions of the same

    def contains(self, other_start: dt.date, other_end: dt.date) -> bool:
        """True when this happening is dated strictly finer, inside the other's stretch."""
        return (
            other_start <= self.start
            and self.end <= other_end
            and (self.end - self.start) < (other_end - other_start)
        )


def basic_timeline(
    corpus: Corpus,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    entity_ids: set[str] | None = None,
) -> list[TimelineEvent]:
    """Every dated happening: one event per happening, not per date value.

    A date value's sentences are split into happenings (``views.happenings``);
    a sentence dated coarser (a month) that tells of a happening dated finer
    inside it (a day of that month) joins that event as further evidence
    instead of making a second, vaguer event.
    """
    flat: list[Evidence] = []  # every kept sentence; happenings refer to positions here
    spans: list[tuple[str, dt.date, dt.date, list[int]]] = []
    for value, items in dated_evidence(corpus).items():
        if entity_ids is not None:
            items = [
                (sd, ev)
                for sd, ev in items
                if corpus.sentence_entities(ev.article, ev.sentence) & entity_ids
            ]
        if not items:
            continue
        first = items[0][0]
        if start and first.interval_end < start:
            continue
        if end and first.interval_start > end:
            continue
        positions = list(range(len(flat), len(flat) + len(items)))
        flat.extend(sorted((ev for _sd, ev in items), key=_reading_order))
        spans.append((value, first.interval_start, first.interval_end, positions))
    happenings = _find_happenings(HappeningIndex([ev.text for ev in flat]), spans)
    events = []
    for h in happenings:
        told = tuple(flat[i] for i in h.own) + tuple(
            sorted((flat[i] for i in h.retold), key=_reading_order)
        )
        outlets = {ev.outlet for ev in told}
        entry = entry_text(told[0].text, _expressions_naming(corpus, told[0], h.value))
        events.append(
            TimelineEvent(
                date=h.value,
                start=h.start,
                end=h.end,
                summary=entry,
                evidence=told,
                score=len(told) + len(outlets),
                entries=(entry,),
            )
        )
    # Coarser values (a month) sort before the days inside them; happenings of one
    # date in the order they were first reported.
    return sorted(
        events,
        key=lambda e: (e.start, -(e.end - e.start).days, e.date, _reading_order(e.evidence[0])),
    )


def _find_happenings(
    index: HappeningIndex, spans: Sequence[tuple[str, dt.date, dt.date, list[int]]]
) -> list[_Happening]:
    """Happenings of (value, first day, last day, sentence positions) spans; the
    finest spans first, so a coarser sentence can find the happening it retells."""
    happenings: list[_Happening] = []
    by_start: list[tuple[dt.date, int]] = []  # (start, position in happenings), sorted
    for value, lo, hi, members in sorted(spans, key=lambda v: ((v[2] - v[1]).days, v[1], v[0])):
        alone = members
        if hi > lo:  # only a stretch longer than a day can retell a finer happening
            first_inside = bisect.bisect_left(by_start, (lo, -1))
            last_inside = bisect.bisect_right(by_start, (hi, len(happenings)))
            finer = [
                happenings[k]
                for _start, k in by_start[first_inside:last_inside]
                if happenings[k].contains(lo, hi)
            ]
            alone = []
            for m in members:
                k = best_happening(index, m, [h.own + h.retold for h in finer])
                if k is None:
                    alone.append(m)
                else:
                    finer[k].retold.append(m)
        for group in group_happenings(index, alone):
            bisect.insort(by_start, (lo, len(happenings)))
            happenings.append(_Happening(value, lo, hi, group))
    return happenings


def _expressions_naming(corpus: Corpus, ev: Evidence, value: str) -> list[str]:
    """The time expressions of the evidence sentence that name exactly ``value``
    ("in May" for 2025-05; not "in late May", which says more)."""
    ann = corpus.annotations[ev.article]
    sentence = ann.sentences[ev.sentence]
    return [
        t.text
        for t in ann.timexes
        if sentence.start <= t.start < sentence.end and t.value == value and t.mod is None
    ]


def _reading_order(ev: Evidence) -> tuple[dt.date, str, int]:
    return (ev.published or dt.date.max, ev.article, ev.sentence)
