"""Entity resolution across articles: hand-built mentions, plus the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.link.entities import alias_index, compatible, resolve_entities, with_ids
from storyline.link.names import bounded_edit_distance, fold, initials, singular_key
from storyline.models import Entity, EntityMention, MentionRef

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "seeds"


def m(
    text: str, label: str = "PERSON", *, expansion: str | None = None, title: str | None = None
) -> EntityMention:
    return EntityMention(text, label, 0, len(text), 0, expansion=expansion, title=title)


def by_alias(entities: list[Entity], alias: str) -> Entity:
    found = [e for e in entities if alias in e.aliases]
    assert len(found) == 1, (alias, found)
    return found[0]


def test_fold_and_keys() -> None:
    assert fold("The U.S.’s") == "us" == fold("US")
    assert fold("Zelenskyy's") == "zelenskyy"
    assert fold("Lockheed Martin Corp.") == "lockheed martin corp"
    assert fold("Łódź") == "lodz" or fold("Łódź").endswith("odz")
    assert singular_key("harbor guard cutters") == "harbor guard cutter"
    assert initials("United Kingdom") == "UK"
    assert initials("Department of the Treasury") == "DT"
    assert bounded_edit_distance("kalinsky", "kalinskyy", 2) == 1
    assert bounded_edit_distance("abcdef", "uvwxyz", 2) == 3


def test_transliterations_and_typo_become_one_person() -> None:
    mentions = {
        "a1": [m("Petro Kalinskyy"), m("Kalinskyy"), m("Kalinsky")],
        "a2": [m("Petro Kalinskiy"), m("Kalinskiy", "GPE")],
        "a3": [m("Kalinkyy"), m("Kalinskyy", "ORG")],
    }
    entities = resolve_entities(mentions)
    person = by_alias(entities, "Petro Kalinskyy")
    assert set(person.aliases) == {
        "Petro Kalinskyy",
        "Kalinskyy",
        "Kalinsky",
        "Petro Kalinskiy",
        "Kalinskiy",
        "Kalinkyy",
    }
    assert person.type == "PERSON"
    assert person.name == "Petro Kalinskyy"
    assert len(person.mentions) == 7


def test_surname_goes_to_the_only_full_name() -> None:
    mentions = {
        "a": [m("Gen. Ilse Varga".split(" ", 1)[1], title="Gen."), m("Varga")],
        "b": [m("Varga", title="Gen.")],
    }
    entities = resolve_entities(mentions)
    assert len(entities) == 1
    assert entities[0].name == "Ilse Varga"


def test_two_people_sharing_a_surname_stay_two() -> None:
    mentions = {
        "a": [m("Anna Brandt"), m("Brandt"), m("Karl Brandt"), m("Brandt")],
        "b": [m("Brandt")],  # no first name in this article: stays unresolved
    }
    entities = resolve_entities(mentions)
    anna, karl = by_alias(entities, "Anna Brandt"), by_alias(entities, "Karl Brandt")
    assert anna.id != karl.id
    # Each bare surname goes to the person named last before it in its article.
    assert ("a", 1) in {(r.article, r.index) for r in anna.mentions}
    assert ("a", 3) in {(r.article, r.index) for r in karl.mentions}
    rest = [e for e in entities if e.id not in (anna.id, karl.id)]
    assert [(r.article, r.index) for e in rest for r in e.mentions] == [("b", 0)]


def test_title_picks_between_namesakes() -> None:
    mentions = {
        "a": [m("Rosa Almeida", title="President"), m("Tiago Almeida", title="Sen.")],
        "b": [m("Almeida", title="President")],
    }
    entities = resolve_entities(mentions)
    assert ("b", 0) in {(r.article, r.index) for r in by_alias(entities, "Rosa Almeida").mentions}


def test_similar_surnames_with_different_first_names_do_not_merge() -> None:
    mentions = {"a": [m("Boris Johnson"), m("Mike Johnston"), m("Johnson"), m("Johnston")]}
    entities = resolve_entities(mentions)
    assert by_alias(entities, "Boris Johnson").id != by_alias(entities, "Mike Johnston").id


def test_person_and_administration_stay_apart() -> None:
    mentions = {"a": [m("Marlow"), m("Marlow administration", "ORG"), m("Elena Marlow")]}
    entities = resolve_entities(mentions)
    assert by_alias(entities, "Marlow").id == by_alias(entities, "Elena Marlow").id
    assert by_alias(entities, "Marlow administration").id != by_alias(entities, "Marlow").id


def test_a_definition_that_tells_no_kind_does_not_outvote_the_tagger() -> None:
    """One article defines "MSM" with a long form whose words say nothing of its kind
    (TERM); six articles' tagger calls the name an organisation."""
    mentions = {
        "a": [
            m("Medicos Sin Muros", "TERM"),
            m("MSM", "TERM", expansion="Medicos Sin Muros"),
            m("MSM", "TERM", expansion="Medicos Sin Muros"),
        ],
        **{k: [m("Medicos Sin Muros", "ORG")] for k in "bcdefg"},
    }
    assert by_alias(resolve_entities(mentions), "MSM").type == "ORG"


