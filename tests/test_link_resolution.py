"""Entity resolution rules for real coverage: initials across articles, British and
American spellings, countries' names, names qualified by a country, the type vote,
truncated mentions; each with what must stay apart."""

from __future__ import annotations

from storyline.link.entities import resolve_entities
from storyline.link.gazetteer import country_of, is_place, split_country_prefix
from storyline.link.names import spelling, variant_key
from storyline.models import Entity, EntityMention


def m(text: str, label: str = "ORG", *, title: str | None = None) -> EntityMention:
    return EntityMention(text, label, 0, len(text), 0, title=title)


def many(text: str, label: str, n: int) -> list[EntityMention]:
    return [m(text, label) for _ in range(n)]


def by_alias(entities: list[Entity], alias: str) -> Entity:
    found = [e for e in entities if alias in e.aliases]
    assert len(found) == 1, (alias, found)
    return found[0]


def same(entities: list[Entity], a: str, b: str) -> bool:
    return by_alias(entities, a).id == by_alias(entities, b).id


# ---- initials ---------------------------------------------------------------


def test_initials_join_an_expansion_named_in_another_article() -> None:
    mentions = {
        "a": many("WHO", "ORG", 3),
        "b": [m("World Health Organization")],
        "c": [m("World Heath Organization")],  # a typo elsewhere does not block it
        "d": many("World Health Organization", "ORG", 12),
    }
    entities = resolve_entities(mentions)
    assert same(entities, "WHO", "World Health Organization")
    assert not same(entities, "WHO", "World Heath Organization")
    assert by_alias(entities, "WHO").name == "World Health Organization"


def test_initials_may_skip_a_short_and_part() -> None:
    mentions = {
        "a": many("CDC", "ORG", 4),
        "b": [m("Centers for Disease Control and Prevention"), m("Centers for Disease Control")],
    }
    entities = resolve_entities(mentions)
    assert same(entities, "CDC", "Centers for Disease Control and Prevention")
    assert same(entities, "CDC", "Centers for Disease Control")


def test_initials_with_two_expansions_stay_apart() -> None:
    mentions = {
        "a": [m("ABC"), m("American Broadcasting Company")],
        "b": [m("Australian Broadcasting Corporation"), m("ABC")],
        # a person's initials are not an organisation's
        "c": [m("WHB"), m("Walter Henry Barnes", "PERSON")],
    }
    entities = resolve_entities(mentions)
    abc = by_alias(entities, "ABC")
    assert abc.aliases == ("ABC",)
    assert by_alias(entities, "WHB").aliases == ("WHB",)


# ---- spelling -----------------------------------------------------------------


def test_british_and_american_spellings_are_one_name() -> None:
    assert spelling("organisation") == spelling("organization") == "organization"
    assert spelling("defence") == "defense" and spelling("centre") == "center"
    assert spelling("recognised") == "recognized" and spelling("colour") == "color"
    assert variant_key("centres for disease control") == variant_key("center for disease control")
    mentions = {
        "a": [m("World Health Organisation"), m("Ministry of Defence"), m("Harbour Centre")],
        "b": [m("World Health Organization"), m("Ministry of Defense"), m("Harbor Center")],
    }
    entities = resolve_entities(mentions)
    assert same(entities, "World Health Organisation", "World Health Organization")
    assert same(entities, "Ministry of Defence", "Ministry of Defense")
    assert same(entities, "Harbour Centre", "Harbor Center")


def test_spelling_does_not_join_different_names() -> None:
    mentions = {
        # Australia's Labor Party is not Britain's Labour Party
        "a": [m("Labour Party"), m("Labor Party")],
        "b": [m("Ministry of Defence"), m("Department of Defense")],
        # two people whose names differ by s/z stay two unless the people rules join them
        "c": [m("Elise Moraz", "PERSON"), m("Elize Moraz", "PERSON"), m("Anna Moraz", "PERSON")],
    }
    entities = resolve_entities(mentions)
    assert not same(entities, "Labour Party", "Labor Party")
    assert not same(entities, "Ministry of Defence", "Department of Defense")
    assert not same(entities, "Anna Moraz", "Elise Moraz")


# ---- countries -----------------------------------------------------------------


