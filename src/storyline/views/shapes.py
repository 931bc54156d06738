"""The typed payloads of the views, mirroring ``shared/spec/cli.md``.

Required fields are the spec's; the views add more (``total=False`` parts).
Fields may be added, never renamed or removed: users script against them.
"""

from __future__ import annotations

from typing import TypedDict


class _ArticleRowExtra(TypedDict, total=False):
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


class QuotesPayload(TypedDict):
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