def test_a_long_form_defined_with_its_country_names_the_entity_without_it() -> None:
    """The plain name the articles mostly use, defined once with its country, beats
    a variant spelling defined once as it is."""
    mentions = {
        "a": [
            m("US Harbor Safety Bureau", "ORG"),
            m("HSB", "ORG", expansion="US Harbor Safety Bureau"),
        ],
        "b": [
            m("Harbour Safety Bureau", "ORG"),
            m("HSB", "ORG", expansion="Harbour Safety Bureau"),
        ],
        **{k: [m("Harbor Safety Bureau", "ORG")] for k in "cde"},
    }
    assert by_alias(resolve_entities(mentions), "HSB").name == "Harbor Safety Bureau"


def test_a_web_platform_the_tagger_calls_a_person_is_an_organisation() -> None:
    mentions = {k: [m("Twitter", "PERSON")] for k in "abc"}
    mentions["d"] = [m("Twitter", "ORG")]
    assert by_alias(resolve_entities(mentions), "Twitter").type == "ORG"


def test_a_name_holding_an_initialism_is_not_its_expansion() -> None:
    """The initials of "BBC 6" are "BBC", yet it is a station, not the BBC."""
    entities = resolve_entities({"a": [m("BBC 6", "ORG"), m("BBC", "ORG")], "b": [m("BBC", "ORG")]})
    assert by_alias(entities, "BBC").name == "BBC"
    assert by_alias(entities, "BBC 6").id != by_alias(entities, "BBC").id


def test_a_defined_long_form_names_the_full_name_its_initials_leave_words_off() -> None:
    """The letters of "CDC" end at "Control", so an article's definition gives
    "Centers for Disease Control"; the name written in full, and the definition
    without its country, are defined names too (then the commonest wins)."""
    from storyline.link.entities import _informative

    targets = {"us harbor safety bureau", "harbour safety bureau"}
    names = {"Harbor Safety Bureau and Patrol": 4, "Harbour Safety Bureau": 1, "Harbor Safety": 9}
    assert max(names, key=lambda n: _informative(n, names[n], targets, "ORG")) == (
        "Harbor Safety Bureau and Patrol"
    )
    assert _informative("Harbor Safety Bureau", 1, targets, "ORG")[0] == 1  # without its country
    assert _informative("Harbor Safety", 9, targets, "ORG")[0] == 0


def test_acronyms_expansions_suffixes_plurals() -> None:
    mentions = {
        "a": [
            m("Harbor Defense Radar", "TERM"),
            m("HDR", "TERM", expansion="Harbor Defense Radar"),
            m("Kestrel", "PRODUCT"),
        ],
        "b": [m("HDR", "PERSON"), m("Harbor Defense Radars", "ORG"), m("Kestrels", "PRODUCT")],
        "c": [m("Norvik Dynamics Corp.", "ORG"), m("United Kingdom", "GPE")],
        "d": [m("Norvik Dynamics", "PERSON"), m("UK", "GPE"), m("U.K.", "GPE")],
    }
    entities = resolve_entities(mentions)
    radar = by_alias(entities, "HDR")
    assert {"Harbor Defense Radar", "Harbor Defense Radars"} <= set(radar.aliases)
    assert radar.name == "Harbor Defense Radar"
    assert radar.type == "TERM"
    assert by_alias(entities, "Kestrel").id == by_alias(entities, "Kestrels").id
    assert by_alias(entities, "Kestrel").id != radar.id
    company = by_alias(entities, "Norvik Dynamics")
    assert "Norvik Dynamics Corp." in company.aliases and company.type == "ORG"
    assert by_alias(entities, "UK").id == by_alias(entities, "United Kingdom").id


