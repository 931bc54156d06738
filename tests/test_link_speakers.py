"""A quote's speaker string resolves to the same entities as the story's mentions."""

from __future__ import annotations

from storyline.link.entities import resolve_entities
from storyline.models import Annotations, Article, Citation, EntityMention, Quote
from storyline.views.corpus import Corpus
from storyline.views.payloads import speaker_entity

TEXT = (
    "The UK's Defence Minister Ben Wallace said it. The Washington Post reported it. "
    "The WHO warned. Haiti's envoy to the US spoke."
)


def mention(text: str, label: str, start: int | None = None) -> EntityMention:
    at = TEXT.index(text) if start is None else start
    return EntityMention(text, label, at, at + len(text), 0)


def corpus(*, citations: tuple[Citation, ...] = ()) -> Corpus:
    mentions = (
        mention("UK", "GPE"),
        mention("Ben Wallace", "PERSON"),
        mention("Washington Post", "ORG"),
        mention("WHO", "ORG"),
        mention("Haiti", "GPE"),
        mention("US", "GPE", TEXT.index("US spoke")),
    )
    other = (EntityMention("Jerusalem Post", "ORG", 0, 14, 0),)
    entities = resolve_entities({"a": mentions, "b": other})
    return Corpus(
        articles={"a": Article("a", TEXT), "b": Article("b", "Jerusalem Post")},
        annotations={
            "a": Annotations("a", mentions=mentions, citations=citations),
            "b": Annotations("b", mentions=other),
        },
        entities=entities,
        copies=[],
    )


def quote(speaker: str, start: int | None = None, end: int | None = None) -> Quote:
    return Quote("it", 0, 2, True, speaker, start, end)


def test_the_person_not_the_possessor_in_a_speaker_span() -> None:
    c = corpus()
    span = "The UK's Defence Minister Ben Wallace"
    found = speaker_entity(c, "a", quote(span, 0, len(span)))
    assert found is not None and found.name == "Ben Wallace"
    # no person named: the first (the possessor), not the object of "to"
    span = "Haiti's envoy to the US"
    at = TEXT.index(span)
    found = speaker_entity(c, "a", quote(span, at, at + len(span)))
    assert found is not None and found.name == "Haiti"


def test_the_short_name_of_an_outlet_named_in_the_article() -> None:
    c = corpus()
    found = speaker_entity(c, "a", quote("The Post"))
    assert found is not None and found.name == "Washington Post"
    who = speaker_entity(c, "a", quote("the WHO"))
    assert who is not None and who.name == "WHO"
    # in another article "the Post" is the Post that article names
    other = speaker_entity(c, "b", quote("the Post"))
    assert other is not None and other.name == "Jerusalem Post"


def test_the_newspaper_is_the_only_source_the_article_cites() -> None:
    cited = (Citation("The Washington Post", "reported", 0, 47, 62),)
    c = corpus(citations=cited)
    found = speaker_entity(c, "a", quote("the newspaper"))
    assert found is not None and found.name == "Washington Post"
    assert speaker_entity(corpus(), "a", quote("the newspaper")) is None
    assert speaker_entity(c, "a", quote("officials")) is None


HEADS = (
    "Norlandic state television said it. The Norlandic government said it. An aide under "
    "President Ivo Marsh said it. Ivo Marsh spoke. A statement by the Harbor League said it. "
    "Officials at the Harbor League said it. Residents in Norland said it. The head of the "
    "Harbor League said it. A friend of Ivo Marsh said it. Interior Secretary of Norland "
    "Ada Quill said it. The legal team representing Ivo Marsh said it. The emerging leader "
    "Ada Quill said it. Norland's rebel army said it. Ivo Marsh's family said it. "
    "Norland's envoy to the Harbor League said it. The Harbor League's spokesmen said it. "
    "Norland's Ada Quill said it. The Harbor League's said it."
)


def heads_corpus() -> Corpus:
    def at(text: str, nth: int = 0) -> EntityMention:
        start = -1
        for _ in range(nth + 1):
            start = HEADS.index(text, start + 1)
        return EntityMention(text, LABELS[text], start, start + len(text), 0)

    mentions = (
        at("Norlandic", 0),
        at("Norlandic", 1),
        at("Ivo Marsh", 0),
        at("Ivo Marsh", 1),
        at("Harbor League", 0),
        at("Harbor League", 1),
        at("Norland", 2),
        at("Harbor League", 2),
        at("Ivo Marsh", 2),
        at("Norland", 3),
        at("Ada Quill"),
        at("Ivo Marsh", 3),
        at("Ada Quill", 1),
        at("Norland", 4),
        at("Ivo Marsh", 4),
        at("Norland", 5),
        at("Harbor League", 3),
        at("Harbor League", 4),
        at("Norland", 6),
        at("Ada Quill", 2),
        at("Harbor League", 5),
    )
    other = (EntityMention("Norland", "GPE", 0, 7, 0),)
    entities = resolve_entities({"h": mentions, "o": other})
    return Corpus(
        articles={"h": Article("h", HEADS), "o": Article("o", "Norland")},
        annotations={
            "h": Annotations("h", mentions=mentions),
            "o": Annotations("o", mentions=other),
        },
        entities=entities,
        copies=[],
    )


