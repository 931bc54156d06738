"""The overview's key figures (numbers with a subject, most outlets first) and the quotes
view's speaker groups."""

from __future__ import annotations

from typing import Any

from storyline.views.facts import is_vague
from storyline.views.overview import key_figures


def _fact(text: str, value: float, outlet: str, article: str) -> dict[str, Any]:
    return {
        "text": text, "about": "people", "subject": "Varna", "value": value, "unit": "people",
        "normalized": {"value": value, "unit": "people"}, "outlet": outlet, "article": article,
    }  # fmt: skip


def test_a_vague_amount_is_no_key_figure() -> None:
    facts = {
        "facts": [
            _fact("dozens of people", 24.0, "ledger", "a1"),
            _fact("dozens of people", 24.0, "wire", "a2"),
            _fact("dozens of people", 24.0, "post", "a3"),
            _fact("at least 31 people", 31.0, "ledger", "a1"),
            _fact("at least 31 people", 31.0, "wire", "a4"),
        ]
    }
    assert [f["text"] for f in key_figures(facts)] == ["at least 31 people"]
    assert is_vague("several hundred rockets") and is_vague("Dozens of Varnans")
    assert not is_vague("300 km") and not is_vague("2 million people")


def test_a_distance_or_a_small_count_leads_no_figures() -> None:
    def fact(text: str, value: float, about: str, unit: str, article: str) -> dict[str, Any]:
        return {
            "text": text, "about": about, "subject": "Varna", "value": value, "unit": unit,
            "normalized": {"value": value, "unit": unit}, "outlet": article, "article": article,
        }  # fmt: skip

    facts = {
        "facts": [
            # wire copy repeats where a town is, and details
            *(fact("50 km", 50.0, "distance", "km", a) for a in ("a1", "a2", "a3")),
            *(fact("three sides", 3.0, "sides", "count", a) for a in ("a1", "a2", "a3")),
            *(fact("at least 233 people", 233.0, "people", "count", a) for a in ("a1", "a2")),
        ]
    }
    assert [f["text"] for f in key_figures(facts)] == ["at least 233 people"]


def test_unnamed_speakers_group_whatever_their_case_and_article() -> None:
    from storyline.views.quotes_view import page_quotes

    def row(speaker: str) -> dict[str, Any]:
        return {"speaker": speaker, "speaker_entity": None, "anonymous": True, "role": None}

    rows = [row("Government"), row("the government"), row("The Government"), row("Experts")]
    groups = page_quotes(rows, page=None, per_page=None)["speakers"]
    assert [(g["speaker"], g["count"]) for g in groups] == [("Government", 3), ("Experts", 1)]