def test_a_one_word_name_ending_in_s_is_no_plural_of_another() -> None:
    mentions = {
        "a": [m("Times", "ORG"), m("Harbor Times", "ORG")],
        "b": [m("Time", "ORG"), m("Docks", "ORG"), m("Dock", "FAC")],
        "c": [m("Harbor Patrols", "ORG"), m("Harbor Patrol", "ORG")],
    }
    entities = resolve_entities(mentions)
    assert by_alias(entities, "Times").id != by_alias(entities, "Time").id
    assert by_alias(entities, "Docks").id != by_alias(entities, "Dock").id
    assert by_alias(entities, "Harbor Patrols").id == by_alias(entities, "Harbor Patrol").id


def test_a_royal_is_named_by_style_and_one_name() -> None:
    """ "King Abdullah" is not Murad Abdullah, nor "Prince William" William Hague by his
    given name; a bare "King" is not the king."""
    mentions = {
        "a": [m("Murad Abdullah"), m("Abdullah"), m("Abdullah", title="King")],
        "b": [m("Abdullah", title="King"), m("Abdullah", title="Saudi King")],
        "c": [m("William Hague"), m("William Hague"), m("William", title="Prince")],
        "d": [m("King")],
    }
    entities = resolve_entities(mentions)
    of = {(r.article, r.index): e.name for e in entities for r in e.mentions}
    assert of[("a", 0)] == of[("a", 1)] == "Murad Abdullah"
    assert of[("a", 2)] == of[("b", 0)] == of[("b", 1)] != "Murad Abdullah"
    assert of[("c", 2)] != "William Hague"
    assert of[("d", 0)] != of[("b", 0)]


def test_a_name_written_with_a_company_suffix_is_a_company() -> None:
    """The tagger calls "Dravenport" a place each time, but the pile writes it
    "Dravenport Co." and "Dravenport Inc.": a company; a known place stays one."""
    mentions = {
        "a": [m("Dravenport", "GPE"), m("Dravenport", "GPE"), m("Dravenport Co.", "ORG")],
        "b": [m("Dravenport", "GPE"), m("Dravenport Inc.", "ORG"), m("Dravenport", "GPE")],
        "c": [m("Dravenport", "GPE"), m("Dravenport", "GPE"), m("Dravenport", "GPE")],
        "d": [m("Kestria", "GPE")] * 6 + [m("Kestria Co.", "ORG")],
        "e": [m("Georgia", "GPE"), m("Georgia Co.", "ORG"), m("Georgia Co.", "ORG")],
    }
    entities = resolve_entities(mentions)
    assert by_alias(entities, "Dravenport").type == "ORG"
    assert by_alias(entities, "Kestria").type == "GPE"  # one suffixed mention is no evidence
    assert by_alias(entities, "Georgia").type == "GPE"  # a known place is no company's
    assert by_alias(entities, "Georgia Co.").id != by_alias(entities, "Georgia").id


def test_different_weapons_stay_two() -> None:
    mentions = {
        "a": [m("Kestrel", "PRODUCT"), m("HDR", "TERM", expansion="Harbor Defense Radar")],
        "b": [m("Kestrel", "PRODUCT"), m("HDR", "TERM")],
    }
    entities = resolve_entities(mentions)
    assert by_alias(entities, "Kestrel").id != by_alias(entities, "HDR").id


def test_first_word_of_an_organisation_in_same_article() -> None:
    mentions = {
        "a": [m("Orvik Arms", "ORG"), m("Orvik", "ORG")],
        # two organisations start with the word: the short name stays apart
        "b": [m("Tessel Bank", "ORG"), m("Tessel Foods", "ORG"), m("Tessel", "ORG")],
        # a place is not an organisation's short name
        "c": [m("Varna Shipping", "ORG"), m("Varna", "GPE")],
    }
    entities = resolve_entities(mentions)
    orvik = by_alias(entities, "Orvik Arms")
    assert ("a", 1) in {(r.article, r.index) for r in orvik.mentions}
    assert by_alias(entities, "Tessel").aliases == ("Tessel",)
    assert by_alias(entities, "Varna").aliases == ("Varna",)


def test_short_org_name_in_same_article() -> None:
    mentions = {
        "a": [m("Harbor Ledger", "ORG"), m("Ledger", "ORG")],
        "b": [m("Ledger", "ORG")],
    }
    entities = resolve_entities(mentions)
    ledger = by_alias(entities, "Harbor Ledger")
    assert ("a", 1) in {(r.article, r.index) for r in ledger.mentions}
    assert ("b", 0) not in {(r.article, r.index) for r in ledger.mentions}


