"""The summarized story timeline: the dates that matter, a few sentences each.

Built from stored annotations only (sentences and their time expressions), by
the timeline-summarization method of ``views.tls``: dates ranked by how the
coverage refers to them, per-date sentences chosen for centrality and
coverage, syndicated repeats skipped.
"""

from __future__ import annotations

import datetime as dt
import re

from ..models import TimelineEvent
from .corpus import Corpus
from .tls import CandidateSentence, DateRef, build_timeline
from .tls.mentions import timex_to_ref


def candidates(corpus: Corpus, entity_ids: set[str] | None = None) -> list[CandidateSentence]:
    """Dated candidate sentences of every original (non-repeat) dated article."""
    out: list[CandidateSentence] = []
    for article_id, ann in corpus.annotations.items():
        article = corpus.articles[article_id]
        if article.published is None or corpus.is_repeat(article_id):
            continue
        refs: dict[int, list[DateRef]] = {}
        bounds = [(s.start, s.end) for s in ann.sentences]
        for timex in ann.timexes:
            ref = timex_to_ref(timex, article.text)
            if ref is None:
                continue
            for i, (lo, hi) in enumerate(bounds):
                if lo <= timex.start < hi:
                    refs.setdefault(i, []).append(ref)
                    break
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
