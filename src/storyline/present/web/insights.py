"""What the entity page shows beyond the entities view: mentions over time and company."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from ...models import Entity
from ...views.corpus import Corpus
from .grouping import add_days, period

CHART_WIDTH = 640
CHART_HEIGHT = 90
MAX_MONTHS = 120  # longer spans are counted by year
MAX_PERIODS = 200  # bars drawn with the empty ones between


def sentence_index(corpus: Corpus) -> dict[tuple[str, int], set[str]]:
    """(article, sentence) -> ids of the entities mentioned in it."""
    index: dict[tuple[str, int], set[str]] = defaultdict(set)
    for entity in corpus.entities:
        for ref in entity.mentions:
            ann = corpus.annotations.get(ref.article)
            if ann is not None and ref.index < len(ann.mentions):
                index[(ref.article, ann.mentions[ref.index].sentence)].add(entity.id)
    return dict(index)


def co_occurring(
    corpus: Corpus, entity: Entity, index: dict[tuple[str, int], set[str]], limit: int = 25
) -> list[dict[str, Any]]:
    """Entities named in the same sentences as ``entity``, by number of shared sentences."""
    sentences = set()
    for ref in entity.mentions:
        ann = corpus.annotations.get(ref.article)
        if ann is not None and ref.index < len(ann.mentions):
            sentences.add((ref.article, ann.mentions[ref.index].sentence))
    counts: Counter[str] = Counter()
    for key in sentences:
        for other in index.get(key, ()):
            if other != entity.id:
                counts[other] += 1
    by_id = {e.id: e for e in corpus.entities}
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], by_id[kv[0]].name))[:limit]
    return [
        {"id": eid, "name": by_id[eid].name, "type": by_id[eid].type, "sentences": n}
        for eid, n in ranked
    ]


def mention_dates(corpus: Corpus, entity: Entity) -> tuple[list[dt.date], int]:
    """A date per mention (the article's publication day, else the sentence's date)
    and how many mentions have neither."""
    dates: list[dt.date] = []
    undated = 0
    for ref in entity.mentions:
        day = corpus.published(ref.article) if ref.article in corpus.articles else None
        if day is None:
            ann = corpus.annotations.get(ref.article)
            if ann is not None and ref.index < len(ann.mentions):
                sd = corpus.sentence_date(ref.article, ann.mentions[ref.index].sentence)
                day = sd.interval_start if sd else None
        if day is None:
            undated += 1
        else:
            dates.append(day)
    return dates, undated


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Chart:
    granularity: str
    bars: list[Bar]
    undated: int
    peak: int
    width: int = CHART_WIDTH
    height: int = CHART_HEIGHT


def timeline_counts(dates: list[dt.date]) -> tuple[str, list[tuple[str, int]]]:
    """Counts per period, empty periods included, at a granularity fit for the span.

    Months up to ``MAX_MONTHS`` of span, then years; a span of more than
    ``MAX_PERIODS`` years (a stray date in year 1) lists the non-empty years only.
    """
    if not dates:
        return "month", []
    first, last = min(dates), max(dates)
    span = (last - first).days
    granularity = (
        "day" if span <= 21 else "week" if span <= 120 else "month" if span <= MAX_MONTHS * 31 else "year"
    )
    counts = Counter(period(d, granularity)[0] for d in dates)
    if granularity == "year" and last.year - first.year >= MAX_PERIODS:
        return granularity, sorted(counts.items(), key=lambda kv: int(kv[0]))
    rows: list[tuple[str, int]] = []
    day = period(first, granularity)[1]
    while day <= last:
        label, _start, end = period(day, granularity)
        rows.append((label, counts.get(label, 0)))
        if end == dt.date.max:
            break
        day = add_days(end, 1)
    return granularity, rows


def chart(dates: list[dt.date], undated: int) -> Chart:
    granularity, rows = timeline_counts(dates)
    peak = max((n for _label, n in rows), default=0)
    bars: list[Bar] = []
    if rows and peak:
        slot = CHART_WIDTH / len(rows)
        usable = CHART_HEIGHT - 14  # room for the axis labels
        for i, (label, n) in enumerate(rows):
            h = round(usable * n / peak, 1)
            bars.append(
                Bar(label, n, round(i * slot + slot * 0.1, 1), round(usable - h, 1), round(slot * 0.8, 1), h)
            )
    return Chart(granularity, bars, undated, peak)
