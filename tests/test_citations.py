"""Outlet citations: cues, outlets versus people and officials, "the outlet" resolution."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from storyline.annotate import citations as mod  # noqa: F401 (registers the factory)
from storyline.annotate.citations import extract_citations, is_media_name

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "seeds"

pytestmark = pytest.mark.model


def _model(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    return request.getfixturevalue("sm")  # conftest: one model per session


@pytest.fixture()
def cite(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    nlp = _model(request)

    def run(text: str) -> list[tuple[str, str]]:
        return [(c.cites, c.cue) for c in extract_citations(nlp(text))]

    return run


def test_according_to_and_the_outlet(cite) -> None:  # type: ignore[no-untyped-def]
    found = cite(
        "The ministry has no plans to buy the radar, according to The Harbor Ledger. "
        "Officials told the outlet that talks had stalled. One aide told The Ledger the plan was dead."
    )
    assert found == [
        ("The Harbor Ledger", "according to The Harbor Ledger"),
        ("The Harbor Ledger", "told the outlet"),
        ("The Harbor Ledger", "told The Ledger"),
    ]


def test_an_unknown_name_becomes_an_outlet_when_called_the_newspaper(cite) -> None:  # type: ignore[no-untyped-def]
    found = cite(
        "The port will stay shut, according to The Northwind Courant. "
        "Dock workers told the newspaper the cranes were broken."
    )
    assert [c for c, _ in found] == ["The Northwind Courant", "The Northwind Courant"]


def test_reports_and_first_reported(cite) -> None:  # type: ignore[no-untyped-def]
    found = cite(
        "The port will close in May, Vantage reports. Later, as VANTAGE first reported, the mayor resigned."
    )
    assert found == [("Vantage", "Vantage reports"), ("VANTAGE", "as VANTAGE first reported")]


def test_told_and_interview(cite) -> None:  # type: ignore[no-untyped-def]
    assert cite('"We are ready," the commander told Northwind Dispatch on Tuesday.') == [
        ("Northwind Dispatch", "told Northwind Dispatch")
    ]
    assert cite("She said in an interview with KTV Newsroom that the fleet was ready.") == [
        ("KTV Newsroom", "interview with KTV Newsroom")
    ]


def test_contributed_by(cite) -> None:  # type: ignore[no-untyped-def]
    assert cite(
        "Information for this article was contributed by Mara Quill of The Harbor Ledger."
    ) == [("The Harbor Ledger", "contributed by Mara Quill of The Harbor Ledger")]


def test_officials_people_and_institutions_are_not_outlets(cite) -> None:  # type: ignore[no-untyped-def]
    assert (
        cite(
            "The deal is off, according to U.S. officials. It will cost more, according to a retired general. "
            "The mayor told reporters it was over. The general told the Senate Armed Services Committee "
            "that stocks were low. The storm was heard miles away, the Coastal Weather Service reported."
        )
        == []
    )


def test_media_words() -> None:
    assert (
        is_media_name("The Harbor Ledger")
        and is_media_name("KTV Newshour")
        and is_media_name("CNN")
    )
    assert not is_media_name("Senate Armed Services Committee")


def test_component_sets_extension_and_reports_errors(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("storyline_citations_v1")
    assert nlp("Nothing to cite here.")._.citations == []

    def boom(doc: object) -> list[object]:
        raise RuntimeError("broken")

    monkeypatch.setattr(nlp.get_pipe("storyline_citations_v1"), "extract", boom)
    doc = nlp("Anything.")
    assert doc._.citations == []
    assert "[E232]" in doc.user_data["storyline_errors"][0]


def test_seed_articles(request: pytest.FixtureRequest) -> None:
    if not SEEDS.exists():
        pytest.skip("../shared/corpora/seeds is not beside the checkout")
    nlp = _model(request)
    cited = {
        p.name[:3]: {c.cites for c in extract_citations(nlp(p.read_text(encoding="utf-8")))}
        for p in sorted(SEEDS.glob("*.txt"))
    }
    assert "The Washington Post" in cited["001"]
    assert "The Washington Post" in cited["003"]
    assert "Politico" in cited["000"]
    assert {c.lower() for c in cited["004"]} >= {"politico"}
    assert "Defense One" in cited["000"]
    assert "PBS Newshour" in cited["004"]
    # "told the outlet" / "The Post" resolve to the full name, never stand alone.
    assert cited["001"] == {"The Washington Post"}
