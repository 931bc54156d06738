"""One schema for SQLite and PostgreSQL (SQLAlchemy Core).

Per-article annotation tables are keyed by (article_id, idx) and replaced as a
unit, so re-running a stage for an article is idempotent. Link tables
(entities, copies) are corpus-wide and replaced as a unit by the link stage.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

migrations = Table(
    "storyline_migrations",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("title", Text),
    Column("outlet", Text),
    Column("url", Text),
    Column("published", String(10)),  # ISO date; strings sort and compare the same everywhere
    Column("published_source", String(16), nullable=False),
    Column("language", String(16), nullable=False),
    Column("origin", Text),
    Column("path", Text),
    Column("text", Text, nullable=False),
    Column("boilerplate", Text, nullable=False),  # JSON list
    Column("date_candidates", Text, nullable=False),  # JSON list of [value, score, source]
    # order of arrival, for stable listings; indexed: each add reads its max (migration 7)
    Column("seq", Integer, nullable=False, index=True),
    # ``text.outlets.outlet_key_of`` of outlet and URL (migration 8): an outlet's newest
    # pages, the furniture context of an add, are read through ``ix_articles_outlet_recent``
    Column("outlet_key", Text),
    # ``Article.read_id`` (migration 11): the hash of the text as read, which new
    # furniture rules do not move; an add looks a page up by it as well as by id
    Column("read_id", String(32), index=True),
)
Index("ix_articles_outlet_recent", articles.c.outlet_key, articles.c.published, articles.c.seq)

annotated = Table(
    "annotated",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    # what produced the annotations; indexed: "is any article of another version" is a
    # lookup (migration 8)
    Column("pipeline", String(200), nullable=False, index=True),
)


def _per_article(name: str, *columns: Column) -> Table:
    return Table(
        name,
        metadata,
        Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
        Column("idx", Integer, primary_key=True),
        *columns,
    )


sentences = _per_article(
    "sentences",
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

mentions = _per_article(
    "mentions",
    Column("text", Text, nullable=False),
    Column("label", String(32), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("expansion", Text),
    Column("title", Text),
)

timexes = _per_article(
    "timexes",
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("type", String(16), nullable=False),
    Column("value", String(64), nullable=False),
    Column("mod", String(32)),
    Column("interval_start", String(10)),
    Column("interval_end", String(10)),
    Column("anchor", String(16), nullable=False),
    Column("rule", String(64), nullable=False),
)

sentence_dates = _per_article(
    "sentence_dates",
    Column("sentence", Integer, nullable=False),
    Column("value", String(64), nullable=False),
    Column("interval_start", String(10), nullable=False),
    Column("interval_end", String(10), nullable=False),
    Column("rule", String(64), nullable=False),
    Column("timex", Integer),
)

quotes = _per_article(
    "quotes",
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("direct", Boolean, nullable=False),
    Column("speaker", Text),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("cue", Text),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("anonymous", Boolean, nullable=False),
    Column("addressee", Text),
    Column("sentence", Integer, nullable=False),
    Column("speaker_resolved", Text),
    Column("confidence", Float),  # added by migration 4: NULL in rows stored before it
)

citations = _per_article(
    "citations",
    Column("cites", Text, nullable=False),
    Column("cue", Text, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

quantities = _per_article(
    "quantities",
    Column("text", Text, nullable=False),
    Column("value", Float, nullable=False),
    Column("unit", String(64), nullable=False),
    Column("normalized_value", Float, nullable=False),
    Column("normalized_unit", String(64), nullable=False),
    Column("about", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("approximate", Boolean, nullable=False),
    Column("subject", Text),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(32), nullable=False),
    Column("aliases", Text, nullable=False),  # JSON list
)

entity_mentions = Table(
    "entity_mentions",
    metadata,
    Column("entity_id", String(32), ForeignKey("entities.id"), nullable=False, index=True),
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("mention_idx", Integer, primary_key=True),
)

copies = Table(
    "copies",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("copy_of", String(32), ForeignKey("articles.id"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("similarity", Float, nullable=False),
)

# Tables the annotate stage owns for one article, in dependency-free order.
ANNOTATION_TABLES = (sentences, mentions, timexes, sentence_dates, quotes, citations, quantities)

# Store-wide counters (key -> value). ``generation`` moves on every write of
# articles or annotations; ``linked_generation`` is the generation the stored
# links were computed from, written in the links' own transaction, so links
# left stale by an interrupted run are seen and rebuilt by the next one.
store_state = Table(
    "store_state",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Integer, nullable=False),
)

# Articles the pipeline failed on, per pipeline version: not retried on every
# later ``add`` (a new pipeline version tries them again).
annotation_failures = Table(
    "annotation_failures",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("pipeline", String(200), nullable=False),
    Column("code", String(8), nullable=False),
    Column("message", Text, nullable=False),
)

# Stories (issue 21). Each article keeps the story it joined when it arrived;
# a merge adds a redirect (old id -> the id it joined) instead of rewriting
# assignments, so ids once shown keep working. ``stories`` holds each live
# story's bookkeeping; ``story_index`` the online clusterer's state
# (``link.stories.StoryIndex`` as JSON) with a version that guards concurrent writers.
stories = Table(
    "stories",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text, nullable=False),
    Column("first_day", String(10), nullable=False),
    Column("last_day", String(10), nullable=False),
    Column("size", Integer, nullable=False),
)

article_stories = Table(
    "article_stories",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("story_id", String(64), nullable=False, index=True),
)

story_redirects = Table(
    "story_redirects",
    metadata,
    Column("old_id", String(64), primary_key=True),
    Column("new_id", String(64), nullable=False),
)

story_index = Table(
    "story_index",
    metadata,
    Column("key", String(32), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("state", Text, nullable=False),
)

# The clusterer's state as rows (migration 9; ``story_index.state`` keeps only its
# settings and document count): each live story's centroid and bookkeeping (JSON),
# found by its last day, since an add reads only the stories it can still reach
# (``StoryIndex.reach_days``); and the document frequency of each term, read for
# the terms an add's articles have. Reading or writing them costs what the add
# touches, not what the store holds.
story_states = Table(
    "story_states",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("last_day", String(10), nullable=False, index=True),
    Column("state", Text, nullable=False),
)

story_terms = Table(
    "story_terms",
    metadata,
    Column("term", Text, primary_key=True),
    Column("docs", Integer, nullable=False),
)

# Materialized views (migration 10): the payloads of the views a reader opens
# first (``views.snapshots.SNAPSHOT_VIEWS``), for the whole pile (scope "") and for
# each large story (scope = its id), as ``storyline refresh`` last computed them:
# at 100,000 articles those views cost minutes to build from the records, and a
# read answers from here in milliseconds. ``revision`` is the store's
# ``store_state`` revision they were built from (older: the store moved on since).
view_snapshots = Table(
    "view_snapshots",
    metadata,
    Column("scope", String(64), primary_key=True),
    Column("view", String(32), primary_key=True),
    Column("revision", Integer, nullable=False),
    Column("articles", Integer, nullable=False),
    Column("payload", Text, nullable=False),
)

# Entity ids (issue 21): an id is minted once, from the first mention of the
# entity it names (``link.entity_ids``), and kept while that mention stays in
# the entity; when entities merge the other ids redirect to the survivor.
entity_mints = Table(
    "entity_mints",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("article_id", String(32), nullable=False),
    Column("mention_idx", Integer, nullable=False),
)

# The incremental link's indexes (``link.incremental``). ``link_docs``: the
# articles linked so far, with the annotation pipeline they were linked from
# and their body shingles (sorted uint32 hashes) for scoring copies exactly.
link_docs = Table(
    "link_docs",
    metadata,
    Column("article_id", String(32), primary_key=True),
    Column("pipeline", String(200), nullable=False),
    Column("outlet", Text, nullable=False, index=True),  # ``ingest.furniture.outlet_key``
    Column("shingles", LargeBinary, nullable=False),
)

# MinHash LSH band keys (a hash of band number and band values) and long
# sentences of each linked article: where copy candidates come from.
copy_bands = Table(
    "copy_bands",
    metadata,
    Column("key", BigInteger, nullable=False, index=True),
    Column("article_id", String(32), nullable=False),
)

copy_sentences = Table(
    "copy_sentences",
    metadata,
    Column("key", BigInteger, nullable=False, index=True),
    Column("article_id", String(32), nullable=False),
)

# Every pair found to be a copy; ``copies`` holds each copy's best original among them.
copy_relations = Table(
    "copy_relations",
    metadata,
    Column("article_id", String(32), primary_key=True),
    # indexed apart too: a copy component is walked from either end (migration 7)
    Column("copy_of", String(32), primary_key=True, index=True),
    Column("kind", String(16), nullable=False),
    Column("similarity", Float, nullable=False),
)

# Entity index: per entity, each folded name form with its evidence (JSON:
# spellings, label votes, defined expansions, titles), and the lookup keys
# (the form, its variants, a person's surname) new mentions are matched on.
entity_forms = Table(
    "entity_forms",
    metadata,
    Column("entity_id", String(32), primary_key=True),
    Column("key", Text, primary_key=True),
    Column("stats", Text, nullable=False),
)

entity_keys = Table(
    "entity_keys",
    metadata,
    Column("key", Text, nullable=False, index=True),
    Column("entity_id", String(32), nullable=False, index=True),
    Column("weight", Integer, nullable=False),  # mentions behind the key in that entity
)

# How often each folded name is cited as a source ("according to Reuters").
cited_names = Table(
    "cited_names",
    metadata,
    Column("key", Text, primary_key=True),
    Column("count", Integer, nullable=False),
)

# Work a stage still owes an article (migration 8): ``add_articles`` queues a new
# article for ``annotate`` and ``stories``, storing its annotations moves it from
# ``annotate`` to ``link``; a stage takes an article off when it is done with it.
# What a stage owes is then read from here, not found by an anti-join over the store.
pending = Table(
    "pending",
    metadata,
    Column("stage", String(16), primary_key=True),
    Column("article_id", String(32), primary_key=True),
)
STAGES = ("annotate", "link", "stories")

LINK_STATE_TABLES = (
    link_docs,
    copy_bands,
    copy_sentences,
    copy_relations,
    entity_forms,
    entity_keys,
    cited_names,
)

entity_redirects = Table(
    "entity_redirects",
    metadata,
    Column("old_id", String(32), primary_key=True),
    Column("new_id", String(32), nullable=False),
)
