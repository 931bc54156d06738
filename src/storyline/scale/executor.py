"""Executors as objects: one protocol, a local process pool and Ray behind it.

An executor annotates in two ways:

* ``map(articles)`` yields one result per article back to the caller, which
  stores them (``api.add``'s committing loop);
* ``run(store, ids, version)`` cuts the ids into shards and has each worker
  read its shard's articles from the store, annotate them with the pipeline it
  loaded once, and write the records itself: nothing per article passes
  through the driver, only a small report per shard.

Resume needs no shard table: a worker commits every few articles, and each
commit records its articles as annotated by this pipeline version
(``Store.put_annotations``, one transaction). A rerun asks the store what is
not annotated yet (``Store.unannotated``) and cuts only that into shards, so a
finished shard is skipped and an interrupted one resumes after its last
commit. Writing an article's annotations deletes any earlier ones first, so an
article written twice (a retried shard) is still stored once.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import AnnotateError
from ..models import Annotations, Article, ItemError

if TYPE_CHECKING:
    from spacy.language import Language

    from ..options import Options
    from ..store import Store

Result = Annotations | ItemError
ShardProgress = Callable[["ShardReport"], None]

# Articles a worker annotates between commits: an interrupted shard loses at
# most this many (or COMMIT_SECONDS of work), and a commit is not so small
# that the store's per-transaction cost dominates.
COMMIT_EVERY = 16
COMMIT_SECONDS = 2.0
# Articles per shard: large enough that the per-shard overhead (a store read,
# a task) is small against ~0.1 s of annotation per article; ``shards`` cuts
# smaller ones at the end of a run so the workers finish together.
SHARD_SIZE = 64


@dataclass
class ShardReport:
    """What one worker did with one shard (all a driver hears of it): ``seconds``
    the worker's wall time on it, store reads and writes included, and
    ``cpu_seconds`` its CPU time (what a busy machine does not inflate)."""

    annotated: int = 0
    errors: list[ItemError] = field(default_factory=list)
    seconds: float = 0.0
    cpu_seconds: float = 0.0

    def to_json(self) -> str:
        return json.dumps(
            {
                "annotated": self.annotated,
                "errors": [[e.item, e.code, e.message] for e in self.errors],
                "seconds": self.seconds,
                "cpu_seconds": self.cpu_seconds,
            }
        )

    @classmethod
    def from_json(cls, raw: str) -> ShardReport:
        data = json.loads(raw)
        errors = [ItemError(*e) for e in data["errors"]]
        return cls(data["annotated"], errors, data["seconds"], data["cpu_seconds"])


@dataclass
class RunReport:
    """A ``run``: how many articles were annotated, which failed, how many shards;
    ``busy_seconds`` and ``cpu_seconds``: the workers' wall and CPU time on
    shards, all workers together."""

    annotated: int = 0
    errors: list[ItemError] = field(default_factory=list)
    shards: int = 0
    busy_seconds: float = 0.0
    cpu_seconds: float = 0.0

    def add(self, shard: ShardReport) -> None:
        self.annotated += shard.annotated
        self.errors.extend(shard.errors)
        self.shards += 1
        self.busy_seconds += shard.seconds
        self.cpu_seconds += shard.cpu_seconds


class Executor(Protocol):
    """What ``api`` and ``annotate_store`` ask of an executor."""

    name: str
    workers: int

    def map(
        self,
        articles: Sequence[Article],
        *,
        nlp: Language | None = None,
        on_done: Callable[[int], None] | None = None,
    ) -> Iterator[Result]:
        """One result per article (in input order for the local executor)."""
        ...

    def run(
        self,
        store: Store,
        ids: Sequence[str],
        version: str,
        *,
        on_shard: ShardProgress | None = None,
    ) -> RunReport:
        """Annotate the articles ``ids`` of ``store``; workers write the records."""
        ...


class ShardedExecutor:
    """The settings every executor shares: the pipeline, the number of workers,
    the batch size, and what its shard workers (``ShardWorker``) are given:
    ``shard_size``, ``commit_every`` and ``crash_after`` (fault injection)."""

    name = "sharded"

    def __init__(
        self,
        *,
        models: tuple[str, ...],
        workers: int = 1,
        batch_size: int = 32,
        shard_size: int = SHARD_SIZE,
        commit_every: int = COMMIT_EVERY,
        crash_after: int | None = None,
    ) -> None:
        self.models = models
        self.workers = workers
        self.batch_size = batch_size
        self.shard_size = shard_size
        self.worker_settings: dict[str, Any] = {
            "batch_size": batch_size,
            "commit_every": commit_every,
            "crash_after": crash_after,
        }


# The smallest shard the taper at the end of a run cuts: below it a shard's
# fixed cost (a store read, a commit, a task) outweighs the balance it buys.
MIN_SHARD_SIZE = 2


def shards(ids: Sequence[str], size: int = SHARD_SIZE, workers: int = 1) -> list[list[str]]:
    """Consecutive runs of at most ``size`` ids, in the order given.

    With several ``workers``, the shards taper at the end (guided scheduling):
    each is at most the share ``remaining / (2 * workers)``, never below
    ``MIN_SHARD_SIZE``, so the last shards are small and no worker sits idle
    for most of a full shard while another finishes its last one.
    """
    parts: list[list[str]] = []
    start = 0
    while start < len(ids):
        cut = size
        if workers > 1:
            share = -(-(len(ids) - start) // (2 * workers))  # ceiling
            cut = max(MIN_SHARD_SIZE, min(size, share))
        parts.append(list(ids[start : start + cut]))
        start += cut
    return parts


def shared_target(store: Store) -> str:
    """The store as another process opens it: an absolute file path or a URL.
    An in-memory store cannot be shared (E271)."""
    target = store.target
    if target == ":memory:":
        raise AnnotateError(
            "workers cannot share an in-memory store: use a file or a postgresql:// URL",
            code="E271",
        )
    if "://" in target:
        return target
    return str(Path(target).expanduser().resolve())


class ShardWorker:
    """Holds one pipeline and one store connection; annotates shards into the store.

    ``crash_after``: fault injection for tests: the process exits abruptly
    (``os._exit``, no cleanup, as a killed worker would) once it has annotated
    that many articles, before committing the last of them.
    """

    def __init__(
        self,
        store: Store | str,
        models: tuple[str, ...],
        version: str,
        *,
        batch_size: int = 32,
        nlp: Language | None = None,
        commit_every: int = COMMIT_EVERY,
        crash_after: int | None = None,
    ) -> None:
        from ..annotate.pipeline import load_pipeline, pipeline_version
        from ..store import Store

        self.nlp = nlp if nlp is not None else load_pipeline(models)
        loaded = pipeline_version(self.nlp)
        if loaded != version:
            # A worker machine with another model or storyline would store records
            # under a version that did not make them.
            raise AnnotateError(
                f"this worker's pipeline is {loaded}, the run's is {version}: "
                "install the same storyline and model on every worker",
                code="E272",
            )
        self.store = Store(store) if isinstance(store, str) else store
        self.version = version
        self.batch_size = batch_size
        self.commit_every = commit_every
        self.crash_after = crash_after
        self.seen = 0

    def process(self, ids: Sequence[str]) -> ShardReport:
        from ..annotate.pipeline import annotate

        started, cpu_started = time.perf_counter(), time.process_time()
        report = ShardReport()
        articles = self.store.articles(ids)
        by_item = {article.path or article.id: article.id for article in articles}
        batch: list[Annotations] = []
        failed: list[tuple[str, ItemError]] = []
        last_commit = time.monotonic()
        for result in annotate(self.nlp, articles, batch_size=self.batch_size):
            self.seen += 1
            if self.crash_after is not None and self.seen >= self.crash_after:
                os._exit(17)
            if isinstance(result, ItemError):
                failed.append((by_item.get(result.item, result.item), result))
            else:
                batch.append(result)
            if (
                len(batch) + len(failed) >= self.commit_every
                or time.monotonic() - last_commit >= COMMIT_SECONDS
            ):
                self._commit(batch, failed, report)
                batch, failed = [], []
                last_commit = time.monotonic()
        self._commit(batch, failed, report)
        report.seconds = time.perf_counter() - started
        report.cpu_seconds = time.process_time() - cpu_started
        return report

    def _commit(
        self, batch: list[Annotations], failed: list[tuple[str, ItemError]], report: ShardReport
    ) -> None:
        if batch:
            report.annotated += self.store.put_annotations(batch, self.version)
        if failed:
            self.store.put_failures(failed, self.version)
            report.errors.extend(error for _id, error in failed)

    def close(self) -> None:
        self.store.close()


def make_executor(options: Options, **settings: Any) -> Executor:
    """The executor ``options.executor`` names, sized by ``options.workers``."""
    if options.executor == "ray":
        from .ray import RayExecutor

        return RayExecutor(
            models=options.models,
            workers=options.workers,
            batch_size=options.batch_size,
            **settings,
        )
    from .local import LocalExecutor

    return LocalExecutor(
        models=options.models, workers=options.workers, batch_size=options.batch_size, **settings
    )


def annotate_store(
    store: Store,
    options: Options,
    *,
    executor: Executor | None = None,
    on_shard: ShardProgress | None = None,
) -> RunReport:
    """Annotate every article of ``store`` this pipeline version has not done,
    the executor's workers writing to the store. Resumable: see the module note."""
    from .version import pipeline_version_for

    version = pipeline_version_for(options.models)
    todo = store.unannotated(version)
    if not todo:
        return RunReport()
    return (executor or make_executor(options)).run(store, todo, version, on_shard=on_shard)
