"""Date ranking: which days a story's coverage treats as the events.

Unsupervised. Each day in the window collects evidence from how the coverage
behaves around it:

* explicit references: every article that names the day in a sentence counts
  once, weighted by when it was written relative to the day. An article
  published *after* the day that still names it is the strongest signal (the
  event is worth recalling); an article naming its own publication day
  ("today", "on Tuesday" in a Tuesday report) counts less; naming a day still
  ahead (an announcement) counts least;
* publication bursts: articles published on the day, and the day after (the
  next-morning report of an evening event), each add a small amount, less
  than an explicit reference.

Counting distinct articles rather than sentences keeps one long piece that
repeats a date from dominating; syndicated copies still count, as they show
how widely an event was carried.

Days are then ranked by the log of that score less a little of the log of
their later references, both z-scored over the window's candidate days
(``later_damping``): a day early in the coverage has had more time to be
recalled, so raw later references over-rank it (with the plain score, the last
tenth of the T17 windows held 59 missed gold dates against 33 found). The
weight was found by coordinate ascent on top-l date F1 over the log score and
the logs of the five counts; leave-one-topic-out, all nine folds picked
-0.3 on later references and nothing else (date F1 0.5855 vs 0.5756). A
logistic regression over some fifty day features (outlets, lags, lead, year
and keyword references, publication around the day, position) did worse
leave-one-topic-out (0.50-0.56), as did a pairwise one (0.53-0.57).
Re-ranking the best 1.5 x l days by how strong their best sentence is
(z-scored, added to the rank) moved AR-1 by +0.001 and date F1 by -0.003:
noise.

Tried on T17 (all 19 timelines) and left out because they did not raise date
F1 or lowered it: temporal diversity of the chosen dates (greedy re-ranking
that damps days near an already chosen one, soft or hard, radius a fraction of
window length / number of dates: -0.012 to -0.096 date F1; gold timelines
cluster on busy stretches too); dividing the score by the local publication
volume (bursts relative to the surrounding weeks); splitting later references
by lag (next day / within a week / later, or beyond window / dates) and extra
weight for references written with their year, from lead sentences or from
sentences with a query keyword; tie-breaks by sentence or publication counts;
leaving out articles that never name a query keyword. A prior for chronology
entries ("June 1 - ...") of later articles raised the macro scores, but only
through one timeline whose reference text is itself in the collection
(a copied chronology), so it measures leakage, not date finding.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .records import CandidateSentence, period_key, previous_period
from .relevance import is_furniture


@dataclass(frozen=True)
class DateParams:
    """Weights of the date score: a handful of global values set during development on
    T17 (coarse grid, all topics); ``bench/tls.py --loto`` re-picks the most
    sensitive ones without the held-out topic to show what that costs."""

    later_ref: float = 1.0  # an article published after the day names it
    same_day_ref: float = 0.25  # an article names its own publication day
    future_ref: float = 0.2  # an article names a day still ahead
    published: float = 0.15  # an article published on the day
    published_next: float = 0.3  # an article published the day after
    later_damping: float = 0.3  # ranking: z(log score) - this x z(log later references)


@dataclass
class DayEvidence:
    later_refs: int = 0
    same_day_refs: int = 0
    future_refs: int = 0
    published: int = 0
    published_next: int = 0

    def score(self, p: DateParams) -> float:
        return (
            p.later_ref * self.later_refs
            + p.same_day_ref * self.same_day_refs
            + p.future_ref * self.future_refs
            + p.published * self.published
            + p.published_next * self.published_next
        )


def day_evidence(
    sentences: Sequence[CandidateSentence],
    start: dt.date,
    end: dt.date,
    granularity: str = "day",
) -> dict[dt.date, DayEvidence]:
    """Evidence for every day (or month, keyed by its first day) in [start, end];
    periods without any are left out."""
    start, end = period_key(start, granularity), period_key(end, granularity)
    ev: dict[dt.date, DayEvidence] = defaultdict(DayEvidence)
    seen: set[tuple[str, dt.date]] = set()
    pub_articles: dict[dt.date, set[str]] = defaultdict(set)
    for s in sentences:
        pub = period_key(s.published, granularity)
        pub_articles[pub].add(s.article)
        if not s.dates:
            continue
        in_window = [d for d in s.refs(granularity) if start <= d <= end]
        if not in_window or is_furniture(s.text):  # the regex last: it is the costly test
            continue
        for d in in_window:
            if (s.article, d) in seen:
                continue
            seen.add((s.article, d))
            lag = (pub - d).days
            e = ev[d]
            if lag > 0:
                e.later_refs += 1
            elif lag == 0:
                e.same_day_refs += 1
            else:
                e.future_refs += 1
    for pub, arts in pub_articles.items():
        if start <= pub <= end:
            ev[pub].published += len(arts)
        before = previous_period(pub, granularity)
        if start <= before <= end:
            ev[before].published_next += len(arts)
    return dict(ev)


def rank_dates(
    sentences: Sequence[CandidateSentence],
    start: dt.date,
    end: dt.date,
    params: DateParams | None = None,
    granularity: str = "day",
) -> list[tuple[dt.date, float]]:
    """Days (or months) in [start, end] with positive score, best first (earlier on
    ties), each with its evidence score (the ranking damps later references, see
    the module docstring, so the scores need not come in decreasing order)."""
    p = params or DateParams()
    evidence = day_evidence(sentences, start, end, granularity)
    days = sorted(d for d, e in evidence.items() if e.score(p) > 0)
    scores = np.array([evidence[d].score(p) for d in days])
    later = np.array([evidence[d].later_refs for d in days], dtype=float)
    key = _zscores(np.log1p(scores)) - p.later_damping * _zscores(np.log1p(later))
    order = sorted(range(len(days)), key=lambda i: (-key[i], days[i]))
    return [(days[i], float(scores[i])) for i in order]


def _zscores(values: np.ndarray) -> np.ndarray:
    if values.size == 0:
        return values
    spread = values.std()
    return (values - values.mean()) / (spread if spread > 0 else 1.0)


def choose_n_dates(ranked: Sequence[tuple[dt.date, float]], max_dates: int = 40) -> int:
    """How many dates to show when the caller does not say: those whose evidence
    amounts to at least two later articles naming them, or a quarter of the best
    day's, whichever is higher; at least one when there is any. ``ranked`` may come in
    any order."""
    if not ranked:
        return 0
    floor = max(2.0, max(s for _, s in ranked) / 4)
    n = sum(1 for _, s in ranked if s >= floor)
    return max(1, min(n, max_dates))
