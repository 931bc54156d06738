"""The Python API: everything the CLI and the web UI do, as plain functions.

    from storyline import Options, Store, add, timeline
    store = Store("story.db")
    report = add(store, ["articles/"], manifest="articles/manifest.jsonl")
    print(timeline(store)["events"][0])

Each view function returns the JSON shape of ``shared/spec/cli.md``.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from .ingest import read_paths
from .ingest.furniture import outlet_key, strip_furniture
from .models import AddReport, Annotations, Article, ItemError
from .options import Options
from .store import Store
from .views.corpus import Corpus
from .views.snapshots import Refreshed
from .views.story import Story

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def open_store(options: Options | None = None, *, read_only: bool = False) -> Store:
    options = options or Options()
    return Store(options.db, read_only=read_only)


def add(
    store: Store,
    paths: Iterable[str | Path],
    *,
    manifest: str | Path | None = None,
    options: Options | None = None,
    progress: Progress | None = None,
) -> AddReport:
    """Ingest, annotate, link and store. Idempotent: known articles are skipped.

    Articles are stored a chunk at a time as they are read (``ingest``) and
    annotated a chunk at a time; annotations are committed every few seconds, so
    an interrupted run loses seconds of work and the next run resumes where it
    stopped (``Store.unannotated``; the ``resume`` progress
    stage says how many it takes over). Links are rebuilt last, whenever they
    are older than the stored annotations (``Store.links_current``), so links
    an interrupted run left stale are repaired by the next one.
    """
    from .annotate.pipeline import load_pipeline
    from .scale import pipeline_version_for

    options = options or Options()
    report = ingest(store, paths, manifest=manifest, options=options)
    added = report.added

    # The version is read from the pipeline's files: the driver loads spaCy only
    # when it annotates itself.
    version = pipeline_version_for(options.models)
    todo_ids = store.unannotated(version)
    fresh = set(added)
    report.resumed = sum(1 for article_id in todo_ids if article_id not in fresh)
    if report.resumed and progress:
        progress("resume", report.resumed, len(todo_ids))
    if todo_ids and options.executor == "ray":
        # Ray's workers read their shards from the store and write their records
        # there themselves: nothing goes through the driver per article.
        _annotate_in_workers(store, todo_ids, version, options, report, progress)
    elif todo_ids:
        nlp = load_pipeline(options.models)
        for start in range(0, len(todo_ids), ANNOTATE_CHUNK):
            part = store.articles(todo_ids[start : start + ANNOTATE_CHUNK])
            _annotate_and_store(
                store,
                part,
                nlp,
                version,
                options,
                report,
                progress,
                done_before=start,
                total=len(todo_ids),
            )
    failed_now = {e.item for e in report.errors}
    report.earlier_failures = [e for e in store.failures() if e.item not in failed_now]
    relink(store, progress=progress)
    assign_stories(store, progress=progress)
    return report


# Articles read, cleaned of furniture and stored at a time.
INGEST_CHUNK = 1000
# Stored pages of an outlet that furniture in a chunk is judged against (its newest).
CONTEXT_PER_OUTLET = 300
# Articles annotated at a time: the executor's input is read from the store per chunk.
ANNOTATE_CHUNK = 2000


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    *,
    manifest: str | Path | None = None,
    options: Options | None = None,
) -> AddReport:
    """``add``'s first stage: read, clean of furniture and store, without annotating.
    Input is read, cleaned and stored a chunk at a time (``INGEST_CHUNK``), so memory
    follows the chunk, not the pile."""
    options = options or Options()
    report = AddReport()
    chunk: list[Article] = []
    for result in read_paths(paths, manifest=manifest, max_bytes=options.max_article_bytes):
        if isinstance(result, ItemError):
            report.errors.append(result)
            continue
        chunk.append(result)
        if len(chunk) >= INGEST_CHUNK:
            store_articles(store, chunk, report)
            chunk = []
    if chunk:
        store_articles(store, chunk, report)
    return report


def store_articles(
    store: Store, chunk: Sequence[Article], report: AddReport | None = None
) -> AddReport:
    """Store articles already read (``ingest``'s step per chunk; a caller with its
    own ``Article`` records may call it), text an outlet repeats on many of its
    pages (adverts, notices) first moved to ``boilerplate``: judged against the
    chunk and the outlet's newest stored pages. Adds to ``report`` when given."""
    report = report if report is not None else AddReport()
    context = store.articles(store.outlet_pages(map(outlet_key, chunk), CONTEXT_PER_OUTLET))
    articles, furniture_errors = strip_furniture(chunk, context=context)
    report.errors.extend(furniture_errors)
    added, present = store.add_articles(articles)
    report.added.extend(added)
    report.unchanged.extend(present)
    return report


def assign_stories(store: Store, *, progress: Progress | None = None) -> int:
    """Put the articles no story holds yet into stories, against the stored story
    index (``link.story_index``); returns how many were assigned."""
    from .link.story_index import assign_stories as assign

    return len(assign(store, progress=progress).assignments)


def _annotate_in_workers(
    store: Store,
    todo_ids: Sequence[str],
    version: str,
    options: Options,
    report: AddReport,
    progress: Progress | None,
) -> None:
    from .scale import ShardReport, make_executor

    done = 0

    def on_shard(shard: ShardReport) -> None:
        nonlocal done
        done += shard.annotated + len(shard.errors)
        if progress:
            progress("annotate", done, len(todo_ids))

    run = make_executor(options).run(store, todo_ids, version, on_shard=on_shard)
    report.errors.extend(run.errors)


