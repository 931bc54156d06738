"""Shared helpers for benchmarks: locating ../shared and writing results."""

from __future__ import annotations

import gzip
import hashlib
import json
import platform
import random
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
T17 = SHARED / "datasets" / "t17"
RESULTS = ROOT / "bench" / "results"


def code_digest(paths: list[str]) -> str:
    """Hash of source files (relative to ``src/storyline``), to key a cached result on
    the code that made it: a cache is never used after that code changed."""
    src = ROOT / "src" / "storyline"
    h = hashlib.sha256()
    for name in sorted(paths):
        h.update(name.encode())
        h.update((src / name).read_bytes())
    return h.hexdigest()[:16]


def t17_articles(limit: int | None, seed: int = 13) -> list[dict[str, Any]]:
    """T17 articles (all topics), or a deterministic sample of ``limit``."""
    rows: list[dict[str, Any]] = []
    for path in sorted(T17.glob("*/articles.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            rows.extend(json.loads(line) for line in handle if line.strip())
    if limit is not None and limit < len(rows):
        rows = random.Random(seed).sample(rows, limit)
    return rows


def write_result(name: str, result: dict[str, Any]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    result = {
        **result,
        "machine": {
            "python": platform.python_version(),
            "cpu": platform.processor() or platform.machine(),
        },
    }
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return path
