"""What changed on the seed articles: the US position on long-range missiles for Ukraine
moves from against to for, and the ATACMS range (300 km, about 190 miles) agrees."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.views.story import Story

pytestmark = pytest.mark.model


def test_missile_position_moves_from_against_to_for(seeds_db: Path) -> None:
    with Story.open(str(seeds_db)) as story:
        for name in ("Biden administration", "United States"):
            positions = story.view("changes", entity=name)["positions"]
            assert positions, name
            steps = positions[0]["steps"]
            assert steps[0]["stance"] == "against" and steps[0]["date"] == "2023-05-10"
            assert steps[-1]["stance"] == "for" and steps[-1]["date"].startswith("2024-1")
            starts = [s["start"] for s in steps]
            assert starts == sorted(starts)
            first = steps[0]["evidence"][0]
            assert "no plans to" in first["sentence"] and first["outlet"]
            said = " ".join(e["sentence"] for s in steps for e in s["evidence"])
            for phrase in ("remains hesitant", "finalizing a plan to ease", "authorized Kyiv"):
                assert phrase in said, phrase
            hesitant = next(
                s for s in steps if any("remains hesitant" in e["sentence"] for e in s["evidence"])
            )
            assert hesitant["stance"] == "undecided"


def test_atacms_range_agrees_within_hedges(seeds_db: Path) -> None:
    with Story.open(str(seeds_db)) as story:
        figures = story.view("changes")["figures"]
    ranges = [
        f
        for f in figures
        if f["measure"] == "range" and ("ATACMS" in f["subject"] or "Tactical" in f["subject"])
    ]
    assert ranges
    [atacms] = ranges
    assert {p["outlet"] for p in atacms["series"]} >= {"Business Insider", "Mint"}
    assert atacms["disagreements"] == [] and atacms["changes"] == []