def test_a_country_by_any_of_its_names() -> None:
    assert country_of("usa") == country_of("america") == "united states"
    assert country_of("great britain") == "united kingdom"
    assert is_place("kyiv") and not is_place("congo")
    us = ["US", "U.S.", "USA", "United States", "United States of America", "America"]
    uk = ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"]
    mentions = {
        "a": [m(n, "GPE") for n in us[:3]] + [m(n, "GPE") for n in uk[:2]],
        "b": [m(n, "GPE") for n in us[3:]] + [m(n, "GPE") for n in uk[2:]] + [m("US", "GPE")],
    }
    entities = resolve_entities(mentions)
    assert len(entities) == 2
    assert set(by_alias(entities, "America").aliases) == set(us)
    assert set(by_alias(entities, "Britain").aliases) == set(uk)
    assert by_alias(entities, "USA").name == "United States"
    assert by_alias(entities, "U.K.").name == "United Kingdom"


def test_country_names_do_not_swallow_neighbours() -> None:
    mentions = {
        "a": [
            m("America", "GPE"),
            m("Americas", "LOC"),
            m("Americans", "NORP"),
            m("American", "NORP"),
        ],
        "b": [m("England", "GPE"), m("Britain", "GPE"), m("Washington", "GPE"), m("US", "GPE")],
        "c": [m("Congo", "GPE"), m("Democratic Republic of Congo", "GPE"), m("DRC", "GPE")],
        "d": [m("American Company"), m("Georgia", "GPE"), m("Georgia", "GPE")],
    }
    entities = resolve_entities(mentions)
    america = by_alias(entities, "America")
    assert {"Americas", "Americans", "American", "American Company"}.isdisjoint(america.aliases)
    assert "American Company" not in by_alias(entities, "Americans").aliases
    assert not same(entities, "England", "Britain")
    assert not same(entities, "Washington", "US")
    assert same(entities, "DRC", "Democratic Republic of Congo")
    assert not same(entities, "Congo", "DRC")  # which Congo is not known
    assert by_alias(entities, "Georgia").aliases == ("Georgia",)


def test_name_qualified_by_its_country() -> None:
    assert split_country_prefix("us centers for disease control") == (
        "united states",
        "centers for disease control",
    )
    mentions = {
        "a": [m("U.S. Centers for Disease Control"), m("US Centres for Disease Control")],
        "b": [m("Centers for Disease Control"), m("U.S. CDC"), m("CDC")],
    }
    entities = resolve_entities(mentions)
    cdc = by_alias(entities, "CDC")
    assert {
        "U.S. Centers for Disease Control",
        "US Centres for Disease Control",
        "U.S. CDC",
    } <= set(cdc.aliases)
    assert cdc.name == "Centers for Disease Control"


def test_name_qualified_by_several_countries_stays_apart() -> None:
    mentions = {
        "a": [m("UK Department of Health"), m("Department of Health")],
        "b": [m("NYC Department of Health"), m("Department of Health")],
        "c": [m("US Senate")],
        "d": [m("Senate")],  # one bare word: too often another country's
        "e": [m("US Supreme Court"), m("U.S. Supreme Court")],
        "f": [m("Supreme Court")],  # every country has one
    }
    entities = resolve_entities(mentions)
    dept = by_alias(entities, "Department of Health")
    assert dept.aliases == ("Department of Health",)
    assert not same(entities, "US Senate", "Senate")
    assert not same(entities, "US Supreme Court", "Supreme Court")


def test_news_arm_speaks_for_its_organisation() -> None:
    mentions = {
        "a": many("BBC", "ORG", 5) + [m("BBC News")],
        "b": [m("Sky News"), m("Sky", "LOC")],
        "c": [m("Associated Press"), m("Associated Press news agency")],
    }
    entities = resolve_entities(mentions)
    bbc = by_alias(entities, "BBC News")
    assert "BBC" in bbc.aliases and bbc.name == "BBC"
    assert by_alias(entities, "Associated Press news agency").name == "Associated Press"
    assert not same(entities, "Sky News", "Sky")  # the sky is not a broadcaster


# ---- types ---------------------------------------------------------------------


