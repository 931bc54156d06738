"""Every kind of bad input in tests/bad_inputs.py through ``storyline add`` at once,
beside good articles: each bad item gets its coded error naming it, the good ones
are stored and annotated, nothing is fetched, nothing hangs, and the whole run
stays under 1 GB of memory. ``STORYLINE_RELIABILITY_OUT=FILE`` also writes the
observed outcome per kind (for the table in docs/reliability.md)."""

from __future__ import annotations

import http.server
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bad_inputs import GOOD, NOTHING, STORED, Case, cases  # noqa: E402

PEAK_RSS_LIMIT_KB = 1024 * 1024  # 1 GiB
RUN_LIMIT_S = 900
# Runs the CLI as a child and reports the child's peak resident memory.
MEASURED = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:])\n"
    "print('PEAK_RSS_KB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(done.returncode)\n"
)
CLI = "from storyline.present.cli import main; main()"


class Counting(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        Counting.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"<html><body><p>fetched text must never be stored</p></body></html>")

    def log_message(self, *_args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def listener() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Counting)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, listener: str) -> tuple[Path, dict[str, tuple[Case, Path, list[Path]]]]:
    root = tmp_path_factory.mktemp("bad-input")
    made: dict[str, tuple[Case, Path, list[Path]]] = {}
    for n, case in enumerate(cases(listener), start=1):
        folder = root / f"case{n:02d}"
        folder.mkdir()
        made[case.kind] = (case, folder, case.make(folder))
    good = root / "good"
    good.mkdir()
    for n, town in enumerate(("Lund", "Brekk", "Holm")):
        (good / f"good{n}.txt").write_text(GOOD.replace("Varnes", town), encoding="utf-8")
    return root, made


def test_at_least_forty_kinds() -> None:
    assert len(cases()) >= 40
    assert len({c.kind for c in cases()}) == len(cases())


@pytest.mark.model
def test_bad_input_through_add(tmp_path: Path, corpus: tuple[Path, dict[str, tuple[Case, Path, list[Path]]]]) -> None:
    root, made = corpus
    Counting.requests.clear()
    paths = [str(p) for _case, _folder, case_paths in made.values() for p in case_paths]
    db = tmp_path / "store.db"
    argv = [sys.executable, "-c", MEASURED, sys.executable, "-c", CLI, "--db", str(db), "add", *paths, str(root / "good"), "--json"]
    started = time.monotonic()
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=RUN_LIMIT_S)
    seconds = time.monotonic() - started
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert proc.returncode == 1, proc.stderr[-3000:]  # some items failed, the rest stored
    peak = int(proc.stderr.rsplit("PEAK_RSS_KB", 1)[1].split()[0])
    assert peak < PEAK_RSS_LIMIT_KB, f"peak RSS {peak / 1024:.0f} MB"
    errors = json.loads(proc.stdout)["errors"]
    assert all(e["code"].startswith("E") and e["item"] for e in errors)

    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT a.path, n.article_id IS NOT NULL, a.text FROM articles a "
            "LEFT JOIN annotated n ON n.article_id = a.id"
        ).fetchall()
    assert Counting.requests == [], "a URL inside a file was fetched"
    assert not any("fetched text must never be stored" in text or "root:x:0:0" in text for _p, _a, text in rows)
    good = [r for r in rows if r[0] and "/good/" in r[0]]
    assert len(good) == 3 and all(annotated for _p, annotated, _t in good)

    observed: dict[str, Any] = {"_run": {"peak_rss_mb": round(peak / 1024), "seconds": round(seconds, 1), "errors": len(errors)}}
    for kind, (_case, folder, case_paths) in made.items():
        prefixes = [str(folder)] + [str(p) for p in case_paths]
        codes = sorted({e["code"] for e in errors if any(e["item"].startswith(p) for p in prefixes)})
        stored = [annotated for path, annotated, _t in rows if path and path.startswith(str(folder))]
        if codes:
            outcome = "|".join(codes)
        elif stored:
            outcome = STORED if all(stored) else "stored, not annotated"
        else:
            outcome = NOTHING
        observed[kind] = outcome
    if os.environ.get("STORYLINE_RELIABILITY_OUT"):
        Path(os.environ["STORYLINE_RELIABILITY_OUT"]).write_text(json.dumps(observed, indent=1), encoding="utf-8")
    wrong = {kind: (made[kind][0].expect, got) for kind, got in observed.items() if kind in made and not made[kind][0].accepts(got)}
    assert not wrong, wrong
    # every error line on stderr names its item
    printed = [line for line in proc.stderr.splitlines() if line.startswith("error: [E")]
    assert len(printed) >= len(errors)


@pytest.mark.parametrize("kind", [c.kind for c in cases()])
def test_each_kind_reads_in_bounded_time(kind: str, corpus: tuple[Path, dict[str, tuple[Case, Path, list[Path]]]]) -> None:
    """Ingest alone, per kind, under a time limit (no model: fast)."""
    from storyline.ingest import read_paths

    _root, made = corpus
    _case, _folder, paths = made[kind]
    results: list[Any] = []
    worker = threading.Thread(target=lambda: results.extend(read_paths(paths)), daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive(), f"{kind}: reading did not finish in 30 s"
