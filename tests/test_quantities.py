"""Quantities: numbers, units, hedges, what they measure and what they are about."""

from __future__ import annotations

import pytest
import spacy

from storyline.annotate import quantities as mod  # noqa: F401 (registers the factory)
from storyline.annotate.mentions import extract_mentions
from storyline.annotate.quantities import extract_quantities
from storyline.models import Quantity

pytestmark = pytest.mark.model


def _model(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    return request.getfixturevalue("sm")  # conftest: one model per session


@pytest.fixture()
def qty(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    nlp = _model(request)

    def run(text: str) -> list[Quantity]:
        doc = nlp(text)
        return extract_quantities(doc, extract_mentions(doc))

    return run


def test_distances_with_hedges(qty) -> None:  # type: ignore[no-untyped-def]
    found = qty("The Kestrel missile has a range of about 250 kilometers, or nearly 160 miles.")
    assert [(q.text, q.unit, q.normalized_unit, q.about, q.approximate) for q in found] == [
        ("about 250 kilometers", "kilometers", "km", "range", True),
        ("nearly 160 miles", "miles", "km", "range", True),
    ]
    assert found[1].value == 160 and found[1].normalized_value == pytest.approx(257.49, abs=0.01)


def test_range_subject_is_the_weapon(qty) -> None:  # type: ignore[no-untyped-def]
    (q,) = qty("The Harbor Defense Radar, known as HDR, can reach targets as far as 90 miles away.")
    assert (q.text, q.about, q.approximate) == ("as far as 90 miles", "range", True)
    assert q.subject in ("HDR", "Harbor Defense Radar")  # one entity, either name


def test_the_system_is_the_system_named_before(qty) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lorvia asked for the Harbour Shield Defence System last week. "
        "The Brell-2 rocket and the Brell-2 launcher stay in service. "
        "Officials doubt they will send the system, which can hit ships 300 km away."
    )
    [found] = [q for q in qty(text) if q.about == "range"]
    assert found.subject == "Harbour Shield Defence System"


def test_unit_prices(qty) -> None:  # type: ignore[no-untyped-def]
    found = qty("At roughly $3 million per drone, the order would cost close to $90 million.")
    assert [(q.text, q.about, q.normalized_unit) for q in found] == [
        ("roughly $3 million per drone", "money per drone", "USD/drone"),
        ("close to $90 million", "money", "USD"),
    ]
    [each] = qty("Each Brell drone costs about $3 million, the budget shows.")
    assert (each.text, each.about, each.normalized_unit) == (
        "about $3 million",
        "money per drone",
        "USD/drone",
    )
    # a rate of money per period stays a rate
    [rent] = qty("The agency paid $2 million a year in rent.")
    assert rent.about == "money per year"


def test_side_by_side_rates_share_their_subject(qty) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Orvik Arms Ltd. has said it can produce 500 shells a month. "
        "An audit puts realistic output at about 150 a month."
    )
    found = [q for q in qty(text) if q.about == "production per month"]
    assert [q.subject for q in found] == ["Orvik Arms Ltd.", "Orvik Arms Ltd."]
    # a head count in the next sentence is not carried over
    found = qty("Orvik Arms Ltd. can produce 500 shells a month. About 40 workers were hired.")
    assert [q.subject for q in found if q.about == "workers"] == [None]


def test_the_company_is_the_organisation_named_before(qty) -> None:  # type: ignore[no-untyped-def]
    text = "Orvik Arms Ltd. opened a plant. The company has said it can build 400 shells a year."
    [found] = qty(text)
    assert (found.about, found.subject) == ("production per year", "Orvik Arms Ltd.")


def test_adjectival_distances(qty) -> None:  # type: ignore[no-untyped-def]
    found = qty("Crews built a 40-mile bridge and tested a 300-km range rocket.")
    assert [(q.text, q.about, q.normalized_value) for q in found] == [
        ("40-mile", "length", pytest.approx(64.37, abs=0.01)),
        ("300-km", "range", 300.0),
    ]