def test_type_is_a_vote_with_the_names_own_evidence() -> None:
    mentions = {
        "a": [
            m("Keiji Fukuda", "ORG"),
            m("Keiji Fukuda", "ORG"),
            m("Keiji Fukuda", "PERSON", title="Dr."),
            *many("Kyiv", "PERSON", 3),
            m("Kyiv", "GPE"),
            *many("H5N1", "PERSON", 3),
            m("H5N1", "ORG"),
            *many("Tamiflu", "NORP", 3),
            *many("Tamiflu", "ORG", 2),
            m("Politico", "PERSON"),
            m("POLITICO", "TERM"),
            m("UNICEF", "PERSON"),
            m("Health Protection Agency", "PERSON"),
        ]
    }
    entities = resolve_entities(mentions, cited=["Politico"])
    types = {e.name: e.type for e in entities}
    assert types["Keiji Fukuda"] == "PERSON"  # a title outweighs the tagger's ORG
    assert types["Kyiv"] == "GPE"
    assert types["H5N1"] == "TERM"
    assert types["Tamiflu"] == "ORG"
    assert by_alias(entities, "Politico").type == "ORG"  # cited as a source
    assert types["UNICEF"] == "ORG"
    assert types["Health Protection Agency"] == "ORG"


def test_type_vote_keeps_a_clear_majority() -> None:
    mentions = {
        "a": [
            *many("Jordan", "PERSON", 4),  # a player, not the country
            *many("Haitians", "NORP", 3),
            *many("Hindu", "NORP", 3),
            *many("Margaret Chan", "PERSON", 2),
        ]
    }
    types = {e.name: e.type for e in resolve_entities(mentions)}
    assert types == {
        "Jordan": "PERSON",
        "Haitians": "NORP",
        "Hindu": "NORP",
        "Margaret Chan": "PERSON",
    }


# ---- people and places ----------------------------------------------------------


def test_peoples_and_places_are_nobodys_surname() -> None:
    mentions = {
        "a": [m("Steve Gorman", "PERSON"), m("German", "NORP"), m("Germany", "GPE")],
        "b": [m("Yele Haiti", "PERSON"), *many("Haiti", "GPE", 3), m("Haitian", "NORP")],
        "c": [m("Cap Haitien", "PERSON"), m("Haitians", "NORP"), m("Haitian", "NORP")],
        # mostly tagged a place, once a person: not the junk "full name" beside it
        "d": [m("Jacmel Jacmel", "PERSON"), m("Jacmel", "PERSON")],
        "e": many("Jacmel", "GPE", 4),
    }
    entities = resolve_entities(mentions)
    assert by_alias(entities, "Steve Gorman").aliases == ("Steve Gorman",)
    assert by_alias(entities, "Yele Haiti").aliases == ("Yele Haiti",)
    assert by_alias(entities, "Cap Haitien").aliases == ("Cap Haitien",)
    jacmel = next(e for e in entities if e.name == "Jacmel")
    assert len(jacmel.mentions) >= 4 and jacmel.type == "GPE"


def test_a_surname_with_two_people_in_the_story_is_not_given_away() -> None:
    mentions = {
        "a": [m("Margaret Chan", "PERSON"), m("Chan", "PERSON")],
        "b": [m("Jackie Chan", "PERSON"), m("Chan", "PERSON")],
        "c": [m("Chan", "PERSON")],
    }
    entities = resolve_entities(mentions)
    margaret, jackie = by_alias(entities, "Margaret Chan"), by_alias(entities, "Jackie Chan")
    assert margaret.id != jackie.id
    assert ("c", 0) not in {(r.article, r.index) for r in (*margaret.mentions, *jackie.mentions)}


def test_surname_tagged_otherwise_still_votes_person() -> None:
    mentions = {"a": [m("Keiji Fukuda", "PERSON"), *many("Fukuda", "ORG", 5)]}
    entities = resolve_entities(mentions)
    assert len(entities) == 1 and entities[0].type == "PERSON"


def test_a_peer_is_named_by_his_title_not_a_namesakes_surname() -> None:
    """ "Lord Halberd" (a peer's title) is not Ivo Halberd, named once elsewhere; a
    bare "Halberd" beside the peer is the peer."""
    mentions = {
        "a": [m("Ivo Halberd", "PERSON")],
        "b": [m("Halberd", "PERSON", title="Lord"), m("Halberd", "PERSON")],
        "c": [m("Halberd", "PERSON", title="Lord")],
    }
    entities = resolve_entities(mentions)
    ivo = by_alias(entities, "Ivo Halberd")
    assert len(ivo.mentions) == 1
    [peer] = [e for e in entities if e.id != ivo.id and "Halberd" in e.aliases]
    assert len(peer.mentions) == 3 and peer.type == "PERSON" and peer.name == "Lord Halberd"


