"""The streamed timeline (issue 21): what a day-by-day reader of the pile saw
as new, told the way the digest tells it. ``bench/stream_tls.py`` scores it
against the batch digest; ``Novelty(follow=True)`` (``views.new``) feeds it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

from ..models import Evidence, TimelineEvent
from .entry import entry_text, join_entries
from .new import Novelty
from .tls import CandidateSentence, TLSParams
from .tls.dates import rank_dates
from .tls.dedup import token_set
from .tls.records import period_span
from .tls.relevance import Tokenizer, query_vector, tfidf
from .tls.summarize import Pools, build_pools, select_for_day, sentence_quality


def happenings_between(
    novelty: Novelty, start: dt.date, end: dt.date
) -> tuple[set[dt.date], set[tuple[str, int]]]:
    """The days between ``start`` and ``end`` that happenings first told in that time are
    about, and every telling (article, sentence) of those happenings: what a reader fed
    the articles day by day saw as new, with what later retold it."""
    days: set[dt.date] = set()
    told: set[tuple[str, int]] = set()
    for date, tellings in zip(novelty.happening_dates, novelty.tellings, strict=True):
        if not tellings:
            continue
        first_seen = novelty.corpus.articles[tellings[0][0]].published
        if not first_seen or not start <= first_seen <= end:
            continue
        told.update((article, sentence) for article, sentence, _text in tellings)
        if date and len(date) == 10 and start <= (day := dt.date.fromisoformat(date)) <= end:
            days.add(day)
    return days, told


def streamed_timeline(
    sentences: Sequence[CandidateSentence],
    new_days: Collection[dt.date],
    tellings: Collection[tuple[str, int]],
    *,
    n_dates: int,
    sents_per_date: int,
    query: Sequence[str] = (),
    start: dt.date | None = None,
    end: dt.date | None = None,
    params: TLSParams | None = None,
) -> list[TimelineEvent]:
    """The timeline a reader fed the articles day by day would build from what was new:
    the days new happenings were about (``new_days``), ranked by the digest's salience
    over ``sentences``, cut to ``n_dates``; each day's sentences chosen by the digest's
    own selection (``select_for_day``: the sentences naming the day, or leads published
    then) among the tellings of new happenings (``happenings_between``). What differs
    from ``build_timeline`` is only which sentences were seen as new and when."""
    p = params or TLSParams()
    if not sentences or n_dates <= 0:
        return []
    ranked = rank_dates(sentences, start or dt.date.min, end or dt.date.max, p.dates)
    tokenizer = Tokenizer()
    toks = [s.tokens or tokenizer(s.text) for s in sentences]
    quality = [
        sentence_quality(s, p.summary, query)
        if s.dates or s.index < p.summary.lead_sentences
        else 0.0
        for s in sentences
    ]
    pools = build_pools(sentences, p.summary, quality)

    def told(ids: list[int]) -> list[int]:
        return [i for i in ids if (sentences[i].article, sentences[i].index) in tellings]

    days = [day for day, _score in ranked if day in new_days]
    kept = Pools(
        {d: told(pools.mentions.get(d, [])) for d in days},
        {d: told(pools.published.get(d, [])) for d in days},
    )
    cand_ids = sorted(
        {i for ids in (*kept.mentions.values(), *kept.published.values()) for i in ids}
    )
    if not cand_ids:
        return []
    row_of = {i: r for r, i in enumerate(cand_ids)}
    vectors = tfidf([toks[i] for i in cand_ids], idf_docs=toks)
    qvec = query_vector(query, vectors, tokenizer) if query else None
    local = Pools(
        {d: [row_of[i] for i in ids] for d, ids in kept.mentions.items()},
        {d: [row_of[i] for i in ids] for d, ids in kept.published.items()},
    )
    local_sents = [sentences[i] for i in cand_ids]
    local_quality = [quality[i] for i in cand_ids]
    local_tokens = [toks[i] for i in cand_ids]
    score_of = dict(ranked)
    events: list[TimelineEvent] = []
    used: set[frozenset[str]] = set()
    for day in days:
        if len(events) >= n_dates:
            break
        picked = select_for_day(
            day, local, local_sents, vectors.matrix, qvec, sents_per_date, p.summary, used,
            local_quality, local_tokens,
        )  # fmt: skip
        if not picked:
            continue
        chosen = [local_sents[i] for i, _score in sorted(picked, key=lambda x: -x[1])]
        used.update(token_set(s.text) for s in chosen)
        value, first, last = period_span(day, "day")
        entries = tuple(
            entry_text(s.text, [r.text for r in s.dates if (r.start, r.end) == (first, last)])
            for s in chosen
        )
        events.append(
            TimelineEvent(
                date=value,
                start=first,
                end=last,
                summary=join_entries(entries),
                evidence=tuple(
                    Evidence(
                        article=s.article,
                        sentence=s.index,
                        text=s.text,
                        outlet=s.outlet,
                        url=s.url,
                        published=s.published,
                    )
                    for s in chosen
                ),
                score=score_of[day],
                entries=entries,
            )
        )
    events.sort(key=lambda e: e.start)
    return events
