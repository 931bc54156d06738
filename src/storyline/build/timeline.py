"""The story timeline from stored annotations (never re-runs spaCy).

Sentences dated by an explicit time expression are grouped into one event per
date value (at the granularity the text gave: "in May" stays 2023-05);
repeats from syndicated copies and identical sentences are dropped; each
event keeps every sentence and outlet behind it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable

from ..models import Evidence, SentenceDate, TimelineEvent
from .corpus import Corpus

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


def dated_evidence(
    corpus: Corpus, *, rules: Iterable[str] = ("timex",)
) -> dict[str, list[tuple[SentenceDate, Evidence]]]:
    """Evidence sentences by event date value, repeats removed."""
    wanted = tuple(rules)
    by_value: dict[str, list[tuple[SentenceDate, Evidence]]] = defaultdict(list)
    seen: set[str] = set()
    for article_id, ann in corpus.annotations.items():
        if corpus.is_repeat(article_id):
            continue
        article = corpus.articles[article_id]
        for sd in ann.sentence_dates:
            if not sd.rule.startswith(wanted):
                continue
            value = event_value(sd)
            if value is None or sd.sentence >= len(ann.sentences):
                continue
            text = ann.sentences[sd.sentence].text.strip()
            key = normalized_words(text)
            if key in seen:
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


def basic_timeline(
    corpus: Corpus,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    entity_ids: set[str] | None = None,
) -> list[TimelineEvent]:
    events = []
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
        items.sort(key=lambda pair: (pair[1].published or dt.date.max, pair[1].article, pair[1].sentence))
        outlets = {ev.outlet for _sd, ev in items}
        events.append(
            TimelineEvent(
                date=value,
                start=first.interval_start,
                end=first.interval_end,
                summary=items[0][1].text,
                evidence=tuple(ev for _sd, ev in items),
                score=len(items) + len(outlets),
            )
        )
    # Coarser values (a month) sort before the days inside them.
    return sorted(events, key=lambda e: (e.start, -(e.end - e.start).days, e.date))
