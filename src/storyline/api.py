"""The Python API: everything the CLI and the web UI do, as plain functions.

    from storyline import Options, Store, add, timeline
    store = Store("story.db")
    report = add(store, ["articles/"], manifest="articles/manifest.jsonl")
    print(timeline(store)["events"][0])

Each view function returns the JSON shape of ``shared/spec/cli.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from .build import views
from .build.corpus import Corpus
from .ingest import read_paths
from .models import AddReport, Article, ItemError
from .options import Options
from .store import Store

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

    Articles are stored as they are read; annotation resumes where a previous
    interrupted run stopped (``Store.unannotated``); links are rebuilt last.
    """
    from .annotate.pipeline import load_pipeline, pipeline_version
    from .link import link

    options = options or Options()
    report = AddReport()
    articles: list[Article] = []
    for result in read_paths(paths, manifest=manifest, max_bytes=options.max_article_bytes):
        if isinstance(result, ItemError):
            report.errors.append(result)
        else:
            articles.append(result)
    added, present = store.add_articles(articles)
    report.added, report.unchanged = added, present

    nlp = load_pipeline(options.models)
    version = pipeline_version(nlp)
    todo_ids = store.unannotated(version)
    if todo_ids:
        todo = store.articles(todo_ids)
        done = 0
        total = len(todo)

        def tick(n: int) -> None:
            nonlocal done
            done += n
            if progress:
                progress("annotate", done, total)

        results = _annotate(todo, nlp=nlp, options=options, on_done=tick)
        batch = []
        for result in results:
            if isinstance(result, ItemError):
                report.errors.append(result)
                continue
            batch.append(result)
            if len(batch) >= 64:
                store.put_annotations(batch, version)
                batch = []
        if batch:
            store.put_annotations(batch, version)
    if added or todo_ids or store.counts()["entities"] == 0:
        if progress:
            progress("link", 0, 1)
        corpus_articles = store.articles()
        entities, copies = link(corpus_articles, store.annotations())
        store.replace_links(entities, copies)
        if progress:
            progress("link", 1, 1)
    return report


def _annotate(articles: Sequence[Article], *, nlp: Any, options: Options, on_done: Callable[[int], None]) -> Any:
    if options.executor == "ray":
        from .scale.ray import annotate_ray

        return annotate_ray(articles, models=options.models, workers=options.workers, batch_size=options.batch_size)
    from .scale.local import annotate_local

    return annotate_local(
        articles,
        models=options.models,
        workers=options.workers,
        batch_size=options.batch_size,
        nlp=nlp,
        on_done=on_done,
    )


def load(store: Store) -> Corpus:
    return Corpus.from_store(store)


def articles(store: Store) -> dict[str, Any]:
    return views.articles_view(load(store))


def timeline(
    store: Store,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    entity: str | None = None,
    query: str | None = None,
    limit: int | None = None,
    options: Options | None = None,
) -> dict[str, Any]:
    options = options or Options()
    return views.timeline_view(
        load(store),
        start=start,
        end=end,
        entity=entity,
        query=query,
        limit=limit,
        n_dates=options.timeline_dates,
        sents_per_date=options.timeline_sentences,
    )


def quotes(store: Store, *, speaker: str | None = None) -> dict[str, Any]:
    return views.quotes_view(load(store), speaker=speaker)


def entities(store: Store) -> dict[str, Any]:
    return views.entities_view(load(store))


def sources(store: Store) -> dict[str, Any]:
    return views.sources_view(load(store))


def facts(store: Store) -> dict[str, Any]:
    return views.facts_view(load(store))