def test_a_known_country_is_no_short_name_of_a_name_ending_in_it() -> None:
    mentions = {"a": [m("Daily News Egypt"), *many("Egypt", "PRODUCT", 4)]}
    entities = resolve_entities(mentions)
    assert by_alias(entities, "Egypt").id != by_alias(entities, "Daily News Egypt").id


def test_a_transliterations_final_h_is_one_spelling() -> None:
    mentions = {
        "a": many("Qarawiyah", "GPE", 3),
        "b": many("Qarawiya", "GPE", 2),
        "c": many("Fatah", "ORG", 2),
        "d": many("FATA", "GPE", 2),
    }
    entities = resolve_entities(mentions)
    assert by_alias(entities, "Qarawiyah").id == by_alias(entities, "Qarawiya").id
    assert by_alias(entities, "Fatah").id != by_alias(entities, "FATA").id


def test_a_name_after_the_arabic_article_is_one_name_in_other_vowels() -> None:
    mentions = {
        "a": many("al-Qarida", "ORG", 3),
        "b": many("al-Qareda", "ORG", 2),
        "c": many("Al Shabaab Vell", "ORG", 2),
        "d": many("al-Shabab Vell", "ORG", 2),
        "e": many("Qarida Bank", "ORG", 2),
        "f": many("Qareda Bank", "ORG", 2),
        "i": many("pro-Gavadhi", "NORP", 3),
        "j": many("pro-Gavaddi", "NORP", 2),
        "g": many("Al Varabiya", "ORG", 2),
        "h": many("Al-Varaby", "ORG", 2),
    }
    entities = resolve_entities(mentions)
    assert same(entities, "al-Qarida", "al-Qareda")
    assert same(entities, "Al Shabaab Vell", "al-Shabab Vell")
    # without the article, vowels are the name's own
    assert same(entities, "pro-Gavadhi", "pro-Gavaddi")  # a side named after its leader
    assert not same(entities, "Qarida Bank", "Qareda Bank")
    assert not same(entities, "Al Varabiya", "Al-Varaby")  # a final vowel is the name's


def test_a_peoples_plural_in_is_is_that_people() -> None:
    mentions = {"a": many("Kestrani", "NORP", 3), "b": many("Kestranis", "NORP", 2)}
    entities = resolve_entities(mentions)
    assert by_alias(entities, "Kestrani").id == by_alias(entities, "Kestranis").id


def test_abdel_and_abdul_are_one_given_name() -> None:
    mentions = {
        "a": many("Abdel Karim Sounes", "PERSON", 3),
        "b": many("Abdul Karim Sounis", "PERSON", 3),
    }
    entities = resolve_entities(mentions)
    assert (
        by_alias(entities, "Abdel Karim Sounes").id == by_alias(entities, "Abdul Karim Sounis").id
    )


def test_a_company_written_as_one_word_or_two_is_one_name() -> None:
    mentions = {"a": many("Corvane Petrol", "ORG", 3), "b": many("CorvanePetrol", "ORG", 2)}
    entities = resolve_entities(mentions)
    assert by_alias(entities, "Corvane Petrol").id == by_alias(entities, "CorvanePetrol").id


def test_a_generational_suffix_is_not_the_surname() -> None:
    """ "Aled H. Morvay Jr.", then "Morvay" tagged a company four times: his surname
    is "Morvay", not "Jr."."""
    mentions = {"a": [m("Aled H. Morvay Jr.", "PERSON"), *many("Morvay", "ORG", 4)]}
    [aled] = [e for e in resolve_entities(mentions) if "Morvay" in e.aliases]
    assert aled.type == "PERSON" and len(aled.mentions) == 5


