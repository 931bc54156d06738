"""align+ m:1 timeline ROUGE and date F1 on tiny timelines worked out by hand.

Token streams after ROUGE preprocessing (stop words out, Porter stems):
  "Storm hits coast"     -> storm hit coast
  "Rescue teams arrive"  -> rescu team arriv
  "Flood waters rise"    -> flood water rise
  "Waters rise"          -> water rise
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from storyline.eval.align import (
    align_rouge,
    assign_to_min_cost,
    date_content_costs,
    date_prf,
    rouge_approximation,
)
from storyline.eval.rouge import RougeScorer

D = dt.date


@pytest.fixture(scope="module")
def scorer() -> RougeScorer:
    return RougeScorer()


def test_exact_and_shifted_date(scorer: RougeScorer) -> None:
    gold = {D(2020, 1, 1): ["Storm hits coast"], D(2020, 1, 5): ["Rescue teams arrive"]}
    pred = {D(2020, 1, 1): ["Storm hits coast"], D(2020, 1, 4): ["Rescue teams arrive"]}
    # Precision. Jan 1 -> gold Jan 1 (cost 0): 3 hits, weight 1.
    # Jan 4: cost to Jan 1 = (1 - 1/4) * (1 - 0) = 0.75 (no shared token);
    #        cost to Jan 5 = (1 - 1/2) * (1 - 1) = 0 (same words) -> Jan 5,
    #        3 hits weighted 1/(1+1) = 1.5.
    # AR-1 P = (3 + 1.5) / 6 = 0.75; recall aligns the same pairs: R = 4.5 / 6.
    # AR-2: 2 bigrams per date: P = R = (2 + 2 * 0.5) / 4 = 0.75.
    res = align_rouge(pred, gold, scorer)
    assert res[1].precision == pytest.approx(0.75)
    assert res[1].recall == pytest.approx(0.75)
    assert res[1].f1 == pytest.approx(0.75)
    assert res[2].precision == pytest.approx(0.75)
    assert res[2].recall == pytest.approx(0.75)


def test_many_to_one(scorer: RougeScorer) -> None:
    gold = {D(2020, 1, 10): ["Flood waters rise"]}
    pred = {D(2020, 1, 9): ["Flood waters rise"], D(2020, 1, 11): ["Waters rise"]}
    # Precision: both system dates may take the one gold date (m:1).
    #   Jan 9: 3 hits * 1/2 = 1.5; Jan 11: 2 hits * 1/2 = 1.0; peer n-grams 3 + 2.
    #   P = 2.5 / 5 = 0.5.
    # Recall: gold Jan 10 goes to the cheapest system date.
    #   cost(Jan 9) = (1 - 1/2) * (1 - F(3/3, 3/3)) = 0
    #   cost(Jan 11): the approximation compares raw tokens, case kept, so only
    #   "rise" matches ("Waters" != "waters"): F(1/2, 1/3) = 0.4,
    #   cost = (1 - 1/2) * (1 - 0.4) = 0.3 -> Jan 9.
    #   R = 3 * 1/2 / 3 = 0.5.
    res = align_rouge(pred, gold, scorer)
    assert res[1].precision == pytest.approx(0.5)
    assert res[1].recall == pytest.approx(0.5)
    pred_dates = sorted(pred)
    costs = date_content_costs(pred_dates, sorted(gold), pred, gold, axis=1)
    assert costs[0].tolist() == pytest.approx([0.0, 0.3])


def test_far_dates_count_little(scorer: RougeScorer) -> None:
    # Same words ten days off: weight 1/11.
    gold = {D(2020, 3, 1): ["Storm hits coast"]}
    pred = {D(2020, 3, 11): ["Storm hits coast"]}
    res = align_rouge(pred, gold, scorer)
    assert res[1].precision == pytest.approx(1 / 11)
    assert res[1].recall == pytest.approx(1 / 11)


def test_no_system_dates(scorer: RougeScorer) -> None:
    gold = {D(2020, 3, 1): ["Storm hits coast"]}
    res = align_rouge({}, gold, scorer)
    assert (res[1].precision, res[1].recall, res[1].f1) == (0.0, 0.0, 0.0)


def test_ties_go_to_the_first_column() -> None:
    costs = np.array([[0.5, 0.5, 0.7], [0.9, 0.2, 0.2]])
    assert assign_to_min_cost(costs) == [(0, 0), (1, 1)]


def test_rouge_approximation_matches_tilse_definition() -> None:
    # Raw tokens, case kept; tokens that are substrings of string.punctuation
    # ("." and ",") are dropped. pred: a b b ; ref: a b c
    # match = min(1,1) + min(2,1) = 2; P = 2/3, R = 2/3.
    assert rouge_approximation(["a b , b ."], [["a b c"]]) == pytest.approx(2 / 3)
    assert rouge_approximation(["A"], [["a"]]) == 0.0


def test_date_prf() -> None:
    pred = [D(2020, 1, 1), D(2020, 1, 2), D(2020, 1, 3), D(2020, 1, 4)]
    gold = [D(2020, 1, 2), D(2020, 1, 4)]
    res = date_prf(pred, gold)
    assert res.precision == pytest.approx(0.5)
    assert res.recall == pytest.approx(1.0)
    assert res.f1 == pytest.approx(2 / 3)
    assert date_prf([], gold).f1 == 0.0