def test_ids_are_stable_and_order_independent() -> None:
    one = {"a": [m("Petro Kalinskyy"), m("Kalinsky")], "b": [m("Kestrel", "PRODUCT")]}
    two = {"b": [m("Kestrel", "PRODUCT")], "a": [m("Petro Kalinskyy"), m("Kalinsky")]}
    first, second = resolve_entities(one), resolve_entities(two)
    assert [(e.id, e.name, e.mentions) for e in first] == [
        (e.id, e.name, e.mentions) for e in second
    ]
    index = alias_index(first)
    assert index["kalinsky"] == index["petro kalinskyy"]


def test_type_compatibility() -> None:
    assert compatible("ORG", "TERM") and compatible("GPE", "LOC")
    assert not compatible("PERSON", "ORG") and not compatible("NORP", "GPE")


def test_many_articles_is_fast() -> None:
    import time

    mentions = {
        f"a{i:05d}": [
            m(f"Person{i % 500} Surname{i % 700}"),
            m(f"Surname{i % 700}"),
            m(f"Org {i % 300} Group", "ORG"),
        ]
        for i in range(3000)
    }
    start = time.perf_counter()
    entities = resolve_entities(mentions)
    assert time.perf_counter() - start < 10
    assert sum(len(e.mentions) for e in entities) == 9000


@pytest.mark.model
def test_seed_articles(seed_mentions: dict[str, list[EntityMention]]) -> None:
    entities = resolve_entities(seed_mentions)
    zelensky = [
        e for e in entities if {"Zelenskyy", "Zelensky", "Zelenskiy", "Zelenkyy"} & set(e.aliases)
    ]
    assert len(zelensky) == 1, [(e.name, e.aliases) for e in zelensky]
    assert {"Zelenskyy", "Zelensky", "Volodymyr Zelenskiy", "Zelenkyy"} <= set(zelensky[0].aliases)
    atacms = by_alias(entities, "ATACMS")
    assert "Army Tactical Missile System" in atacms.aliases
    assert "Army Tactical Missile Systems" in atacms.aliases
    storm = by_alias(entities, "Storm Shadow")
    assert storm.id != atacms.id
    assert by_alias(entities, "Mark Milley").type == "PERSON"
    assert (
        by_alias(entities, "Lockheed Martin").id == by_alias(entities, "Lockheed Martin Corp.").id
    )
    biden = by_alias(entities, "Joe Biden")
    assert "Biden" in biden.aliases
    assert "Biden administration" not in biden.aliases


@pytest.fixture(scope="module")
def seed_mentions(request: pytest.FixtureRequest) -> dict[str, list[EntityMention]]:
    if not SEEDS.exists():
        pytest.skip("../shared/corpora/seeds is not beside the checkout")
    from storyline.annotate.mentions import extract_mentions

    nlp = _model(request)
    return {
        p.stem: extract_mentions(nlp(p.read_text(encoding="utf-8")))
        for p in sorted(SEEDS.glob("*.txt"))
    }