LABELS = {"Norlandic": "NORP", "Ivo Marsh": "PERSON", "Harbor League": "ORG", "Norland": "GPE",
          "Ada Quill": "PERSON"}  # fmt: skip


def speaker_of(c: Corpus, span: str) -> str | None:
    at = HEADS.index(span)
    found = speaker_entity(c, "h", quote(span, at, at + len(span)))
    return None if found is None else found.name


def test_the_head_of_the_speaker_phrase_is_the_speaker() -> None:
    c = heads_corpus()
    # a nationality is nobody's voice, unless before a government word: its country's
    assert speaker_of(c, "Norlandic state television") is None
    assert speaker_of(c, "The Norlandic government") is None  # "Norlandic" is no known country
    # a name after a preposition is not the speaker ...
    assert speaker_of(c, "An aide under President Ivo Marsh") is None
    assert speaker_of(c, "A friend of Ivo Marsh") is None
    assert speaker_of(c, "Residents in Norland") is None
    # ... unless what was said came from it, or its people work there
    assert speaker_of(c, "A statement by the Harbor League") == "Harbor League"
    assert speaker_of(c, "Officials at the Harbor League") == "Harbor League"
    assert speaker_of(c, "The head of the Harbor League") == "Harbor League"
    # "of" inside a title does not hide the person
    assert speaker_of(c, "Interior Secretary of Norland Ada Quill") == "Ada Quill"
    # a participle after a noun works like a preposition; an adjective in -ing does not
    assert speaker_of(c, "The legal team representing Ivo Marsh") is None
    assert speaker_of(c, "The emerging leader Ada Quill") == "Ada Quill"
    # a possessor speaks through its envoys, spokespeople and chiefs, not its family or army
    assert speaker_of(c, "Norland's rebel army") is None
    assert speaker_of(c, "Ivo Marsh's family") is None
    assert speaker_of(c, "Norland's envoy to the Harbor League") == "Norland"
    assert speaker_of(c, "The Harbor League's spokesmen") == "Harbor League"
    assert speaker_of(c, "Norland's Ada Quill") == "Ada Quill"
    assert speaker_of(c, "The Harbor League's") == "Harbor League"  # as in "Moody's"


def test_a_governments_nationality_is_its_country() -> None:
    text = "The Icelandic government said it. Icelandic television said it. Iceland spoke."
    mentions = (
        EntityMention("Icelandic", "NORP", 4, 13, 0),
        EntityMention("Icelandic", "NORP", 34, 43, 1),
        EntityMention("Iceland", "GPE", text.index("Iceland spoke"), text.index(" spoke"), 2),
    )
    c = Corpus(
        articles={"i": Article("i", text)},
        annotations={"i": Annotations("i", mentions=mentions)},
        entities=resolve_entities({"i": mentions}),
        copies=[],
    )
    government = speaker_entity(c, "i", quote("The Icelandic government", 0, 24))
    assert government is not None and government.name == "Iceland"
    assert speaker_entity(c, "i", quote("Icelandic television", 34, 54)) is None


def test_a_place_before_the_head_speaks_only_through_its_government() -> None:
    """ "a US media report", "a UK hospital" are not the country; "US officials" and "the
    US state department" are."""
    text = (
        "A Norland media report said it. Norland officials said it. A Norland hospital said "
        "it. The Norland state department said it."
    )
    spans = (
        "A Norland media report",
        "Norland officials",
        "A Norland hospital",
        "The Norland state department",
    )
    mentions = tuple(
        EntityMention("Norland", "GPE", text.index(s) + s.index("Norland"), 0, n)
        for n, s in enumerate(spans)
    )
    mentions = tuple(
        EntityMention(m.text, m.label, m.start, m.start + 7, m.sentence) for m in mentions
    )
    c = Corpus(
        articles={"n": Article("n", text)},
        annotations={"n": Annotations("n", mentions=mentions)},
        entities=resolve_entities({"n": mentions}),
        copies=[],
    )
    found = []
    for span in spans:
        at = text.index(span)
        entity = speaker_entity(c, "n", quote(span, at, at + len(span)))
        found.append(None if entity is None else entity.name)
    assert found == [None, "Norland", None, "Norland"]


