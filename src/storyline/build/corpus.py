"""Everything the build stage reads, loaded once from the store."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..models import Annotations, Article, Copy, Entity, EntityMention, SentenceDate
from ..store import Store

# Copies that repeat an original closely enough that their sentences add nothing.
REPEATING_KINDS = ("duplicate", "syndicated")


@dataclass
class Corpus:
    articles: dict[str, Article]
    annotations: dict[str, Annotations]
    entities: list[Entity]
    copies: list[Copy]
    # Derived indexes (built in __post_init__, never mutated after).
    entity_of_mention: dict[tuple[str, int], str] = field(default_factory=dict)
    copy_of: dict[str, Copy] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.entity_of_mention = {
            (ref.article, ref.index): e.id for e in self.entities for ref in e.mentions
        }
        self.copy_of = {c.article: c for c in self.copies}

    @classmethod
    def from_store(cls, store: Store) -> Corpus:
        articles = {a.id: a for a in store.articles()}
        return cls(
            articles=articles,
            annotations=store.annotations(),
            entities=store.entities(),
            copies=store.copies(),
        )

    def is_repeat(self, article_id: str) -> bool:
        copy = self.copy_of.get(article_id)
        return copy is not None and copy.kind in REPEATING_KINDS

    def entity_by_name(self, name: str) -> list[Entity]:
        """Entities whose name or an alias matches, case-insensitively (id works too)."""
        wanted = name.casefold().strip()
        exact = [e for e in self.entities if e.id == name]
        return exact or [
            e
            for e in self.entities
            if wanted == e.name.casefold() or wanted in (a.casefold() for a in e.aliases)
        ]

    def mentions_in_sentence(self, article_id: str, sentence: int) -> list[tuple[int, EntityMention]]:
        ann = self.annotations.get(article_id)
        if ann is None:
            return []
        return [(i, m) for i, m in enumerate(ann.mentions) if m.sentence == sentence]

    def sentence_entities(self, article_id: str, sentence: int) -> set[str]:
        return {
            self.entity_of_mention[(article_id, i)]
            for i, _m in self.mentions_in_sentence(article_id, sentence)
            if (article_id, i) in self.entity_of_mention
        }

    def sentence_date(self, article_id: str, sentence: int) -> SentenceDate | None:
        ann = self.annotations.get(article_id)
        if ann is None:
            return None
        for sd in ann.sentence_dates:
            if sd.sentence == sentence:
                return sd
        return None

    def published(self, article_id: str) -> dt.date | None:
        return self.articles[article_id].published