def _model(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    return request.getfixturevalue("sm")  # conftest: one model per session


def test_romanized_first_names_are_one_person() -> None:
    mentions = {
        "a1": [m("Oleksandr Brovarenko"), m("Brovarenko")],
        "a2": [m("Olexander Brovarenko")],
        "a3": [m("Mykhailo Brovarenko")],
    }
    entities = resolve_entities(mentions)
    first = by_alias(entities, "Oleksandr Brovarenko")
    assert "Olexander Brovarenko" in first.aliases
    assert "Mykhailo Brovarenko" not in first.aliases


def test_entities_kept_apart_with_one_name_get_distinct_stable_ids() -> None:
    big = Entity(
        id="",
        name="Harbor Ledger",
        type="ORG",
        aliases=("Harbor Ledger",),
        mentions=(MentionRef("a1", 0), MentionRef("a2", 3)),
    )
    small = Entity(
        id="",
        name="Harbor Ledger",
        type="ORG",
        aliases=("Harbor Ledger",),
        mentions=(MentionRef("a3", 1),),
    )
    other = Entity(
        id="",
        name="Harbor Ledger",
        type="PERSON",
        aliases=("Harbor Ledger",),
        mentions=(MentionRef("a4", 0),),
    )
    ids = [e.id for e in with_ids([big, small, other])]
    assert len(set(ids)) == 3 and all(i.startswith("E") and len(i) == 13 for i in ids)
    # the plain id (type and name) stays with the first; re-running gives the same ids
    assert with_ids([big])[0].id == ids[0]
    assert [e.id for e in with_ids([big, small, other])] == ids


def test_a_family_name_written_first_takes_its_bare_mentions() -> None:
    # "Ban Ki-moon ... Ban said": the family name opens a name whose given name is two
    # hyphened syllables; "Ki-moon" alone is no surname, and John Ban is someone else
    mentions = {
        "a": [m("Ban Ki-moon"), m("Ban"), m("Ban")],
        "b": [m("Ban Ki-Moon"), m("John Ban"), m("Ban")],
    }
    entities = resolve_entities(mentions)
    ban = by_alias(entities, "Ban Ki-moon")
    assert {(r.article, r.index) for r in ban.mentions} == {("a", 0), ("a", 1), ("a", 2), ("b", 0)}
    john = by_alias(entities, "John Ban")
    assert ("b", 2) in {(r.article, r.index) for r in john.mentions}  # the last named before it


def test_two_words_name_a_person_or_an_organisation_not_a_group() -> None:
    from storyline.link.entities import _informative

    people = {"Chan": 40, "Margaret Chan": 3}
    assert max(people, key=lambda n: _informative(n, people[n], set(), "PERSON")) == "Margaret Chan"
    groups = {"Shias": 170, "Secular Shias": 4}
    assert max(groups, key=lambda n: _informative(n, groups[n], set(), "NORP")) == "Shias"


def test_a_first_name_alone_is_the_person_mostly_named_in_full_with_it() -> None:
    """ "Kenji" is nobody's surname; "Kenji Arata" is the Kenji named in full three
    times in four. A first name shared evenly stays on its own."""
    mentions = {
        **{k: [m("Kenji Arata", "PERSON")] for k in "abcd"},
        "e": [m("Kenji Ito", "PERSON")],
        "f": [m("Kenji", "PERSON"), m("Ada Quill", "PERSON")],
        "g": [m("Ada Marsh", "PERSON"), m("Ada", "PERSON")],
    }
    entities = resolve_entities(mentions)
    assert by_alias(entities, "Kenji").name == "Kenji Arata"
    assert by_alias(entities, "Ada").name == "Ada"


def test_a_common_short_given_name_is_the_same_person() -> None:
    ents = resolve_entities(
        {
            "a": (EntityMention("Ed Quillon", "PERSON", 0, 10, 0),),
            "b": (EntityMention("Edward Quillon", "PERSON", 0, 14, 0),),
            "c": (EntityMention("Jo Quillon", "PERSON", 0, 10, 0),),
            "d": (EntityMention("John Quillon", "PERSON", 0, 12, 0),),
        }
    )
    names = sorted(sorted(e.aliases) for e in ents)
    # "Jo" is no listed short form of "John": never guessed from spelling
    assert names == [["Ed Quillon", "Edward Quillon"], ["Jo Quillon"], ["John Quillon"]]


def test_a_given_name_romanized_two_ways_is_the_same_person() -> None:
    ents = resolve_entities(
        {
            "a": (EntityMention("Musa Qarim", "PERSON", 0, 10, 0),),
            "b": (EntityMention("Moussa Qarim", "PERSON", 0, 12, 0),),
            "c": (EntityMention("Omar Qarim", "PERSON", 0, 10, 0),),
        }
    )
    names = sorted(sorted(e.aliases) for e in ents)
    assert names == [["Moussa Qarim", "Musa Qarim"], ["Omar Qarim"]]


def test_a_bare_surname_with_another_post_is_not_the_one_full_name_here() -> None:
    def m(text: str, title: str | None = None) -> EntityMention:
        return EntityMention(text, "PERSON", 0, len(text), 0, title=title)

    # one article, its one full name the First Lady's: "President Quill" is not her
    ents = resolve_entities(
        {"a": (m("Ada Quill", "First Lady"), *[m("Quill", "President") for _ in range(3)])}
    )
    assert sorted(sorted(e.aliases) for e in ents) == [["Ada Quill"], ["Quill"]]
    # no post on one side: no clash ("Mrs" is a form of address)
    ents = resolve_entities({"c": (m("Ona Sarn", "Secretary of State"), m("Sarn", "Mrs"))})
    assert [sorted(e.aliases) for e in ents] == [["Ona Sarn", "Sarn"]]
    ents = resolve_entities({"d": (m("Ona Sarn"), m("Sarn", "President"))})
    assert [sorted(e.aliases) for e in ents] == [["Ona Sarn", "Sarn"]]
