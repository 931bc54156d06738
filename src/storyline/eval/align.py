"""Alignment-based timeline ROUGE (tilse's "align+ m:1") and date F1.

Martschat & Markert (2017), as implemented in tilse
(``TimelineRougeEvaluator.evaluate_align_date_content_costs_many_to_one``) and
used by news-tls (Ghalandari & Ifrim 2020):

* the cost of pairing a system date ``s`` with a reference date ``r`` is
  ``(1 - 1 / (|s - r| + 1)) * (1 - rouge_approx(summary_s, summary_r))``, where
  ``rouge_approx`` is tilse's unigram F1 over raw whitespace tokens (no
  stemming, no stop list; tokens that are substrings of ``string.punctuation``
  dropped, case kept);
* precision: every system date is aligned to the reference date of least cost
  (first one on ties, numpy ``argmin``), so several system dates may share one
  reference date; recall: every reference date is aligned the same way to a
  system date;
* the clipped ROUGE-N hits of an aligned pair are weighted by
  ``1 / (|s - r| + 1)``; precision = weighted hits / all system n-grams, recall
  = weighted hits / all reference n-grams (micro over the dates of a timeline).

Date F1 (news-tls ``evaluate_dates``) is the exact-day overlap of the two date sets.
"""

from __future__ import annotations

import datetime as dt
import string
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from storyline.eval.rouge import RougeScorer

Timeline = Mapping[dt.date, Sequence[str]]  # date -> its summary sentences


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        return f_score(self.precision, self.recall)


def f_score(precision: float, recall: float) -> float:
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def _approx_counts(sentences: Sequence[str]) -> Counter[str]:
    # tilse: ``k not in string.punctuation`` is a substring test, kept as is.
    return Counter(k for sent in sentences for k in sent.split() if k not in string.punctuation)


def rouge_approximation(pred: Sequence[str], refs: Sequence[Sequence[str]]) -> float:
    """tilse ``util.compute_rouge_approximation``: rough ROUGE-1 F1 used only for alignment."""
    return _approx_f1(_approx_counts(pred), [_approx_counts(r) for r in refs])


def _approx_f1(pred_counts: Counter[str], ref_counts: Sequence[Counter[str]]) -> float:
    match = sum(sum((pred_counts & rc).values()) for rc in ref_counts)
    prec_denom = len(ref_counts) * sum(pred_counts.values())
    precision = match / prec_denom if prec_denom else 0.0
    recall_denom = sum(sum(rc.values()) for rc in ref_counts)
    recall = match / recall_denom if recall_denom else 0.0
    return f_score(precision, recall)


def date_content_costs(
    pred_dates: Sequence[dt.date],
    ref_dates: Sequence[dt.date],
    pred: Timeline,
    ref: Timeline,
    axis: int,
) -> np.ndarray:
    """Cost matrix: rows are system dates (axis 0) or reference dates (axis 1)."""
    pred_counts = {d: _approx_counts(pred[d]) for d in pred_dates}
    ref_counts = {d: _approx_counts(ref[d]) for d in ref_dates}
    rows, cols = (pred_dates, ref_dates) if axis == 0 else (ref_dates, pred_dates)
    costs = np.zeros((len(rows), len(cols)))
    for i, a in enumerate(rows):
        for j, b in enumerate(cols):
            p_date, r_date = (a, b) if axis == 0 else (b, a)
            date_factor = 1 - 1 / (abs(a.toordinal() - b.toordinal()) + 1)
            if date_factor == 0:
                continue  # same day: cost 0 whatever the content (tilse multiplies)
            content_factor = 1 - _approx_f1(pred_counts[p_date], [ref_counts[r_date]])
            costs[i, j] = date_factor * content_factor
    return costs


def assign_to_min_cost(costs: np.ndarray) -> list[tuple[int, int]]:
    """Many-to-one: each row goes to its cheapest column (first on ties)."""
    if costs.shape[1] == 0:
        return []
    return [(i, int(row.argmin())) for i, row in enumerate(costs)]


def align_rouge(
    pred: Timeline,
    ref: Timeline,
    scorer: RougeScorer,
    ns: Sequence[int] = (1, 2),
) -> dict[int, PRF]:
    """align+ m:1 ROUGE-N precision/recall of ``pred`` against one reference timeline."""
    pred_dates = sorted(pred)
    ref_dates = sorted(ref)
    pred_tok = {d: scorer.tokens(pred[d]) for d in pred_dates}
    ref_tok = {d: scorer.tokens(ref[d]) for d in ref_dates}
    prec_pairs = assign_to_min_cost(date_content_costs(pred_dates, ref_dates, pred, ref, 0))
    rec_pairs = assign_to_min_cost(date_content_costs(pred_dates, ref_dates, pred, ref, 1))
    out: dict[int, PRF] = {}
    for n in ns:
        p_num = p_den = r_num = r_den = 0.0
        matched_pred = {i for i, _ in prec_pairs}
        for i, j in prec_pairs:
            p, r = pred_dates[i], ref_dates[j]
            c = scorer.counts_from_tokens(pred_tok[p], ref_tok[r], n)
            p_num += c.hit / (abs(p.toordinal() - r.toordinal()) + 1)
            p_den += c.peer
        for i, p in enumerate(pred_dates):  # only when there is no reference date at all
            if i not in matched_pred:
                p_den += scorer.counts_from_tokens(pred_tok[p], [], n).peer
        matched_ref = {i for i, _ in rec_pairs}
        for i, j in rec_pairs:
            r, p = ref_dates[i], pred_dates[j]
            c = scorer.counts_from_tokens(pred_tok[p], ref_tok[r], n)
            r_num += c.hit / (abs(p.toordinal() - r.toordinal()) + 1)
            r_den += c.model
        for i, r in enumerate(ref_dates):  # only when the system gave no date
            if i not in matched_ref:
                r_den += scorer.counts_from_tokens([], ref_tok[r], n).model
        out[n] = PRF(p_num / p_den if p_den else 0.0, r_num / r_den if r_den else 0.0)
    return out


def date_prf(pred_dates: Sequence[dt.date], ref_dates: Sequence[dt.date]) -> PRF:
    """news-tls ``evaluate_dates``: exact-day overlap of the two date sets."""
    p, r = set(pred_dates), set(ref_dates)
    shared = len(p & r)
    return PRF(shared / len(p) if p else 0.0, shared / len(r) if r else 0.0)
