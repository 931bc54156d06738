"""The records that flow between stages.

Every stage is a pure function from these records to these records; they are
plain frozen dataclasses so they pickle across a process pool or a Ray cluster
and map one-to-one onto the store's tables. Character offsets are always into
``Article.text`` (the cleaned article body, after boilerplate removal).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Where a publication date came from, strongest first. The order is the
# precedence used when several sources disagree.
DATE_SOURCES = ("manifest", "header", "html", "url", "text", "unknown")


@dataclass(frozen=True, slots=True)
class DateCandidate:
    """One guess at a publication date, with its provenance (trafilatura style)."""

    value: dt.date
    score: float
    source: str  # one of DATE_SOURCES


@dataclass(frozen=True, slots=True)
class Article:
    """One news article after ingest: clean text plus metadata."""

    # Stable content hash (ingest.article_id) of the text once the article's own furniture
    # lines are cut (ingest.boilerplate); the corpus-level furniture moved out later leaves it.
    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_source: str = "unknown"
    language: str = "en"
    origin: str | None = None  # what the manifest says the piece derives from
    path: str | None = None  # where it was read from, for error messages
    boilerplate: tuple[str, ...] = ()  # lines removed as site furniture, kept to show dimmed
    date_candidates: tuple[DateCandidate, ...] = ()
    # Content hash of the text as read, before any furniture is cut: a change of the
    # furniture rules moves ``id`` but not this, so adding the same file again after an
    # upgrade stays a no-op. None where unknown (rows stored before migration 11).
    read_id: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class EntityMention:
    text: str
    label: str  # spaCy label (PERSON, ORG, GPE, ...) or TERM for domain terms
    start: int
    end: int
    sentence: int
    # A longer form the article itself defines for this mention
    # ("Army Tactical Missile System" for "ATACMS"), if any.
    expansion: str | None = None
    # A title written before a person's name ("President", "Secretary of State"),
    # kept out of ``text``; a hint for telling people apart.
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3 temporal expression, normalized against the document date.

    ``value`` keeps its granularity (``2023``, ``2023-05``, ``2023-W36``,
    ``2023-05-09``, ``P17M``, ``PAST_REF`` ...). ``interval_start`` and
    ``interval_end`` are the inclusive days it covers, when it names a
    stretch of calendar time (not for durations, sets or vague refs).
    """

    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str
    mod: str | None = None  # START | MID | END | APPROX | BEFORE | AFTER ...
    interval_start: dt.date | None = None
    interval_end: dt.date | None = None
    anchor: str = "dct"  # what it was resolved against: dct | timex | none
    rule: str = ""  # which rule produced it, for explanations


@dataclass(frozen=True, slots=True)
class SentenceDate:
    """The time a sentence is about, and which rule decided it."""

    sentence: int
    value: str
    interval_start: dt.date
    interval_end: dt.date
    rule: str  # e.g. "timex" (a governing expression) or "publication"
    timex: int | None = None  # index into AnnotatedArticle.timexes


# The confidence a quote needs to be shown by default (``storyline quotes`` without
# ``--all``, the web quotes page, ``eval quotes`` without ``--all``). Chosen on PolNeAR
# train out-of-fold predictions by bench/train_quote_model.py, which stores the same
# value in quote_model.json (a test keeps the two equal).
QUOTE_CONFIDENCE = 0.45


@dataclass(frozen=True, slots=True)
class Quote:
    text: str  # the content, without quotation marks
    start: int
    end: int
    direct: bool
    speaker: str | None  # surface text of the speaker span, None when unknown
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    anonymous: bool = False
    addressee: str | None = None  # "Defense One" in "told Defense One"
    sentence: int = 0
    # The named speaker this was resolved to when the span is a pronoun or
    # a description ("he", "the official"): surface text of that mention.
    speaker_resolved: str | None = None
    # How likely the attribution (speaker and content) is right, from the learned
    # confidence model (``annotate.quotes.confidence``); views show by default only
    # quotes at or above ``QUOTE_CONFIDENCE``. 1.0 when no model scored it.
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Citation:
    cites: str  # outlet or source name as written
    cue: str
    sentence: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quantity:
    text: str
    value: float
    unit: str
    normalized_value: float
    normalized_unit: str
    about: str  # what it measures: range, production, count, money ...
    start: int
    end: int
    sentence: int
    approximate: bool = False
    # The entity or term the figure is about ("ATACMS" for its range), as written.
    subject: str | None = None


@dataclass(frozen=True, slots=True)
class Annotations:
    """Everything the annotate stage finds in one article."""

    article_id: str
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[EntityMention, ...] = ()
    timexes: tuple[Timex, ...] = ()
    sentence_dates: tuple[SentenceDate, ...] = ()
    quotes: tuple[Quote, ...] = ()
    citations: tuple[Citation, ...] = ()
    quantities: tuple[Quantity, ...] = ()


@dataclass(frozen=True, slots=True)
class ItemError:
    """One input that could not be processed; the batch goes on without it."""

    item: str  # file path, manifest line, or article id
    code: str  # e.g. "E101"
    message: str

    def __str__(self) -> str:
        return f"[{self.code}] {self.item}: {self.message}"


@dataclass
class AddReport:
    """What ``add`` did: counts plus every item error."""

    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[ItemError] = field(default_factory=list)
    # articles stored by an earlier, interrupted run and annotated by this one
    resumed: int = 0
    # articles an earlier run could not annotate (not retried by this pipeline version)
    earlier_failures: list[ItemError] = field(default_factory=list)


# ---- link and build records -------------------------------------------------


@dataclass(frozen=True, slots=True)
class MentionRef:
    """Points at one EntityMention: article id + index into Annotations.mentions."""

    article: str
    index: int


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world actor across the whole story."""

    id: str  # stable: derived from the canonical name and type
    name: str  # canonical (most informative) name
    type: str
    aliases: tuple[str, ...]
    mentions: tuple[MentionRef, ...]


@dataclass(frozen=True, slots=True)
class Copy:
    """``article`` repeats ``copy_of``: exactly, syndicated with edits, or rewritten."""

    article: str
    copy_of: str
    kind: str  # duplicate | syndicated | rewrite
    similarity: float


@dataclass(frozen=True, slots=True)
class Evidence:
    article: str
    sentence: int
    text: str
    outlet: str | None
    url: str | None
    published: dt.date | None


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    date: str  # keeps its granularity: 2023, 2023-05, 2023-W36, 2023-05-09
    start: dt.date
    end: dt.date
    summary: str
    evidence: tuple[Evidence, ...]
    score: float = 0.0
    # The summary's sentences as the timeline tells them (``views.entry``): the
    # evidence sentences without the words that only repeat the event's date.
    entries: tuple[str, ...] = ()
