"""The changes view scored against the sample corpus's gold (src/storyline/sample/gold.json).

``stance``: Kestria's CLRIS position, "no plans" -> "under review" -> "authorized", read
as against -> undecided -> for. ``facts``: the planted disagreements (320 km vs 450 km
for CLRIS's range, 400 vs about 120 interceptors a year) must be disagreements of a
series; the consistent pairs (320 km vs "nearly 200 miles") must overlap within their
hedges. Rates are pinned in tests/floors.json (``changes_sample.*``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from storyline.store import Store
from storyline.views.changes import changes_view
from storyline.views.corpus import Corpus

sys.path.insert(0, str(Path(__file__).parent))
from floors_data import floors  # noqa: E402
from gold_scoring import Score as Rate  # noqa: E402  (hits, total, misses)
from gold_scoring import _by_file  # noqa: E402

GOLD = Path(__file__).resolve().parents[1] / "src" / "storyline" / "sample" / "gold.json"
# The gold's words for the stance, as the changes view names it.
AS_VIEW = {"no plans": "against", "under review": "undecided", "authorized": "for"}
ORDER = {"against": 0, "undecided": 1, "for": 2}
FLOORS = floors("changes_sample")


def score(corpus: Corpus, payload: Any, gold: dict[str, Any]) -> dict[str, Rate]:
    files = _by_file(corpus)
    ids = {name: a.id for name, a in files.items()}
    # A copy is shown once, as its original: the view skips repeated copies.
    original = {
        ids[c["file"]]: ids[c["copy_of"]] for c in gold["copies"] if c["kind"] == "syndicated"
    }
    steps = [
        (s["stance"], ev["article"], ev["sentence"])
        for p in payload["positions"]
        for s in p["steps"]
        for ev in s["evidence"]
    ]
    rates = {
        name: Rate() for name in ("stance found", "stance right", "disagreements", "consistent")
    }
    for item in gold["stance"]:
        article = ids[item["file"]]
        article = original.get(article, article)
        said = [st for st, a, text in steps if a == article and item["text_contains"] in text]
        rates["stance found"].add(bool(said), f"{item['file']}: {item['text_contains']}")
        if said:
            ok = all(st == AS_VIEW[item["stance"]] for st in said)
            rates["stance right"].add(ok, f"{item['file']}: {said} != {item['stance']}")

    def points_of(ref: dict[str, str]) -> list[tuple[int, int]]:
        article = ids[ref["file"]]
        return [
            (n, i)
            for n, f in enumerate(payload["figures"])
            for i, p in enumerate(f["series"])
            if p["article"] == article and p.get("text") == ref["text"]
        ]

    for left, right in gold["facts"]["disagreements"]:
        found = any(
            n == m and i in d["points"] and j in d["points"]
            for n, i in points_of(left)
            for m, j in points_of(right)
            for d in payload["figures"][n]["disagreements"]
        )
        rates["disagreements"].add(found, f"{left['text']} / {right['text']}")
    for left, right in gold["facts"]["consistent"]:
        pairs = [(n, i, j) for n, i in points_of(left) for m, j in points_of(right) if n == m]
        if not pairs:
            continue  # not one series (money in a deal, not a property): nothing to compare
        series = [payload["figures"][n]["series"] for n, _i, _j in pairs]
        overlap = all(
            s[i]["low"] <= s[j]["high"] and s[j]["low"] <= s[i]["high"]
            for s, (_n, i, j) in zip(series, pairs, strict=True)
        )
        rates["consistent"].add(overlap, f"{left['text']} / {right['text']}")
    return rates


@pytest.fixture(scope="module")
def corpus(sample_db: Path) -> Corpus:
    return Corpus.from_store(Store(sample_db, read_only=True))


@pytest.fixture(scope="module")
def rates(corpus: Corpus) -> dict[str, Rate]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    return score(corpus, changes_view(corpus), gold)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_changes_view_meets_its_floor_on_the_sample_gold(rates: dict[str, Rate], name: str) -> None:
    rate = rates[name]
    assert rate.total > 0, name
    assert rate.rate >= FLOORS[name], f"{name}: {rate.hits}/{rate.total}; misses: {rate.misses}"


def test_every_rate_is_gated(rates: dict[str, Rate]) -> None:
    assert set(rates) == set(FLOORS)


def test_the_clris_position_moves_forward_only(corpus: Corpus) -> None:
    """One position by default (the only one stated on two dates): Kestria's, whose
    steps go against -> undecided -> for in date order and never back."""
    [position] = changes_view(corpus)["positions"]
    assert position["actor"] == "Kestria" and position.get("changed")
    stances = [s["stance"] for s in position["steps"]]
    assert [ORDER[s] for s in stances] == sorted(ORDER[s] for s in stances)
    assert set(stances) == {"against", "undecided", "for"}
    starts = [s.get("start", "") for s in position["steps"]]
    assert starts == sorted(starts)


def test_range_disagreement_is_across_dates_not_a_change(corpus: Corpus) -> None:
    figures = {f["about"]: f for f in changes_view(corpus)["figures"]}
    clris = figures["range of Coastal Long-Range Interceptor System"]
    assert clris["changes"] == []
    [clash] = clris["disagreements"]
    assert clash["same_date"] is False
    assert {"Meridian Daily", "Northgate Wire"} <= set(clash["outlets"])
