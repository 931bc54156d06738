"""Everything the build stage reads, loaded once from the store."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from ..models import Annotations, Article, Copy, Entity, SentenceDate
from ..store import Store
from .tls.relevance import keyword_match, story_keywords

# Copies that repeat an original closely enough that their sentences add nothing.
REPEATING_KINDS = ("duplicate", "syndicated")


@dataclass
class Corpus:
    articles: dict[str, Article]
    annotations: dict[str, Annotations]
    entities: list[Entity]
    copies: list[Copy]
    # Indexes derived once in __post_init__ (never mutated after), so lookups
    # per quote or per sentence stay constant-time on large stories.
    entity_of_mention: dict[tuple[str, int], str] = field(default_factory=dict)
    copy_of: dict[str, Copy] = field(default_factory=dict)
    entity_by_id: dict[str, Entity] = field(default_factory=dict)
    _by_name: dict[str, list[Entity]] = field(default_factory=dict)
    _sentence_entities: dict[tuple[str, int], set[str]] = field(default_factory=dict)
    _sentence_dates: dict[tuple[str, int], SentenceDate] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.entity_of_mention = {
            (ref.article, ref.index): e.id for e in self.entities for ref in e.mentions
        }
        self.copy_of = {c.article: c for c in self.copies}
        self.entity_by_id = {e.id: e for e in self.entities}
        for e in self.entities:
            for name in dict.fromkeys(n.casefold().strip() for n in (e.name, *e.aliases)):
                self._by_name.setdefault(name, []).append(e)
        for article_id, ann in self.annotations.items():
            for i, mention in enumerate(ann.mentions):
                eid = self.entity_of_mention.get((article_id, i))
                if eid is not None:
                    self._sentence_entities.setdefault((article_id, mention.sentence), set()).add(
                        eid
                    )
            for sd in ann.sentence_dates:
                self._sentence_dates.setdefault((article_id, sd.sentence), sd)

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
        if name in self.entity_by_id:
            return [self.entity_by_id[name]]
        return list(self._by_name.get(name.casefold().strip(), ()))

    def sentence_entities(self, article_id: str, sentence: int) -> set[str]:
        return self._sentence_entities.get((article_id, sentence), set())

    def sentence_date(self, article_id: str, sentence: int) -> SentenceDate | None:
        return self._sentence_dates.get((article_id, sentence))

    def published(self, article_id: str) -> dt.date | None:
        return self.articles[article_id].published

    @cached_property
    def story_words(self) -> tuple[str, ...]:
        """The words the pile is about (``story_keywords`` over its articles, copies left
        out); empty when the pile has no clear story. Counted on first use."""
        texts = ((a.id, a.text) for a in self.articles.values() if not self.is_repeat(a.id))
        return story_keywords(texts)

    def off_story(self, article_id: str) -> bool:
        """The article holds none of the pile's words: a page about something else that
        came with the pile (a sports report among a war's coverage)."""
        words = self.story_words
        return bool(words) and not keyword_match(self.articles[article_id].text, words)