def test_a_transcript_label_is_the_person_its_article_names_in_full() -> None:
    text = "ADA QUILL, HOST: Welcome.\nMARSH: Thanks.\nQUILL: Go on.\n"
    mentions = (EntityMention("ADA QUILL", "PERSON", 0, 9, 0),)
    elsewhere = (EntityMention("QUILL", "TERM", 0, 5, 0),)  # an acronym in another article
    c = Corpus(
        articles={"t": Article("t", text), "e": Article("e", "QUILL rules")},
        annotations={
            "t": Annotations("t", mentions=mentions),
            "e": Annotations("e", mentions=elsewhere),
        },
        entities=resolve_entities({"t": mentions, "e": elsewhere}),
        copies=[],
    )
    found = speaker_entity(c, "t", quote("QUILL"))
    assert found is not None and found.name.casefold() == "ada quill"


def test_the_employer_in_a_role_after_a_name_is_not_the_speaker() -> None:
    """ "ADA QUILL, NORTHGATE CORRESPONDENT:": the tagger missed the name and found only
    the employer in her role; the speaker is no entity rather than Northgate. A name
    set off after a role is still the head's own ("Northgate's chief, Ivo Marsh")."""
    text = (
        "ADA QUILL, NORTHGATE CORRESPONDENT: Crowds gathered.\n"
        "Northgate's chief, Ivo Marsh: We stay.\n"
    )
    employer = EntityMention("NORTHGATE", "ORG", 11, 20, 0)
    owner_at = text.index("Northgate's")
    marsh_at = text.index("Ivo Marsh")
    mentions = (
        employer,
        EntityMention("Northgate", "ORG", owner_at, owner_at + 9, 0),
        EntityMention("Ivo Marsh", "PERSON", marsh_at, marsh_at + 9, 0),
    )
    c = Corpus(
        articles={"t": Article("t", text)},
        annotations={"t": Annotations("t", mentions=mentions)},
        entities=resolve_entities({"t": mentions}),
        copies=[],
    )
    label = "ADA QUILL, NORTHGATE CORRESPONDENT"
    assert speaker_entity(c, "t", quote(label, 0, len(label))) is None
    chief = "Northgate's chief, Ivo Marsh"
    found = speaker_entity(c, "t", quote(chief, owner_at, owner_at + len(chief)))
    assert found is not None and found.name == "Ivo Marsh"


def _surname_corpus(others: int) -> Corpus:
    """Six articles on Ada Quill (one also "Quill" alone), one credit "Photo Ada Quill",
    ``others`` on Ivo Quill (each also "Quill"), and "q": "Mr Quill said it." naming
    nobody in full."""
    text = "Ada Quill spoke. Quill left."  # "Ivo Quill" has as many letters
    full = EntityMention("Ada Quill", "PERSON", 0, 9, 0)
    mentions = {f"a{i}": (full,) for i in range(6)}
    mentions["a0"] = (full, EntityMention("Quill", "PERSON", 22, 27, 1))
    mentions["b"] = (EntityMention("Photo Ada Quill", "PERSON", 0, 15, 0),)
    for i in range(others):
        mentions[f"c{i}"] = (
            EntityMention("Ivo Quill", "PERSON", 0, 9, 0),
            EntityMention("Quill", "PERSON", 22, 27, 1),
        )
    articles = {k: Article(k, text) for k in mentions} | {"q": Article("q", "Mr Quill said it.")}
    return Corpus(
        articles=articles,
        annotations={k: Annotations(k, mentions=v) for k, v in mentions.items()}
        | {"q": Annotations("q")},
        entities=resolve_entities(mentions),
        copies=[],
    )


def test_a_surname_alone_is_the_person_the_story_mostly_means_by_it() -> None:
    # "Mr Quill" in an article that names nobody in full is Ada Quill, whom the story
    # names far more than a stray credit "Photo Ada Quill"; beside an Ivo Quill named as
    # often, nobody
    found = speaker_entity(_surname_corpus(0), "q", quote("Mr Quill"))
    assert found is not None and found.name == "Ada Quill"
    assert speaker_entity(_surname_corpus(6), "q", quote("Mr Quill")) is None


def test_a_government_named_elsewhere_in_the_pile_is_not_this_article_s() -> None:
    # an older store holds "Government" as a name from one article; another article's
    # "The Government said" is its own country's government, not that one
    mentions = (EntityMention("Government", "ORG", 4, 14, 0),)
    text = "The Government said it would act."
    c = Corpus(
        articles={"a": Article("a", TEXT), "b": Article("b", text)},
        annotations={"a": Annotations("a"), "b": Annotations("b", mentions=mentions)},
        entities=resolve_entities({"b": mentions}),
        copies=[],
    )
    assert speaker_entity(c, "a", quote("The Government")) is None
    assert speaker_entity(c, "a", quote("Government")) is None
