"""Crash test: ``kill -9`` at random moments during ``storyline add``, then check the store.

A reference store is built by one uninterrupted ``add`` of N real T17 articles.
Then ``add`` of the same file is started again and again on a second store and
killed with SIGKILL after a random delay (uniform over the reference run's
duration, so kills land while the model loads, while annotating, and while
linking). After every kill: SQLite's ``PRAGMA integrity_check`` (on SQLite), no
article stored twice, no article with annotation rows but no ``annotated``
mark (a half-written annotation). When a run finishes before its kill, the
store is complete; its views are compared and a fresh store starts the next
round. At the end every round's store is completed by one more ``add`` and its
views (``--json`` of articles, timeline, timeline --all where available,
quotes, entities, sources, facts) must be byte-identical to the reference's.

    .venv/bin/python bench/crash.py [--articles 200] [--kills 20] [--backend sqlite|postgres|both]

PostgreSQL runs use a throwaway server (scripts/throwaway-postgres.sh) on its own
port and data folder. Results: bench/results/crash.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, t17_articles, write_result  # noqa: E402

CLI = [sys.executable, "-c", "from storyline.present.cli import main; main()"]
VIEWS = ("articles", "timeline", "quotes", "entities", "sources", "facts")
PG_PORT = "55439"
PG_DATA = "/tmp/storyline-pgdata-crash"


def run_cli(db: str, *args: str, timeout: float = 1800) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, "--db", db, *args], capture_output=True, text=True, timeout=timeout)


def views(db: str) -> list[str]:
    out = []
    for view in VIEWS:
        proc = run_cli(db, view, "--json")
        if proc.returncode != 0:
            raise SystemExit(f"{view} failed on {db}: {proc.stderr}")
        out.append(proc.stdout)
    return out


class Backend:
    """Where a store lives, and the checks that can be made on it after a kill."""

    def __init__(self, kind: str, work: Path) -> None:
        self.kind = kind
        self.work = work
        self.url = ""
        self.count = 0
        if kind == "postgres":
            env = {**os.environ, "STORYLINE_PGPORT": PG_PORT, "STORYLINE_PGDATA": PG_DATA}
            script = ROOT / "scripts" / "throwaway-postgres.sh"
            self.url = subprocess.run(["bash", str(script), "start"], capture_output=True, text=True, env=env).stdout.strip()
            if not self.url:
                raise SystemExit("no PostgreSQL server could be started")

    def new_store(self) -> str:
        self.count += 1
        if self.kind == "sqlite":
            return str(self.work / f"store-{self.count}.db")
        name = f"crash_{os.getpid()}_{self.count}"
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres", "-qc", f"CREATE DATABASE {name}"],
            check=True, capture_output=True,
        )
        return self.url.rsplit("/", 1)[0] + "/" + name

    def check(self, db: str) -> dict[str, Any]:
        queries = {
            "articles": "SELECT count(*) FROM articles",
            "distinct_articles": "SELECT count(DISTINCT id) FROM articles",
            "annotated": "SELECT count(*) FROM annotated",
            "half_written": "SELECT count(DISTINCT article_id) FROM sentences "
            "WHERE article_id NOT IN (SELECT article_id FROM annotated)",
        }
        if self.kind == "sqlite":
            if not Path(db).exists():
                return {"articles": 0, "distinct_articles": 0, "annotated": 0, "half_written": 0, "integrity": "ok"}
            with sqlite3.connect(db) as conn:
                result: dict[str, Any] = {"integrity": conn.execute("PRAGMA integrity_check").fetchone()[0]}
                try:
                    for key, sql in queries.items():
                        result[key] = conn.execute(sql).fetchone()[0]
                except sqlite3.OperationalError:  # killed before the schema was made
                    result.update({k: 0 for k in queries})
            return result
        import psycopg

        with psycopg.connect(db) as conn:
            result = {"integrity": "n/a"}
            try:
                for key, sql in queries.items():
                    result[key] = conn.execute(sql).fetchone()[0]  # type: ignore[index]
            except psycopg.errors.UndefinedTable:
                result.update({k: 0 for k in queries})
        return result

    def close(self) -> None:
        if self.kind == "postgres":
            env = {**os.environ, "STORYLINE_PGPORT": PG_PORT, "STORYLINE_PGDATA": PG_DATA}
            subprocess.run(["bash", str(ROOT / "scripts" / "throwaway-postgres.sh"), "stop"], env=env)


def crash_run(backend: Backend, source: Path, kills: int, rng: random.Random) -> dict[str, Any]:
    reference_db = backend.new_store()
    start = time.perf_counter()
    proc = run_cli(reference_db, "add", str(source))
    duration = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"reference add failed: {proc.stderr}")
    reference = views(reference_db)

    stores = [backend.new_store()]
    records: list[dict[str, Any]] = []
    problems: list[str] = []
    while len([r for r in records if r["killed"]]) < kills:
        db = stores[-1]
        delay = rng.uniform(0.0, duration)
        child = subprocess.Popen([*CLI, "--db", db, "add", str(source)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            child.wait(timeout=delay)
            killed = False
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGKILL)
            child.wait()
            killed = True
        stderr = child.stderr.read() if child.stderr else ""
        state = backend.check(db)
        record = {"store": len(stores), "delay_s": round(delay, 2), "killed": killed, **state}
        records.append(record)
        if state["integrity"] not in ("ok", "n/a"):
            problems.append(f"integrity after kill {len(records)}: {state['integrity']}")
        if state["articles"] != state["distinct_articles"]:
            problems.append(f"duplicated articles after kill {len(records)}")
        if state["half_written"]:
            problems.append(f"{state['half_written']} half-written annotations after kill {len(records)}")
        if not killed:
            if child.returncode != 0:
                problems.append(f"a rerun failed: {stderr[-500:]}")
            stores.append(backend.new_store())  # complete: the next kills go to a fresh store
        print(json.dumps(record), file=sys.stderr)
    identical = 0
    for db in stores:
        proc = run_cli(db, "add", str(source))
        if proc.returncode != 0:
            problems.append(f"final rerun failed on {db}: {proc.stderr[-500:]}")
            continue
        if views(db) == reference:
            identical += 1
        else:
            problems.append(f"views of {db} differ from the uninterrupted run's")
    return {
        "reference_add_seconds": round(duration, 1),
        "kills": sum(1 for r in records if r["killed"]),
        "runs_finished_before_their_kill": sum(1 for r in records if not r["killed"]),
        "stores": len(stores),
        "stores_identical_to_reference": identical,
        "integrity_failures": sum(1 for r in records if r["integrity"] not in ("ok", "n/a")),
        "duplicated": sum(1 for r in records if r["articles"] != r["distinct_articles"]),
        "half_written": sum(1 for r in records if r["half_written"]),
        "annotated_at_each_kill": [r["annotated"] for r in records if r["killed"]],
        "problems": problems,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    results: dict[str, Any] = {"articles": args.articles, "seed": args.seed}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = work / "articles.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for row in t17_articles(args.articles, seed=args.seed):
                out.write(json.dumps(row) + "\n")
        kinds = ("sqlite", "postgres") if args.backend == "both" else (args.backend,)
        for kind in kinds:
            backend = Backend(kind, work)
            try:
                results[kind] = crash_run(backend, source, args.kills, rng)
            finally:
                backend.close()
            print(json.dumps({kind: results[kind]}, indent=2))
    path = write_result("crash", results)
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
