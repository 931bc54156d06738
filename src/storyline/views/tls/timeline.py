"""The timeline builder: rank dates, then summarize each chosen date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from storyline.errors import OptionsError
from storyline.models import Evidence, TimelineEvent

from ..entry import entry_text, join_entries
from .dates import DateParams, choose_n_dates, rank_dates
from .dedup import token_set
from .records import TIMELINE_GRANULARITIES, CandidateSentence, next_period, period_key, period_span
from .relevance import DocumentFrequencies, Tokenizer, query_vector, tfidf
from .summarize import Pools, SummaryParams, build_pools, select_for_day, sentence_quality


@dataclass(frozen=True)
class TLSParams:
    dates: DateParams = field(default_factory=DateParams)
    summary: SummaryParams = field(default_factory=SummaryParams)
    default_sents_per_date: int = 2


def build_timeline(
    sentences: Sequence[CandidateSentence],
    n_dates: int | None = None,
    sents_per_date: int | None = None,
    query: Sequence[str] = (),
    start: dt.date | None = None,
    end: dt.date | None = None,
    params: TLSParams | None = None,
    granularity: str = "day",
    frequencies: DocumentFrequencies | None = None,
) -> list[TimelineEvent]:
    """A timeline of ``n_dates`` dates with ``sents_per_date`` sentences each.

    ``sentences`` are the candidate sentences (with their date references);
    ``query`` holds keywords or entity names the story is about; ``start`` /
    ``end`` bound the dates (default: unbounded). ``None``
    for ``n_dates`` / ``sents_per_date`` lets the material decide. Events come
    back in date order; each event's evidence is the chosen sentences, as
    written, and its entries (joined into the summary) are those sentences
    without the expressions that name exactly the event's date or period
    (``views.entry``: the date column says it).
    ``granularity="month"`` groups events by month (a sentence naming a day
    also counts for its month; month references like "in March" count too).
    ``frequencies``: the document frequencies of ``sentences`` when already
    counted (``frequencies_of``); a week of a big pile then costs the week only.
    """
    p = params or TLSParams()
    if n_dates is not None and n_dates < 0:
        raise OptionsError(f"n_dates must be >= 0, got {n_dates}", code="E301")
    if sents_per_date is not None and sents_per_date < 1:
        raise OptionsError(f"sents_per_date must be >= 1, got {sents_per_date}", code="E301")
    if granularity not in TIMELINE_GRANULARITIES:
        raise OptionsError(
            f"granularity must be one of {TIMELINE_GRANULARITIES}, got {granularity!r}",
            code="E301",
        )
    if not sentences or n_dates == 0:
        return []
    lo = start or dt.date.min
    hi = end or dt.date.max
    tokenizer = Tokenizer()
    # IDF comes from the whole input; the rest only from what bears on the window.
    everything = sentences
    if start is not None or end is not None:
        # A week of a big pile: rank, judge and vectorize only what bears on it.
        sentences = bearing_on(sentences, lo, hi, p, granularity)
        if not sentences:
            return []
    ranked = rank_dates(sentences, lo, hi, p.dates, granularity)
    n = n_dates if n_dates is not None else choose_n_dates(ranked)
    k = sents_per_date or p.default_sents_per_date

    toks = [s.tokens or tokenizer(s.text) for s in sentences]
    if frequencies is None:
        if everything is sentences:
            frequencies = DocumentFrequencies.of(toks)
        else:  # the other sentences count for IDF only: their word sets suffice
            frequencies = frequencies_of(everything, tokenizer)
    # Only sentences that can enter a pool need judging.
    quality = [
        sentence_quality(s, p.summary, query)
        if s.dates or s.index < p.summary.lead_sentences
        else 0.0
        for s in sentences
    ]
    pools = build_pools(sentences, p.summary, quality, granularity)
    # Vectors for the sentences that can be chosen; IDF from the whole input.
    cand_ids = sorted(
        {i for ids in pools.mentions.values() for i in ids}
        | {i for ids in pools.published.values() for i in ids}
    )
    row_of = {i: r for r, i in enumerate(cand_ids)}
    vectors = tfidf([toks[i] for i in cand_ids], frequencies=frequencies)
    qvec = query_vector(query, vectors, tokenizer) if query else None
    local = _reindex(pools, row_of)
    local_sents = [sentences[i] for i in cand_ids]
    local_quality = [quality[i] for i in cand_ids]
    local_tokens = [toks[i] for i in cand_ids]

    events: list[TimelineEvent] = []
    used: set[frozenset[str]] = set()
    for day, score in ranked:
        if len(events) >= n:
            break
        picked = select_for_day(
            day,
            local,
            local_sents,
            vectors.matrix,
            qvec,
            k,
            p.summary,
            used,
            local_quality,
            local_tokens,
        )
        if not picked:
            continue
        chosen = sorted(picked, key=lambda x: -x[1])
        evidence = tuple(
            Evidence(
                article=local_sents[i].article,
                sentence=local_sents[i].index,
                text=local_sents[i].text,
                outlet=local_sents[i].outlet,
                url=local_sents[i].url,
                published=local_sents[i].published,
            )
            for i, _ in chosen
        )
        used.update(token_set(e.text) for e in evidence)
        value, first, last = period_span(day, granularity)
        entries = tuple(
            entry_text(
                local_sents[i].text,
                [r.text for r in local_sents[i].dates if (r.start, r.end) == (first, last)],
            )
            for i, _ in chosen
        )
        events.append(
            TimelineEvent(
                date=value,
                start=first,
                end=last,
                summary=join_entries(entries),
                evidence=evidence,
                score=score,
                entries=entries,
            )
        )
    events.sort(key=lambda e: e.start)
    return events


def frequencies_of(
    sentences: Sequence[CandidateSentence], tokenizer: Tokenizer | None = None
) -> DocumentFrequencies:
    """The document frequencies ``build_timeline`` takes its IDF from: every
    candidate sentence's content words (as sets: the same counts as the
    sentences' token lists, for less work)."""
    tokenizer = tokenizer or Tokenizer()
    return DocumentFrequencies.of(s.tokens or tokenizer.token_set(s.text) for s in sentences)


def bearing_on(
    sentences: Sequence[CandidateSentence],
    start: dt.date,
    end: dt.date,
    params: TLSParams,
    granularity: str = "day",
) -> list[CandidateSentence]:
    """The sentences that can count for a date in [start, end] (period keys): those
    naming a period in it, and those published in it or up to the periods after it
    whose articles still count (a report the next morning; the lead candidates of
    ``summary.published_days``). Everything else changes no date's rank and fills
    no date's pool (it still counts for IDF), so leaving it out early keeps the
    choice the same while the work shrinks to the window."""
    first, last = period_key(start, granularity), period_key(end, granularity)
    steps = max(1, params.summary.published_days if granularity == "day" else 0)
    last_published = last
    for _ in range(steps):
        last_published = next_period(last_published, granularity)
    out = []
    for s in sentences:
        if first <= period_key(s.published, granularity) <= last_published or any(
            first <= d <= last for d in s.refs(granularity)
        ):
            out.append(s)
    return out


def _reindex(pools: Pools, row_of: dict[int, int]) -> Pools:
    return Pools(
        {d: [row_of[i] for i in ids] for d, ids in pools.mentions.items()},
        {d: [row_of[i] for i in ids] for d, ids in pools.published.items()},
    )
