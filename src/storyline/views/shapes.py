"""The typed payloads of the views, mirroring ``shared/spec/cli.md``.

Required fields are the spec's; the views add more (``total=False`` parts).
Fields may be added, never renamed or removed: users script against them.
"""

from __future__ import annotations

from typing import TypedDict


class _ArticleRowExtra(TypedDict, total=False):
    # Where ``title`` came from: "article" (as stored), "text" (its first line),
    # "url" (the last path segment), or "none".
    title_source: str
    copy_of: str | None
    copy_kind: str | None
    origin: str | None
    sentences: int


class ArticleRow(_ArticleRowExtra):
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    published_source: str
    duplicate_of: str | None
    language: str | None


class ArticlesPayload(TypedDict):
    articles: list[ArticleRow]


class _EvidenceExtra(TypedDict, total=False):
    sentence_index: int


class Evidence(_EvidenceExtra):
    article: str
    sentence: str
    outlet: str | None
    url: str | None
    published: str | None


class _EventExtra(TypedDict, total=False):
    score: float


class Event(_EventExtra):
    date: str
    start: str
    end: str
    summary: str
    evidence: list[Evidence]


class TimelinePayload(TypedDict):
    events: list[Event]


class _QuoteExtra(TypedDict, total=False):
    confidence: float
    speaker_type: str | None  # the speaker entity's type: PERSON, ORG ...
    role: str | None  # the speaker's role as the article gives it
    addressee: str | None
    published: str | None
    articles: list[str]
    outlets: list[str | None]


class QuoteRow(_QuoteExtra):
    text: str
    speaker: str | None
    speaker_entity: str | None
    anonymous: bool
    direct: bool
    cue: str | None
    article: str
    outlet: str | None
    date: str | None


class SpeakerGroup(TypedDict):
    """One speaker's quotes (indices into the page's ``quotes``)."""

    speaker: str | None
    speaker_entity: str | None
    role: str | None  # as the text gives it: "Health Secretary", "the agency's director"
    anonymous: bool
    count: int  # the speaker's quotes on every page
    quotes: list[int]


class _QuotesExtra(TypedDict, total=False):
    speakers: list[SpeakerGroup]
    total: int  # quotes that pass the filters, on every page
    page: int
    per_page: int | None
    pages: int


class QuotesPayload(_QuotesExtra):
    quotes: list[QuoteRow]


class EntityRow(TypedDict):
    id: str
    name: str
    type: str
    aliases: list[str]
    mentions: int
    articles: list[str]


class EntitiesPayload(TypedDict):
    entities: list[EntityRow]


class OutletRow(TypedDict):
    name: str
    articles: int


class _CitationExtra(TypedDict, total=False):
    outlet: str | None


class CitationRow(_CitationExtra):
    article: str
    cites: str
    cue: str | None
    sentence: str


class _CopyExtra(TypedDict, total=False):
    similarity: float


class CopyRow(_CopyExtra):
    article: str
    copy_of: str
    kind: str


class SourcesPayload(TypedDict):
    outlets: list[OutletRow]
    citations: list[CitationRow]
    copies: list[CopyRow]


class Normalized(TypedDict):
    value: float
    unit: str


class _FactExtra(TypedDict, total=False):
    approximate: bool
    sentence: str
    # What the figure is about: the annotation's subject, else the nearest named
    # thing in its sentence; ``subject_source`` says which ("annotation" | "nearest").
    subject: str | None
    subject_source: str | None


class FactRow(_FactExtra):
    about: str | None
    value: float
    unit: str
    normalized: Normalized
    text: str
    article: str
    outlet: str | None


class DisagreementRow(TypedDict):
    about: str
    facts: list[int]
    spread: str


class FactsPayload(TypedDict):
    facts: list[FactRow]
    disagreements: list[DisagreementRow]


class DateRange(TypedDict):
    first: str | None  # earliest publication day in the pile
    last: str | None
    articles: int
    undated: int


class Development(TypedDict):
    """A top development: a digest event, with the outlet that reported it first."""

    date: str
    start: str
    end: str
    summary: str
    sources: int
    first_reported: Evidence | None


class LatestItem(TypedDict):
    """The news of the latest publication days: what an article led with."""

    published: str
    article: str
    title: str | None
    outlet: str | None
    url: str | None
    sentence: str


class ActorRow(TypedDict):
    id: str
    name: str
    type: str
    mentions: int
    articles: int


class KeyFigure(TypedDict):
    text: str
    about: str | None
    subject: str | None
    value: float
    unit: str
    article: str
    outlet: str | None
    sentence: str
    outlets: int


class OverviewCounts(TypedDict):
    """How much material the story holds, as the overview's header lists it."""

    outlets: int
    key_dates: int  # events in the digest
    actors: int
    quotes: int


class OverviewPayload(TypedDict):
    range: DateRange
    counts: OverviewCounts
    developments: list[Development]
    latest: list[LatestItem]
    actors: list[ActorRow]
    quotes: list[QuoteRow]
    figures: list[KeyFigure]
