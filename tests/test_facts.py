"""Disagreements between figures: tolerance for rounding and hedges, grouping by subject."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from storyline.models import Annotations, EntityMention, Quantity
from storyline.views.facts import find_disagreements, names_no_figure, value_interval

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "seeds"
MILE = 1.609344


def q(
    text: str,
    value: float,
    unit: str = "km",
    *,
    factor: float = 1.0,
    about: str = "range",
    subject: str | None = "Kestrel",
    approximate: bool = False,
    norm: str = "km",
) -> Quantity:
    return Quantity(
        text, value, unit, value * factor, norm, about, 0, len(text), 0, approximate, subject
    )


def test_intervals() -> None:
    lo, hi = value_interval(q("300 km", 300))
    assert (lo, hi) == (270, 330)  # rounding of "300", capped at 10 %
    lo, hi = value_interval(q("190 miles", 190, "miles", factor=MILE))
    assert lo == pytest.approx(185 * MILE) and hi == pytest.approx(195 * MILE)
    lo, hi = value_interval(q("nearly 200 miles", 200, "miles", factor=MILE, approximate=True))
    assert hi == pytest.approx(220 * MILE) and lo < 190 * MILE
    lo, hi = value_interval(
        q("more than two dozen lawmakers", 24, "lawmakers", approximate=True, norm="count")
    )
    assert lo == 24 and hi == 36
    lo, hi = value_interval(
        q("hundreds of missiles", 200, "missiles", approximate=True, norm="count")
    )
    assert lo < 200 < 900 < hi
    lo, hi = value_interval(q("$1.2 billion", 1.2e9, "$", norm="USD", about="money"))
    assert (lo, hi) == (pytest.approx(1.15e9), pytest.approx(1.25e9))
    lo, hi = value_interval(q("150 to 190 miles", 170, "miles", factor=MILE, approximate=True))
    assert lo == pytest.approx(150 * MILE) and hi == pytest.approx(190 * MILE)


def test_rounded_conversions_agree() -> None:
    facts = [
        ("a", q("300 km", 300)),
        ("b", q("nearly 200 miles", 200, "miles", factor=MILE, approximate=True)),
        ("c", q("about 190 miles", 190, "miles", factor=MILE, approximate=True)),
        ("d", q("as far as 190 miles", 190, "miles", factor=MILE, approximate=True)),
    ]
    assert find_disagreements(facts) == []


def test_same_subject_different_values_disagree() -> None:
    facts = [
        ("a", q("300 km", 300)),
        ("b", q("140 miles", 140, "miles", factor=MILE)),
        ("c", q("190 miles", 190, "miles", factor=MILE)),
    ]
    (d,) = find_disagreements(facts)
    assert d.about == "range of Kestrel"
    assert d.facts == (1, 0, 2)  # lowest value first
    assert d.spread == "225–306 km"


def test_different_subjects_do_not_disagree() -> None:
    facts = [
        ("a", q("300 km", 300, subject="Kestrel")),
        ("b", q("140 miles", 140, "miles", factor=MILE, subject="Sea Hawk")),
        ("c", q("300 km", 300, subject=None)),
        ("c", q("140 km", 140, subject=None)),
    ]
    assert find_disagreements(facts) == []


def test_entity_map_joins_acronym_and_long_form() -> None:
    facts = [
        ("a", q("300 km", 300, subject="HDR")),
        ("b", q("140 miles", 140, "miles", factor=MILE, subject="Harbor Defense Radar")),
    ]
    assert find_disagreements(facts) == []
    ids = {"HDR": "E1", "Harbor Defense Radar": "E1"}
    (d,) = find_disagreements(facts, term_entity=ids)
    assert d.facts == (1, 0)


def test_same_article_only_with_flag() -> None:
    facts = [("a", q("300 km", 300)), ("a", q("140 km", 140))]
    assert find_disagreements(facts) == []
    assert len(find_disagreements(facts, across_articles=False)) == 1


def test_subject_from_annotations_when_missing() -> None:
    radar = EntityMention("Kestrel", "PRODUCT", 20, 27, 0)
    ann = {
        "a": Annotations("a", mentions=(radar,)),
        "b": Annotations("b", mentions=(radar,)),
    }
    facts = [("a", q("300 km", 300, subject=None)), ("b", q("140 km", 140, subject=None))]
    assert len(find_disagreements(facts, annotations=ann)) == 1


def test_a_property_of_an_actor_is_a_misread() -> None:
    # "the weight of Gaddafi" (the nearest name to "144 tonnes" of gold) and a rate of a
    # person are not compared; the same figures of a thing are, and a company's rate too.
    def pair(label: str, about: str, norm: str) -> list[tuple[str, Quantity]]:
        name = EntityMention("Valdor", label, 20, 26, 0)
        ann = {"a": Annotations("a", mentions=(name,)), "b": Annotations("b", mentions=(name,))}
        facts = [
            ("a", q("200 kg", 200, "kg", about=about, subject=None, norm=norm)),
            ("b", q("144 tonnes", 144_000, "kg", about=about, subject=None, norm=norm)),
        ]
        return find_disagreements(facts, annotations=ann)

    assert pair("PERSON", "weight", "kg") == [] and pair("ORG", "weight", "kg") == []
    assert len(pair("PRODUCT", "weight", "kg")) == 1
    assert pair("PERSON", "barrels per day", "count/day") == []
    assert len(pair("ORG", "barrels per day", "count/day")) == 1
    # the story's reading of a name wins over one sentence's tag
    name = EntityMention("Valdor", "ORG", 20, 26, 0)
    ann = {"a": Annotations("a", mentions=(name,)), "b": Annotations("b", mentions=(name,))}
    facts = [
        ("a", q("200 kg", 200, "kg", about="weight", subject=None, norm="kg")),
        ("b", q("144 tonnes", 144_000, "kg", about="weight", subject=None, norm="kg")),
    ]
    found = find_disagreements(
        facts, annotations=ann, term_entity={"Valdor": "E1"}, entity_kinds={"E1": "TERM"}
    )
    assert len(found) == 1


def test_a_name_or_a_time_holding_a_number_is_no_figure() -> None:
    def quantity(text: str, about: str, start: int = 0) -> Quantity:
        return Quantity(text, 3, about, 3, "count", about, start, start + len(text), 0)

    island = EntityMention("Three Mile Island", "FAC", 0, 17, 0)
    station = EntityMention("Valdor 5 Live", "ORG", 0, 13, 0)
    people = EntityMention("53 Valdorans", "ORG", 0, 12, 0)
    assert names_no_figure(quantity("Three Mile", "distance"), [island])
    assert names_no_figure(quantity("5 Live", "Live", 7), [station])  # inside a longer name
    assert names_no_figure(quantity("16.53 BST", "BST"), [])
    assert names_no_figure(quantity("23-25 October", "October"), [])
    # a count the tagger took for a name of the same words stays a figure
    assert not names_no_figure(quantity("53 Valdorans", "Valdorans"), [people])
    assert not names_no_figure(quantity("300 km", "range"), [])


def test_event_counts_are_compared_only_on_request() -> None:
    facts = [
        (
            "a",
            q("at least 20 people", 20, "people", about="people", norm="count", approximate=True),
        ),
        ("b", q("300 people", 300, "people", about="people", norm="count")),
        ("a", q("two officials", 2, "officials", about="officials", norm="count")),
        ("b", q("five officials", 5, "officials", about="officials", norm="count")),
    ]
    assert find_disagreements(facts) == []
    (d,) = find_disagreements(facts, measures=None)
    assert d.facts == (0, 1)


def test_rates_are_compared() -> None:
    facts = [
        (
            "a",
            q(
                "500 Kestrels each year",
                500,
                "Kestrels",
                about="production per year",
                norm="count/year",
            ),
        ),
        (
            "b",
            q(
                "several hundred a year",
                300,
                "",
                about="production per year",
                norm="count/year",
                approximate=True,
            ),
        ),
        (
            "c",
            q("50 Kestrels a year", 50, "Kestrels", about="production per year", norm="count/year"),
        ),
    ]
    (d,) = find_disagreements(facts)
    assert d.about == "production per year of Kestrel" and d.facts == (2, 1, 0)


@pytest.mark.model
def test_seed_figures(request: pytest.FixtureRequest) -> None:
    if not SEEDS.exists():
        pytest.skip("../shared/corpora/seeds is not beside the checkout")
    from storyline.annotate.mentions import extract_mentions
    from storyline.annotate.quantities import extract_quantities
    from storyline.link.entities import resolve_entities

    nlp = _model(request)
    mentions, facts = {}, []
    for path in sorted(SEEDS.glob("*.txt")):
        doc = nlp(path.read_text(encoding="utf-8"))
        mentions[path.stem] = extract_mentions(doc)
        facts += [(path.stem, x) for x in extract_quantities(doc, mentions[path.stem])]
    entities = resolve_entities(mentions)
    term_entity = {alias: e.id for e in entities for alias in e.aliases}
    atacms = next(e.id for e in entities if "ATACMS" in e.aliases)
    ranges = [
        x for _, x in facts if x.about == "range" and term_entity.get(x.subject or "") == atacms
    ]
    assert (
        len(ranges) >= 4
    )  # 300 km, nearly 200 miles, about 190 miles, as far as 190 miles, 190 miles
    assert {round(x.normalized_value) for x in ranges} >= {300, 322, 306}
    storm = [x for _, x in facts if x.about == "range" and x.subject == "Storm Shadow"]
    assert [round(x.normalized_value) for x in storm] == [225]
    found = find_disagreements(facts, term_entity=term_entity)
    assert not [d for d in found if d.about.startswith("range")], found


def _model(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    return request.getfixturevalue("sm")  # conftest: one model per session


def test_a_figure_one_outlet_revised_is_no_disagreement() -> None:
    day = dt.date
    flow = [
        ("a", q("5,000 barrels a day", 5000, "barrels", about="barrels per day", norm="count/day")),
        ("b", q("60,000 barrels a day", 60000, "barrels", about="barrels per day", norm="count/day")),
        ("c", q("60,000 barrels a day", 60000, "barrels", about="barrels per day", norm="count/day")),
    ]  # fmt: skip
    assert len(find_disagreements(flow)) == 1  # without dates: 5,000 against 60,000
    # the wire gave 5,000 in May and 60,000 in June: an estimate it revised
    revised = {"a": ("wire", day(2010, 5, 1)), "b": ("wire", day(2010, 6, 20)),
               "c": ("daily", day(2010, 6, 20))}  # fmt: skip
    assert find_disagreements(flow, sources=revised) == []
    # two outlets, each one figure: they disagree, whatever the days
    apart = {"a": ("wire", day(2010, 5, 1)), "b": ("daily", day(2010, 6, 20)),
             "c": ("daily", day(2010, 6, 20))}  # fmt: skip
    assert len(find_disagreements(flow, sources=apart)) == 1
    # one outlet's two figures on one day are a dispute it reports, not a revision
    disputed = {"a": ("wire", day(2010, 5, 1)), "b": ("wire", day(2010, 5, 1)),
                "c": ("daily", day(2010, 6, 20))}  # fmt: skip
    assert len(find_disagreements(flow, sources=disputed)) == 1