def test_production_rates(qty) -> None:  # type: ignore[no-untyped-def]
    found = qty(
        "Norvik Dynamics builds 400 Kestrels each year and is producing several hundred a year for export."
    )
    assert [(q.text, q.value, q.normalized_unit, q.about, q.approximate) for q in found] == [
        ("400 Kestrels each year", 400.0, "count/year", "production per year", False),
        ("several hundred a year", 300.0, "count/year", "production per year", True),
    ]


def test_vague_counts(qty) -> None:  # type: ignore[no-untyped-def]
    found = qty("Norland asked for hundreds of missiles and the navy sent dozens more Kestrels.")
    assert [(q.text, q.value, q.unit, q.approximate) for q in found] == [
        ("hundreds of missiles", 200.0, "missiles", True),
        ("dozens more Kestrels", 24.0, "Kestrels", True),
    ]
    assert found[0].about == "missiles"
    (q,) = qty("More than two dozen lawmakers signed the letter.")
    assert (q.value, q.about, q.approximate) == (24.0, "lawmakers", True)


def test_money_and_percentages(qty) -> None:  # type: ignore[no-untyped-def]
    found = qty("The grant of $2.5 billion covers 12 percent of the cost, or 1.1 billion euros.")
    assert [(q.text, q.normalized_value, q.normalized_unit, q.about) for q in found] == [
        ("$2.5 billion", 2.5e9, "USD", "money"),
        ("12 percent", 12.0, "%", "percentage"),
        ("1.1 billion euros", 1.1e9, "EUR", "money"),
    ]


def test_durations_dates_and_identifiers_are_not_quantities(qty) -> None:  # type: ignore[no-untyped-def]
    assert (
        qty(
            "The talks lasted 17 months and ended on July 7, 2023, after two weeks of delay in 2022."
        )
        == []
    )
    assert qty("The F-16 jets fly under Article 5 rules; the score was 3:2.") == []
    assert qty("One official said it was over.") == []


def test_offsets_point_at_the_text(qty, request: pytest.FixtureRequest) -> None:  # type: ignore[no-untyped-def]
    text = "First sentence here. The rocket flew some 1,200 km on its second test."
    (q,) = qty(text)
    assert text[q.start : q.end] == q.text == "some 1,200 km"
    assert q.sentence == 1 and q.value == 1200


def test_component_sets_extension_and_reports_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("storyline_quantities_v1")
    assert [q.text for q in nlp("It costs $5 million.")._.quantities] == ["$5 million"]

    def boom(doc: object) -> list[object]:
        raise RuntimeError("broken")

    monkeypatch.setattr(nlp.get_pipe("storyline_quantities_v1"), "extract", boom)
    doc = nlp("Anything.")
    assert doc._.quantities == []
    assert "[E233]" in doc.user_data["storyline_errors"][0]


def test_a_dateline_place_is_not_a_figures_subject(qty) -> None:  # type: ignore[no-untyped-def]
    # "sm" has no sentence rules: the dateline and the figure are one sentence here,
    # as the pipeline makes them once a cut bracket aside is joined (annotate/brackets.py)
    (q,) = qty(
        "VARNA , Kestria -LRB- Northgate Wire -RRB- - Eighteen people were killed in a"
        " shootout in the harbour district of Tavel , the army said on Sunday ."
    )
    assert q.text.lower().startswith("eighteen")
    assert q.subject != "Kestria" and q.subject not in ("VARNA", "Northgate Wire")


def test_dateline_end() -> None:
    from storyline.text.datelines import dateline_end

    stamped = (
        "TAVEL , Kestria | Sun Jun 7 , 2009 6:39 pm EDT TAVEL , Kestria -LRB- Wire -RRB- - Ten"
    )
    assert stamped[: dateline_end(stamped)].endswith("-RRB- - ")
    assert dateline_end("VARNA (Northgate Wire) - Ten died.") == len("VARNA (Northgate Wire) - ")
    assert dateline_end("VARNA — The vote") == len("VARNA — ")
    assert dateline_end("The WHO - which met - said so.") is None
    assert dateline_end("NATO said 12 people died.") is None
