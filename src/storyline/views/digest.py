"""The digest: the timeline a reader sees first, the dates that matter, a few sentences each.

It is the summarized timeline (``views.summary``, the method ``eval tls``
measures) held to what the pile can attest as having happened:

* no date after the last publication day in the pile: nothing published here
  can report it as done, so it is a forecast, a schedule or a hypothetical
  ("by 2050"); the same for a date after the article that names it ("schools
  are closed until May 6" in an April article does not date a happening on
  May 6), so such references are dropped from the digest's input;
* no date long before the first publication day: what the pile recalls from
  long ago ("Eton College was founded in 1440", "the 1918 pandemic") is
  background, not this story's news. The digest looks back ``LOOKBACK`` before
  the first article (a pile that starts the morning after an event, or a week
  into it, still shows the event).

``--from`` / ``--to`` widen or narrow the window as asked, and the full record
(``timeline --all``) keeps every dated happening, background included.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from ..models import TimelineEvent
from .corpus import Corpus
from .summary import candidates
from .tls import CandidateSentence, build_timeline
from .tls.dates import choose_n_dates, rank_dates
from .tls.relevance import DocumentFrequencies
from .tls.timeline import frequencies_of

# How far before the first article the digest looks: a month covers "last
# month's vote" and a pile gathered a few weeks into a story.
LOOKBACK = dt.timedelta(days=31)
# Left to the material, the number of dates is those with strong evidence
# (``choose_n_dates``); a small pile has few such days, and a digest of one date
# tells no story, so it shows at least this many (or every date it has).
MIN_DATES = 5


def publication_range(corpus: Corpus) -> tuple[dt.date | None, dt.date | None]:
    """The first and last publication days of the pile (None when nothing is dated)."""
    days = [a.published for a in corpus.articles.values() if a.published is not None]
    return (min(days), max(days)) if days else (None, None)


def digest_window(
    corpus: Corpus, start: dt.date | None = None, end: dt.date | None = None
) -> tuple[dt.date | None, dt.date | None]:
    """The dates the digest may show: as asked, else the pile's publication span
    reaching back ``LOOKBACK`` before its first article."""
    first, last = publication_range(corpus)
    if start is None and first is not None:
        start = first - LOOKBACK if first - dt.date.min > LOOKBACK else dt.date.min
    if end is None:
        end = last
    return start, end


def without_forecasts(sentence: CandidateSentence) -> CandidateSentence:
    """The sentence with only the dates it can report as past or present: none
    starting after the day it was published."""
    kept = tuple(ref for ref in sentence.dates if ref.start <= sentence.published)
    return sentence if len(kept) == len(sentence.dates) else replace(sentence, dates=kept)


@dataclass(frozen=True)
class DigestInput:
    """What every digest of one pile (any window) starts from: its candidate
    sentences, forecasts left out, their document frequencies, and the words the
    pile is about (``Corpus.story_words``). Built once per store state
    (``catalog.timeline`` keeps it in the story's cache), it makes a week of a big
    pile cost the week, not the pile."""

    sentences: list[CandidateSentence]
    frequencies: DocumentFrequencies
    keywords: tuple[str, ...]


def digest_input(corpus: Corpus, entity_ids: set[str] | None = None) -> DigestInput:
    sentences = [without_forecasts(s) for s in candidates(corpus, entity_ids)]
    return DigestInput(sentences, frequencies_of(sentences), corpus.story_words)


def digest_events(
    corpus: Corpus,
    *,
    n_dates: int | None = None,
    sents_per_date: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    entity_ids: set[str] | None = None,
    entity_names: tuple[str, ...] = (),
    query: str | None = None,
    prepared: DigestInput | None = None,
) -> list[TimelineEvent]:
    """The digest; ``n_dates`` None lets the material choose how many dates.
    ``prepared``: ``digest_input(corpus, entity_ids)``, when already built.

    Sentences holding a word of the ``query`` or an entity's name are preferred;
    with neither, a word the pile is about (``DigestInput.keywords``): the story
    itself is the query (T17 with no query: AR-1 .1323 -> .1367, AR-2 .0419 -> .0445;
    .1338 / .0422 with the number of words chosen leave-one-topic-out;
    ``bench/tls_keywords.py``)."""
    lo, hi = digest_window(corpus, start, end)
    terms = tuple(re.findall(r"\w+", query or "")) + entity_names
    prepared = prepared or digest_input(corpus, entity_ids)
    terms = terms or prepared.keywords
    sentences = prepared.sentences
    if n_dates is None and sentences:
        ranked = rank_dates(sentences, lo or dt.date.min, hi or dt.date.max)
        n_dates = max(choose_n_dates(ranked), min(MIN_DATES, len(ranked)))
    return build_timeline(
        sentences,
        n_dates=n_dates,
        sents_per_date=sents_per_date,
        query=terms,
        start=lo,
        end=hi,
        frequencies=prepared.frequencies,
    )
