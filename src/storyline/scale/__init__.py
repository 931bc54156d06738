"""Executors: who annotates, where (``executor`` says how they share the work).

``make_executor(options)`` gives the one ``options.executor`` names: a
``LocalExecutor`` (this process or a local process pool) or a ``RayExecutor``
(Ray Data actors, on one machine or a cluster). ``annotate_store`` has the
executor's workers annotate what a store lacks and write it themselves.
"""

from __future__ import annotations

from .executor import (
    Executor,
    RunReport,
    ShardReport,
    ShardWorker,
    annotate_store,
    make_executor,
    shards,
)
from .version import pipeline_version_for, pipeline_version_from_files

__all__ = [
    "Executor",
    "RunReport",
    "ShardReport",
    "ShardWorker",
    "annotate_store",
    "make_executor",
    "pipeline_version_for",
    "pipeline_version_from_files",
    "shards",
]
