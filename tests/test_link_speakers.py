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
