"""Per-date sentence selection.

For a day ``d`` the candidates are, first, sentences that name ``d``
explicitly and, second, the lead sentences of articles published on ``d``
(or the day after) that name no other day. Candidates are scored by
centrality: cosine similarity to the day's centroid (the mean TF-IDF vector of
all its candidates, so facts many sources repeat pull the centroid), plus
similarity to the query terms. Sentences are then picked greedily with an
MMR-style redundancy penalty; near-duplicates (syndicated copies) of a chosen
sentence are never picked, nor a sentence already used for another day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .dedup import near_duplicate, token_set
from .records import CandidateSentence
from .relevance import is_furniture, keyword_match


@dataclass(frozen=True)
class SummaryParams:
    """Global knobs of sentence selection (chosen on T17 by leave-one-topic-out, see bench)."""

    lead_sentences: int = 5  # how many leading sentences of a day's articles are candidates
    published_days: int = 1  # articles published up to this many days after d give lead candidates
    published_weight: float = 0.5  # weight of lead candidates in the centroid and their score
    context_sentences: int = 0  # sentences after one naming a single day count as about it
    min_words: int = 6  # shorter sentences are never chosen
    max_words: int = 80  # longer ones neither
    soft_max_words: int = 40  # longer than this: only when nothing better is there
    query_weight: float = 0.1
    redundancy: float = 0.6  # MMR penalty on similarity to already chosen sentences
    duplicate_jaccard: float = 0.6
    keyword_filter: bool = True  # prefer sentences containing a query keyword (DATEWISE)
    fallback_factor: float = 0.3  # score factor of a sentence that misses a preference
    style_factor: float = 0.6  # score factor for a sentence that reads as quote or fragment
    position_scale: float = 0.0  # score / (1 + index / scale): earlier sentences first (0 = off)
    multi_date_factor: float = 1.0  # score factor for a sentence naming several days
    modal_factor: float = 1.0  # score factor for a sentence about what will/may happen
    same_day_mention_weight: float = 1.0  # weight of a mention written on the day itself
    degree_weight: float = 0.0  # weight of LexRank-style degree centrality (0 = centroid only)
    degree_threshold: float = 0.2
    length_power: float = 0.0  # score * words ** power: > 0 favours longer sentences
    lag_weight: float = 0.0  # bonus per log(1 + days the sentence was written after the day)
    centroid: str = "shared"  # all | mentions | shared (terms in both mention and lead pools)


@dataclass
class Pools:
    """Candidate sentence indices per day: named explicitly, or published then."""

    mentions: dict[dt.date, list[int]]
    published: dict[dt.date, list[int]]


def build_pools(
    sentences: Sequence[CandidateSentence], params: SummaryParams, quality: Sequence[float]
) -> Pools:
    mentions: dict[dt.date, list[int]] = {}
    published: dict[dt.date, list[int]] = {}
    inherited: tuple[str, int, dt.date] | None = None  # article, index, day
    for i, s in enumerate(sentences):
        days = s.day_refs()
        context_day = None
        if (
            not days
            and inherited is not None
            and inherited[0] == s.article
            and 0 < s.index - inherited[1] <= params.context_sentences
        ):
            context_day = inherited[2]  # narration goes on about the day just named
        if len(days) == 1:
            inherited = (s.article, s.index, days[0])
        elif days:
            inherited = None
        if quality[i] <= 0:
            continue
        for d in days:
            mentions.setdefault(d, []).append(i)
        if context_day is not None:
            published.setdefault(context_day, []).append(i)
        if s.index < params.lead_sentences and (not days or days == (s.published,)):
            for back in range(params.published_days + 1):
                published.setdefault(s.published - dt.timedelta(days=back), []).append(i)
    return Pools(mentions, published)


def sentence_quality(s: CandidateSentence, params: SummaryParams, keywords: Sequence[str]) -> float:
    """1 for a preferred summary sentence, ``fallback_factor`` (per missed
    preference) for one that is too long or lacks every query keyword, 0 for
    one never to use."""
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
    if params.position_scale > 0:
        q /= 1 + s.index / params.position_scale
    if len(s.day_refs()) > 1:
        q *= params.multi_date_factor
    if _MODAL.search(s.text):
        q *= params.modal_factor
    return q


_MODAL = re.compile(r"\b(?:will|would|could|may|might|should|expected to|plans? to)\b", re.I)


_DANGLING_START = frozenset(
    "but and or so yet he she it they this that these those his her its their there"
    " however meanwhile also".split()
)
_FIRST_SECOND_PERSON = re.compile(r"\b(?:I|we|We|you|You|our|Our|my|My|your|Your|us)\b")


def reads_as_report(text: str) -> bool:
    """True for a self-contained reported statement, the kind a timeline entry is.

    Direct quotes, questions, first/second-person speech and sentences that lean
    on the previous one (opening with a pronoun or connective) read poorly out
    of context.
    """
    first = text.split(maxsplit=1)[0].lower() if text.strip() else ""
    if first in _DANGLING_START:
        return False
    if "``" in text or '"' in text or "?" in text:
        return False
    return not _FIRST_SECOND_PERSON.search(text)


def _centroid(x: sparse.csr_matrix, weights: np.ndarray, n_mentions: int, kind: str) -> np.ndarray:
    if kind == "all" or n_mentions == 0 or n_mentions == x.shape[0]:
        return np.asarray(x.T @ weights).ravel()
    ment = np.asarray(x[:n_mentions].sum(axis=0)).ravel() / n_mentions
    if kind == "mentions":
        return ment
    pub = np.asarray(x[n_mentions:].sum(axis=0)).ravel() / (x.shape[0] - n_mentions)
    # DATEWISE's date vector: only terms both kinds of evidence use (all terms
    # when they share none).
    shared = np.where((ment > 0) & (pub > 0), ment + pub, 0.0)
    return shared if shared.any() else ment + pub


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
) -> list[tuple[int, float]]:
    """Up to ``k`` (sentence index, score) pairs for ``day``, best first."""
    mention_ids = pools.mentions.get(day, [])
    mention_set = set(mention_ids)
    pub_ids = [i for i in pools.published.get(day, []) if i not in mention_set]
    ids = mention_ids + pub_ids
    if not ids:
        return []
    weights = np.array(
        [
            1.0 if sentences[i].published > day else params.same_day_mention_weight
            for i in mention_ids
        ]
        + [params.published_weight] * len(pub_ids)
    )
    x = matrix[ids]
    centroid = _centroid(x, weights, len(mention_ids), params.centroid)
    norm = float(np.sqrt((centroid * centroid).sum()))  # no BLAS call: cheap, no threads
    if norm == 0:
        return []
    centroid /= norm
    score = np.asarray(x @ centroid).ravel()
    if params.centroid == "both":
        alt = _centroid(x, weights, len(mention_ids), "all")
        alt /= max(float(np.sqrt((alt * alt).sum())), 1e-12)
        score = 0.5 * (score + np.asarray(x @ alt).ravel())
    if params.lag_weight:
        lags = np.array([max((sentences[i].published - day).days, 0) for i in ids], dtype=float)
        score = score + params.lag_weight * np.log1p(lags)
    if query is not None:
        score = score + params.query_weight * np.asarray(x @ query).ravel()
    sim = (x @ x.T).toarray()
    if params.degree_weight > 0 and len(ids) > 1:
        # How many other sentences (weighted) say much the same thing.
        links = (sim >= params.degree_threshold).astype(float) * weights[None, :]
        np.fill_diagonal(links, 0.0)
        degree = links.sum(axis=1)
        score = score + params.degree_weight * degree / max(1.0, float(degree.max()))
    score = score * weights * np.array([quality[i] for i in ids])
    if params.length_power:
        lengths = np.array([len(sentences[i].text.split()) for i in ids], dtype=float)
        score = score * lengths**params.length_power
    max_sim = np.zeros(len(ids))
    taken = np.zeros(len(ids), dtype=bool)
    chosen_sets: list[frozenset[str]] = []
    out: list[tuple[int, float]] = []
    while len(out) < k and not taken.all():
        val = np.where(taken, -np.inf, score - params.redundancy * max_sim)
        best = int(np.argmax(val))
        taken[best] = True
        toks = token_set(sentences[ids[best]].text)
        if any(near_duplicate(toks, u, params.duplicate_jaccard) for u in used) or any(
            near_duplicate(toks, c, params.duplicate_jaccard) for c in chosen_sets
        ):
            continue
        chosen_sets.append(toks)
        max_sim = np.maximum(max_sim, sim[best])
        out.append((ids[best], float(score[best])))
    return out