COMMIT_EVERY = 64  # articles
COMMIT_SECONDS = 2.0  # an interruption loses at most about this much finished work


def _annotate_and_store(
    store: Store,
    todo: Sequence[Article],
    nlp: Any,
    version: str,
    options: Options,
    report: AddReport,
    progress: Progress | None,
    *,
    done_before: int = 0,
    total: int | None = None,
) -> None:
    total = len(todo) if total is None else total
    done = done_before

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress("annotate", done, total)

    # Results name their article (an error by path or id), whatever order an executor keeps.
    by_item = {article.path or article.id: article.id for article in todo}
    batch: list[Annotations] = []
    failed: list[tuple[str, ItemError]] = []
    last_commit = time.monotonic()
    for result in _annotate(todo, nlp=nlp, options=options, on_done=tick):
        if isinstance(result, ItemError):
            report.errors.append(result)
            failed.append((by_item.get(result.item, result.item), result))
        else:
            batch.append(result)
        if (
            len(batch) + len(failed) >= COMMIT_EVERY
            or time.monotonic() - last_commit >= COMMIT_SECONDS
        ):
            _commit(store, batch, failed, version)
            batch, failed = [], []
            last_commit = time.monotonic()
    _commit(store, batch, failed, version)


def _commit(
    store: Store, batch: list[Annotations], failed: list[tuple[str, ItemError]], version: str
) -> None:
    if batch:
        store.put_annotations(batch, version)
    if failed:
        store.put_failures(failed, version)


def relink(store: Store, *, progress: Progress | None = None, force: bool = False) -> bool:
    """Link the articles annotated since the last link, against the indexes kept
    in the store (``link.incremental``), if the links are older than the stored
    annotations or were made by other link rules (``LINK_RULES``: then the whole pile
    again); ``force``: forget every link and link the whole pile again (entity ids
    are kept). Returns whether it linked."""
    from .link.incremental import LINK_RULES, link_new, mark_linked

    if not force and store.links_current() and store.link_rules() == LINK_RULES:
        return False
    # A concurrent run may store more while this one links: link again (a few
    # times at most) so the last run to finish leaves current links.
    for attempt in range(3):
        generation = store.generation()
        if progress:
            progress("link", 0, 1)
        link_new(store, progress=progress, rebuild=force and attempt == 0)
        mark_linked(store, generation)
        if store.links_current():
            break
    return True


def _annotate(
    articles: Sequence[Article], *, nlp: Any, options: Options, on_done: Callable[[int], None]
) -> Any:
    """One result per article from the executor ``options.executor`` names
    (``scale.make_executor``); the caller stores them."""
    from .scale import make_executor

    return make_executor(options).map(articles, nlp=nlp, on_done=on_done)


def story(store: Store, options: Options | None = None, *, story: str | None = None) -> Story:
    """The read core over ``store``: its methods are the views (``views.story``);
    ``story``: a story id (``stories``), to show that story only."""
    return Story(store, options, story=story)


def refresh(
    store: Store,
    options: Options | None = None,
    *,
    min_articles: int | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> list[Refreshed]:
    """Materialize the views a reader opens first (``views.snapshots``): for the
    whole pile and for each story of at least ``min_articles`` articles, so they
    answer in milliseconds however large the store. Scopes already built from
    the current store are skipped unless ``force``; stored scopes of stories
    that are gone or now smaller are dropped. Returns what was built."""
    from .link.story_index import story_rows
    from .views.snapshots import MIN_ARTICLES, PILE, materialize

    options = options or Options(db=store.target)
    least = MIN_ARTICLES if min_articles is None else min_articles
    stories = [r["id"] for r in story_rows(store) if r["size"] >= least]
    current = store.revision()
    built = {s.scope: s.revision for s in store.snapshot_scopes()}
    gone = [scope for scope in built if scope != PILE and scope not in set(stories)]
    if gone:
        store.drop_snapshots(gone)
    todo = [scope for scope in (PILE, *stories) if force or built.get(scope) != current]
    done: list[Refreshed] = []
    for scope in todo:
        done.append(materialize(store, options, scope))
        if progress is not None:
            progress("refresh", len(done), len(todo))
    return done


def load(store: Store) -> Corpus:
    return Corpus.from_store(store)


def articles(store: Store) -> dict[str, Any]:
    return dict(story(store).articles())


def timeline(
    store: Store,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    entity: str | None = None,
    query: str | None = None,
    limit: int | None = None,
    all: bool = False,
    options: Options | None = None,
) -> dict[str, Any]:
    """What happened when: the digest by default; ``all``: every dated happening."""
    payload = story(store, options).timeline(
        start=start, end=end, entity=entity, query=query, limit=limit, all=all
    )
    return dict(payload)


def quotes(
    store: Store, *, speaker: str | None = None, all: bool = False, **filters: Any
) -> dict[str, Any]:
    """Who said what: by default the quotes that clear ``QUOTE_CONFIDENCE``; ``all``: every one.
    ``filters``: start, end, outlet, direct, indirect, anonymous, named, page, per_page
    (``Story.quotes``)."""
    return dict(story(store).quotes(speaker=speaker, all=all, **filters))


def overview(store: Store, *, options: Options | None = None) -> dict[str, Any]:
    """The story in brief: date range, top developments, latest news, key actors,
    quotes and figures (``views.overview``)."""
    return dict(story(store, options).overview())


def entities(store: Store) -> dict[str, Any]:
    return dict(story(store).entities())


def sources(store: Store) -> dict[str, Any]:
    return dict(story(store).sources())


def facts(store: Store) -> dict[str, Any]:
    return dict(story(store).facts())
