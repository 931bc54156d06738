"""Per-date sentence selection.

For a day ``d`` the candidates are, first, sentences that name ``d``
explicitly and, second, the lead sentences of articles published on ``d``
(or the day after) that name no other day. A day named only as a possessor
("after Tuesday's rally", "doors open at six for Saturday's show"; not "said
at Tuesday's news conference") does not make a sentence a candidate for it:
the sentence reports something else (AR-1 on T17 .1342 -> .1354, date F1
unchanged: the day still counts as referred to when dates are ranked).
Candidates are scored by centrality: cosine similarity to the day's vector,
which, as in DATEWISE (Ghalandari & Ifrim 2020), keeps only the terms that
both kinds of evidence use (what the reports of that day and the later references to it share:
the event), plus similarity to the query terms, and raised for wording that
other articles of the day share (bigram support). A sentence that is page
furniture, too long, lacks every query keyword, or reads as speech or a fragment
is scored down. Sentences are then picked greedily with an MMR-style
redundancy penalty; near-duplicates (syndicated copies) of a chosen sentence
are never picked, nor a sentence already used for another day, nor a stamp
(fewer than two content words besides its date and clock words: "LIBYA , 11:22
p.m. ET , 6:22 a.m."), whose words still count in the day's vector.

Tried on T17 and left out because they did not help (see the report that came
with this module): a position prior, a bonus for later (retrospective)
mentions, LexRank degree centrality, a day-level IDF on the centroid,
bigram-concept coverage, carrying a date over to the following sentences; a
length prior towards the 20-25 words of reference entries (smooth or a lower
``soft_max_words``), scoring down announcements written before the day or
mentions written long after it (or up: both within noise or worse), a bonus for
chronology entries (see ``dates``), cutting wire datelines, publication
stamps and photo credits off the sentences (AR-1 +0.001, date F1 -0.001,
leave-one-topic-out AR-1 -0.003; its patterns were those of T17's tokenized
wire copy, so it was removed). A learned sentence score (ridge regression over
the pieces of this score, fitted leave-one-topic-out) ranked sentences better
at gold dates but lowered AR-1 whatever its target: ROUGE-1 F1 (long sentences
win), ROUGE-1 precision, or matched unigrams less a price per unigram. Leaving
out a day's weaker second sentences raised precision less than it cost recall.
Measured again once the timeline's entries (``views.entry``) were scored, and
left out: a bonus for mentions written two or more days after the day, a
redundancy penalty against the sentences chosen for other days, greedy
coverage of the day vector (CentroidOpt), judging quality on the entry rather
than on the sentence. Keeping out of a day's pool, besides possessors, the
sentences that name the day after since, until, before, after or by ("oil has
gushed since April 20"): .1349 (since alone .1359, but picked from the five
after measuring each, so not kept; from: .1342); doing it also for the date
ranking: .1316 (a "since" points at the day that started it all).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from storyline.text.datelines import TIME_ZONE

from ..entry import entry_text
from .dedup import near_duplicate, token_set
from .records import CandidateSentence, period_key, previous_period
from .relevance import content_words, is_furniture, keyword_match


@dataclass(frozen=True)
class SummaryParams:
    """Global knobs of sentence selection: set during development on T17 (coarse grid,
    all topics); ``bench/tls.py --loto`` re-picks the most sensitive ones without
    the held-out topic to show what that costs."""

    lead_sentences: int = 5  # how many leading sentences of a day's articles are candidates
    published_days: int = 1  # articles published up to this many days after d give lead candidates
    published_weight: float = 0.5  # weight of lead candidates in the centroid and their score
    min_words: int = 6  # shorter sentences are never chosen
    max_words: int = 80  # longer ones neither
    soft_max_words: int = 40  # longer than this: only when nothing better is there
    query_weight: float = 0.1
    redundancy: float = 0.6  # MMR penalty on similarity to already chosen sentences
    duplicate_jaccard: float = 0.6
    keyword_filter: bool = True  # prefer sentences containing a query keyword (DATEWISE)
    fallback_factor: float = 0.3  # score factor of a sentence that misses a preference
    style_factor: float = 0.6  # score factor for a sentence that reads as speech or fragment
    support_weight: float = 1.5  # bonus for wording many other articles share (see _support)
    centroid: str = "shared"  # shared (terms both pools use) | all (weighted mean of candidates)


@dataclass
class Pools:
    """Candidate sentence indices per day: named explicitly, or published then."""

    mentions: dict[dt.date, list[int]]
    published: dict[dt.date, list[int]]


def build_pools(
    sentences: Sequence[CandidateSentence],
    params: SummaryParams,
    quality: Sequence[float],
    granularity: str = "day",
) -> Pools:
    mentions: dict[dt.date, list[int]] = {}
    published: dict[dt.date, list[int]] = {}
    back_periods = params.published_days if granularity == "day" else 0
    for i, s in enumerate(sentences):
        if quality[i] <= 0:
            continue
        # A day the sentence only names as a possessor ("after Tuesday's rally")
        # is not what it reports: not its pool (it still counts as referred to
        # when dates are ranked).
        days = s.event_refs(granularity)
        for d in days:
            mentions.setdefault(d, []).append(i)
        pub = period_key(s.published, granularity)
        if s.index < params.lead_sentences and (not days or days == (pub,)):
            for _ in range(back_periods + 1):
                published.setdefault(pub, []).append(i)
                pub = previous_period(pub, granularity)
    return Pools(mentions, published)


def sentence_quality(s: CandidateSentence, params: SummaryParams, keywords: Sequence[str]) -> float:
    """1 for a preferred summary sentence, ``fallback_factor`` (per missed
    preference) for one that is too long or lacks every query keyword, 0 for
    one never to use (too short or long, page furniture)."""
    n = len(s.text.split())
    if n < params.min_words or n > params.max_words or is_furniture(s.text):
        return 0.0
    q = 1.0
    if n > params.soft_max_words:
        q *= params.fallback_factor
    if params.keyword_filter and not keyword_match(s.text, keywords):
        q *= params.fallback_factor
    if not reads_as_report(s.text):
        q *= params.style_factor
    return q


# Clock words a stamp holds besides its date expressions ("11:22 p.m. ET", "Updated").
_CLOCK_WORD = re.compile(rf"(?:[ap]\.?m\.?|AM|PM|{TIME_ZONE}|local|[Uu]pdated|[Pp]osted)")


def says_more_than_when(s: CandidateSentence) -> bool:
    """False for a stamp: a sentence with fewer than two content words besides its
    date expressions and clock words ("LIBYA , 11:22 p.m. ET , 6:22 a.m.", "March 21 ,
    2011 at 5:35 pm", "Sun Apr 26 , 2009 10:12 pm BST -LRB- Reuters -RRB- -"). It
    says when something was written, not what happened."""
    text = s.text
    for ref in s.dates:
        if ref.text:
            text = text.replace(ref.text, " ")
    words = (w for _, w in content_words(text) if not _CLOCK_WORD.fullmatch(w))
    return next(words, None) is not None and next(words, None) is not None


_DANGLING_START = frozenset(
    "but and or so yet he she it they this that these those his her its their there"
    " however meanwhile also".split()
)
_FIRST_SECOND_PERSON = re.compile(r"\b(?:I|we|We|you|You|our|Our|my|My|your|Your|us)\b")


def reads_as_report(text: str) -> bool:
    """True for a self-contained reported statement, the kind a timeline entry is.

    Questions, first/second-person speech and sentences that lean on the previous
    one (opening with a pronoun or connective) read poorly out of context. A quoted
    statement with its speaker in the sentence is a report: quotation marks alone
    count for nothing (left out of the penalty, the choice of eight of nine
    leave-one-topic-out folds on T17; see docs/benchmarks.md).
    """
    first = text.split(maxsplit=1)[0].lower() if text.strip() else ""
    if first in _DANGLING_START or "?" in text:
        return False
    return not _FIRST_SECOND_PERSON.search(text)


def _centroid(x: sparse.csr_matrix, weights: np.ndarray, n_mentions: int, kind: str) -> np.ndarray:
    if kind == "all" or n_mentions == 0 or n_mentions == x.shape[0]:
        return np.asarray(x.T @ weights).ravel()
    ment = np.asarray(x[:n_mentions].sum(axis=0)).ravel() / n_mentions
    pub = np.asarray(x[n_mentions:].sum(axis=0)).ravel() / (x.shape[0] - n_mentions)
    # DATEWISE's date vector: only terms both kinds of evidence use (all terms
    # when they share none).
    shared = np.where((ment > 0) & (pub > 0), ment + pub, 0.0)
    return shared if shared.any() else ment + pub


def _support(
    ids: Sequence[int], sentences: Sequence[CandidateSentence], tokens: Sequence[Sequence[str]]
) -> np.ndarray:
    """How much of a sentence's wording other articles of the pool share: for each
    of its content bigrams, the number of other articles using it, summed and
    divided by the sentence's length; scaled to [0, 1] over the pool. Phrases
    that several independent reports use are the facts of the day."""
    articles: dict[tuple[str, str], set[str]] = {}
    grams = []
    for i in ids:
        toks = tokens[i]
        g = set(zip(toks, toks[1:], strict=False))
        grams.append(g)
        for b in g:
            articles.setdefault(b, set()).add(sentences[i].article)
    sup = np.array(
        [
            sum(len(articles[b]) - 1 for b in g) / max(1, len(tokens[i]))
            for g, i in zip(grams, ids, strict=True)
        ]
    )
    top = float(sup.max()) if len(sup) else 0.0
    return sup / top if top > 0 else sup


def select_for_day(
    day: dt.date,
    pools: Pools,
    sentences: Sequence[CandidateSentence],
    matrix: sparse.csr_matrix,
    query: np.ndarray | None,
    k: int,
    params: SummaryParams,
    used: set[frozenset[str]],
    quality: Sequence[float],
    tokens: Sequence[Sequence[str]],
) -> list[tuple[int, float]]:
    """Up to ``k`` (sentence index, score) pairs for ``day``, best first.

    ``tokens`` are the content tokens of ``sentences`` (same order)."""
    mention_ids = pools.mentions.get(day, [])
    mention_set = set(mention_ids)
    pub_ids = [i for i in pools.published.get(day, []) if i not in mention_set]
    ids = mention_ids + pub_ids
    if not ids:
        return []
    weights = np.array([1.0] * len(mention_ids) + [params.published_weight] * len(pub_ids))
    x = matrix[ids]
    centroid = _centroid(x, weights, len(mention_ids), params.centroid)
    norm = float(np.sqrt((centroid * centroid).sum()))  # no BLAS call: cheap, no threads
    if norm == 0:
        return []
    centroid /= norm
    score = np.asarray(x @ centroid).ravel()
    if query is not None:
        score = score + params.query_weight * np.asarray(x @ query).ravel()
    score = score * weights * np.array([quality[i] for i in ids])
    if params.support_weight:
        score = score * (1 + params.support_weight * _support(ids, sentences, tokens))
    # The similarity to a chosen sentence is computed when it is chosen (k rows), not
    # as the pool's full square: a busy day of a 10,000-article pile pools tens of
    # thousands of sentences, and their square took gigabytes.
    max_sim = np.zeros(len(ids))
    taken = np.zeros(len(ids), dtype=bool)
    chosen_sets: list[frozenset[str]] = []
    out: list[tuple[int, float]] = []
    while len(out) < k and not taken.all():
        val = np.where(taken, -np.inf, score - params.redundancy * max_sim)
        best = int(np.argmax(val))
        taken[best] = True
        if sentences[ids[best]].repeat:
            continue  # its original says the same; the copy only lent its support
        if not says_more_than_when(sentences[ids[best]]):
            continue  # a stamp: its words still describe the day, it is no entry
        if len(entry_text(sentences[ids[best]].text, ()).split()) < params.min_words:
            continue  # a page's credit, byline or dateline around a fragment ("BP (BP.")
        toks = token_set(sentences[ids[best]].text)
        if any(near_duplicate(toks, u, params.duplicate_jaccard) for u in used) or any(
            near_duplicate(toks, c, params.duplicate_jaccard) for c in chosen_sets
        ):
            continue
        chosen_sets.append(toks)
        max_sim = np.maximum(max_sim, (x @ x[best].T).toarray().ravel())
        out.append((ids[best], float(score[best])))
    return out