def test_a_word_before_a_name_in_a_heading_is_no_given_name() -> None:
    """ "BEHIND HAYWARD ..." tagged a person: "Behind" is no one's first name, so the
    bare surname stays with the man the article names in full."""
    mentions = {
        "a": [
            m("Tony Halward", "PERSON"),
            m("Behind Halward", "PERSON"),
            *many("Halward", "GPE", 3),
            *many("Halward", "ORG", 3),
        ]
    }
    entities = resolve_entities(mentions)
    tony = by_alias(entities, "Tony Halward")
    assert tony.type == "PERSON" and len(tony.mentions) == 8


def test_a_person_name_with_a_comma_is_a_list_or_a_stamp() -> None:
    """ "Gwen, Tomos" (a list the tagger ran into one name) gathers no one's bare names;
    "Luther Marr, Jr." keeps its suffix."""
    mentions = {
        "a": [m("Gwen, Tomos", "PERSON"), m("Thu Mar 3, 2011", "PERSON")],
        "b": [*many("Tomos", "PERSON", 3), m("Luther Marr, Jr.", "PERSON")],
    }
    entities = resolve_entities(mentions)
    names = {e.name for e in entities}
    assert "Gwen, Tomos" not in names and "Thu Mar 3, 2011" not in names
    assert "Luther Marr, Jr." in names and by_alias(entities, "Tomos").aliases == ("Tomos",)


# ---- truncated mentions ---------------------------------------------------------


def test_a_word_that_starts_several_names_is_not_an_alias() -> None:
    mentions = {
        "a": [m("World Health Organisation"), m("World")],
        "b": [m("World Bank")],
        "c": [m("Health Protection Agency"), m("Health")],
        "d": [m("Health Ministry")],
        "e": [m("Halvard Dynamics"), m("Halvard")],  # one name starts with it: a short name
    }
    entities = resolve_entities(mentions)
    assert by_alias(entities, "World").aliases == ("World",)
    assert by_alias(entities, "Health").aliases == ("Health",)
    assert same(entities, "Halvard", "Halvard Dynamics")


def test_a_word_ending_one_name_and_starting_another_stays_alone() -> None:
    mentions = {
        "a": [m("Walt Disney"), m("Disney World"), m("Disney")],
        "b": [m("Washington Post"), m("Post")],
    }
    entities = resolve_entities(mentions)
    assert by_alias(entities, "Disney").aliases == ("Disney",)
    assert same(entities, "Post", "Washington Post")


def test_a_short_name_after_its_full_name_in_one_article() -> None:
    """Clipped ("the Fed" after "the Federal Reserve") or heading an "X of Y" place
    ("the Gulf" after "the Gulf of Mexico"): one entity, when the full name comes
    first and the word opens no other name there."""
    reserve = {"a1": [m("Halden Reserve"), m("Hal"), m("Hal")]}
    assert same(resolve_entities(reserve), "Halden Reserve", "Hal")
    before = {"a1": [m("Hal"), m("Halden Reserve")]}
    assert not same(resolve_entities(before), "Halden Reserve", "Hal")
    opens = {"a1": [m("Halden Reserve"), m("Hal Jones Index"), m("Hal Jones Index 12"), m("Hal")]}
    assert not same(resolve_entities(opens), "Halden Reserve", "Hal")
    gulf = {"a1": [m("Gulf of Orla", "LOC"), m("Gulf", "LOC")]}
    assert same(resolve_entities(gulf), "Gulf of Orla", "Gulf")
    assert not same(
        resolve_entities({"a1": [m("Gulf", "LOC"), m("Gulf of Orla", "LOC")]}),
        "Gulf of Orla",
        "Gulf",
    )
    assert variant_key("department of the treasury") == variant_key("treasury dept")


def test_a_demonym_names_its_country() -> None:
    from storyline.link.gazetteer import country_of_demonym

    found = {
        w: country_of_demonym(w)
        for w in "libyan syrians iraqi egyptian mexican chinese turkish german somali "
        "icelandic french british americans".split()
    }
    assert found == {
        "libyan": "libya", "syrians": "syria", "iraqi": "iraq", "egyptian": "egypt",
        "mexican": "mexico", "chinese": "china", "turkish": "turkey", "german": "germany",
        "somali": "somalia", "icelandic": "iceland", "french": "france",
        "british": "united kingdom", "americans": "united states",
    }  # fmt: skip
    # words that merely end like one, or peoples with no country of their name
    for word in ("cubs", "dominic", "syri", "arab", "european", "republican", "christian"):
        assert country_of_demonym(word) is None, word
