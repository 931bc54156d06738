"""The summarized story timeline: the dates that matter, a few sentences each.

Built from stored annotations only (sentences and their time expressions), by
the timeline-summarization method of ``views.tls``: dates ranked by how the
coverage refers to them, per-date sentences chosen for centrality and
coverage. Articles that repeat another (duplicates, syndicated copies) are
candidates flagged ``repeat``: they count as coverage when dates are ranked and
wording is shared, and the builder never shows them (T17 on the product path,
leaving them out -> flagging them: AR-1 .1306 -> .1334, see docs/benchmarks.md).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from ..models import TimelineEvent
from .corpus import Corpus
from .tls import CandidateSentence, DateRef, build_timeline
from .tls.mentions import timex_to_ref


def candidates(corpus: Corpus, entity_ids: set[str] | None = None) -> list[CandidateSentence]:
    """Candidate sentences of every dated article; those of an article that repeats
    another are flagged ``repeat`` (evidence for ranking, never an entry)."""
    out: list[CandidateSentence] = []
    for article_id, ann in corpus.annotations.items():
        article = corpus.articles[article_id]
        if article.published is None:
            continue
        repeat = corpus.is_repeat(article_id)
        refs: dict[int, list[DateRef]] = {}
        # Sentences come in text order: find each timex's by bisection (a linear
        # scan per timex took seconds on a 5,000-article pile).
        starts = [s.start for s in ann.sentences]
        for timex in ann.timexes:
            i = bisect.bisect_right(starts, timex.start) - 1
            if i < 0 or timex.start >= ann.sentences[i].end:
                continue
            ref = timex_to_ref(timex, article.text)
            if ref is not None:
                refs.setdefault(ann.sentences[i].index, []).append(ref)
        for sentence in ann.sentences:
            if entity_ids is not None and not (
                corpus.sentence_entities(article_id, sentence.index) & entity_ids
            ):
                continue
            out.append(
                CandidateSentence(
                    article=article_id,
                    outlet=article.outlet,
                    published=article.published,
                    text=sentence.text.strip(),
                    index=sentence.index,
                    dates=tuple(refs.get(sentence.index, ())),
                    url=article.url,
                    repeat=repeat,
                )
            )
    return out


def summarized_timeline(
    corpus: Corpus,
    *,
    n_dates: int | None,
    sents_per_date: int | None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    entity_ids: set[str] | None = None,
    entity_names: tuple[str, ...] = (),
    query: str | None = None,
) -> list[TimelineEvent]:
    terms = tuple(re.findall(r"\w+", query or "")) + entity_names
    return build_timeline(
        candidates(corpus, entity_ids),
        n_dates=n_dates,
        sents_per_date=sents_per_date,
        query=terms,
        start=start,
        end=end,
    )
