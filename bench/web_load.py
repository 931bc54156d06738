"""Load on ``storyline serve``: many concurrent clients over every page and /api/ route.

    python bench/web_load.py --db /work/stores/h1n1.db          # 50 clients, 60 s
    python bench/web_load.py --clients 10 --duration 5          # a quick look

Starts ``storyline serve`` as a subprocess on a free loopback port, reads a few
real ids from it (an entity, an article, a quoted speaker, a week of the
timeline, search words), requests every URL once to warm it, then runs
``--clients`` threads for ``--duration`` seconds, each sending its next URL
as soon as the last answer is read (keep-alive, a ``--timeout`` per request).
Requests go to 127.0.0.1 only, and stop by themselves after the duration or
``--max-requests``. Errors are answers >= 500, timeouts and connection
failures. Reports requests/s, latency percentiles (overall and per route),
errors, and the server's resident memory (VmRSS) after start, after the warm
pass and after the load, plus its peak (VmHWM). Results go to
bench/results/web_load.json.

Without ``--db``, a store is built once from the T17 h1n1 topic (about 400
articles) under the temp directory and reused.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from common import T17, write_result

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


def storyline_command() -> list[str]:
    script = Path(sys.executable).parent / "storyline"
    if script.exists():
        return [str(script)]
    found = shutil.which("storyline")
    if found:
        return [found]
    return [sys.executable, "-c", "from storyline.present.cli import main; main()"]


def build_h1n1(path: Path) -> Path:
    """The T17 h1n1 topic as a store (built once, then reused)."""
    source = T17 / "h1n1" / "articles.jsonl.gz"
    if path.exists():
        return path
    if not source.exists():
        raise SystemExit(f"no --db given and no dataset at {source}")
    print(f"building {path} from {source} (a few minutes)", file=sys.stderr)
    partial = path.with_suffix(".partial.db")
    subprocess.run([*storyline_command(), "--db", str(partial), "add", str(source)], check=True)
    partial.rename(path)
    return path


def rss_kib(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (peak) of a process, in KiB."""
    out: dict[str, int] = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _sep, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(value.split()[0])
    except OSError:
        pass
    return out


class Serve:
    """``storyline serve`` in a subprocess, its log in a temp file."""

    def __init__(self, db: Path, startup_s: float = 120) -> None:
        self.port = free_port()
        self.log = tempfile.NamedTemporaryFile(
            prefix="storyline_serve_", suffix=".log", delete=False
        )
        command = [
            *storyline_command(),
            "--db",
            str(db),
            "serve",
            "--host",
            HOST,
            "--port",
            str(self.port),
        ]
        self.proc = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + startup_s
        while True:
            if self.proc.poll() is not None:
                raise SystemExit(
                    f"storyline serve exited ({self.proc.returncode}):\n{self.log_tail()}"
                )
            try:
                status, _body = get(self.port, "/api/sources", timeout=5)
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise SystemExit(f"storyline serve did not answer in {startup_s:.0f} s")
            time.sleep(0.1)

    def log_tail(self, n: int = 4000) -> str:
        return Path(self.log.name).read_text(errors="replace")[-n:]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        os.unlink(self.log.name)


def get(port: int, path: str, timeout: float = 30) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def get_json(port: int, path: str) -> Any:
    status, body = get(port, path)
    if status != 200:
        raise SystemExit(f"GET {path}: {status}")
    return json.loads(body)


def urls_for(port: int) -> list[tuple[str, str]]:
    """(route, URL) pairs: every page and /api/ route, with real ids and parameters."""
    entities = get_json(port, "/api/entities")["entities"][:20]
    articles = [a["id"] for a in get_json(port, "/api/articles")["articles"]][:40]
    quotes = get_json(port, "/api/quotes")["quotes"]
    events = get_json(port, "/api/timeline")["events"]
    days = sorted(e["date"] for e in events if len(e["date"]) == 10)
    mid = days[len(days) // 2] if days else "2009-05-01"
    week_from, week_to = mid, (dt.date.fromisoformat(mid) + dt.timedelta(days=6)).isoformat()
    speakers: dict[str, int] = defaultdict(int)
    for q in quotes:
        if q["speaker"] and not q["anonymous"]:
            speakers[q["speaker"]] += 1
    top_speakers = sorted(speakers, key=lambda s: -speakers[s])[:5] or ["minister"]
    words = [e["name"].split()[-1] for e in entities[:8]] or ["the"]
    event = next((i for i, e in enumerate(events) if e["date"] == mid), 0)
    week = {"gran": "day", "from": week_from, "to": week_to}
    out: list[tuple[str, str]] = []
    for k in range(max(len(entities), len(articles), 1)):
        ent = quote(entities[k % len(entities)]["id"], safe="") if entities else "none"
        art = quote(articles[k % len(articles)], safe="") if articles else "none"
        who = top_speakers[k % len(top_speakers)]
        word = words[k % len(words)]
        out += [
            ("/", "/"),
            ("/timeline", "/timeline"),
            ("/timeline?all", "/timeline?all=1"),
            ("/timeline (a week)", "/timeline?" + urlencode(week)),
            ("/timeline/evidence", "/timeline/evidence?" + urlencode({"date": mid, "i": event})),
            ("/entities", "/entities"),
            ("/entities/{id}", f"/entities/{ent}"),
            ("/quotes", "/quotes"),
            ("/quotes?speaker", "/quotes?" + urlencode({"speaker": who})),
            ("/sources", "/sources"),
            ("/facts", "/facts"),
            ("/articles", "/articles"),
            ("/articles/{id}", f"/articles/{art}"),
            ("/search", "/search?" + urlencode({"q": word})),
            ("/api/overview", "/api/overview"),
            ("/api/articles", "/api/articles"),
            ("/api/articles/{id}", f"/api/articles/{art}"),
            ("/api/timeline", "/api/timeline"),
            (
                "/api/timeline (a week)",
                "/api/timeline?" + urlencode({"from": week_from, "to": week_to}),
            ),
            ("/api/timeline?limit", "/api/timeline?limit=10"),
            ("/api/quotes", "/api/quotes"),
            ("/api/quotes?speaker", "/api/quotes?" + urlencode({"speaker": who})),
            ("/api/entities", "/api/entities"),
            ("/api/entities/{id}", f"/api/entities/{ent}"),
            ("/api/sources", "/api/sources"),
            ("/api/facts", "/api/facts"),
            ("/api/search", "/api/search?" + urlencode({"q": word})),
        ]
    return out


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    failures: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # route -> count
    failure_kinds: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    bytes: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def client(
    port: int,
    urls: list[tuple[str, str]],
    offset: int,
    stop_at: float,
    budget: list[int],
    timeout: float,
    tally: Tally,
) -> None:
    conn: http.client.HTTPConnection | None = None
    n = offset
    while time.monotonic() < stop_at:
        with tally.lock:
            if budget[0] <= 0:
                break
            budget[0] -= 1
        route, path = urls[n % len(urls)]
        n += 1
        started = time.monotonic()
        failure = None
        status = 0
        size = 0
        try:
            if conn is None:
                conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
            conn.request("GET", path)
            response = conn.getresponse()
            size = len(response.read())
            status = response.status
            if response.getheader("connection", "").lower() == "close":
                conn.close()
                conn = None
        except TimeoutError:
            failure = "timeout"
        except (OSError, http.client.HTTPException) as exc:
            failure = type(exc).__name__
        if failure is not None and conn is not None:
            conn.close()
            conn = None
        elapsed = time.monotonic() - started
        with tally.lock:
            tally.latencies[route].append(elapsed)
            tally.bytes += size
            if failure is not None:
                tally.failure_kinds[failure] += 1
                tally.failures[route] += 1
            else:
                tally.statuses[status] += 1
                if status >= 500:
                    tally.failures[route] += 1
    if conn is not None:
        conn.close()


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def load(
    port: int,
    urls: list[tuple[str, str]],
    *,
    clients: int,
    duration: float,
    timeout: float,
    max_requests: int,
) -> dict[str, Any]:
    """``clients`` threads for ``duration`` seconds (or ``max_requests`` in all)."""
    tally = Tally()
    budget = [max_requests]
    started = time.monotonic()
    stop_at = started + duration
    step = max(1, len(urls) // clients)
    threads = [
        threading.Thread(
            target=client, args=(port, urls, k * step, stop_at, budget, timeout, tally), daemon=True
        )
        for k in range(clients)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=duration + timeout + 30)
    elapsed = time.monotonic() - started
    every = [x for values in tally.latencies.values() for x in values]
    errors = sum(tally.failures.values())
    ms = 1000.0
    return {
        "clients": clients,
        "duration_s": round(elapsed, 2),
        "requests": len(every),
        "requests_per_s": round(len(every) / elapsed, 2) if elapsed else 0.0,
        "errors": errors,
        "error_kinds": dict(tally.failure_kinds),
        "statuses": {str(k): v for k, v in sorted(tally.statuses.items())},
        "p50_ms": round(percentile(every, 50) * ms, 1),
        "p90_ms": round(percentile(every, 90) * ms, 1),
        "p99_ms": round(percentile(every, 99) * ms, 1),
        "max_ms": round(max(every, default=0.0) * ms, 1),
        "mb_received": round(tally.bytes / 1e6, 1),
        "routes": {
            route: {
                "requests": len(values),
                "errors": tally.failures.get(route, 0),
                "p50_ms": round(percentile(values, 50) * ms, 1),
                "p99_ms": round(percentile(values, 99) * ms, 1),
            }
            for route, values in sorted(tally.latencies.items())
        },
    }


def warm(port: int, urls: list[tuple[str, str]], timeout: float) -> dict[str, int]:
    """Each distinct URL once, in order: fills the server's caches. Status counts."""
    seen: dict[str, int] = {}
    for _route, path in urls:
        if path not in seen:
            seen[path] = get(port, path, timeout=timeout)[0]
    counts: dict[str, int] = defaultdict(int)
    for status in seen.values():
        counts[str(status)] += 1
    return dict(counts)


def run(
    db: Path, *, clients: int, duration: float, timeout: float, max_requests: int
) -> dict[str, Any]:
    server = Serve(db)
    try:
        pid = server.proc.pid
        rss_started = rss_kib(pid)
        urls = urls_for(server.port)
        warm_started = time.monotonic()
        warmed = warm(server.port, urls, timeout)
        warm_s = time.monotonic() - warm_started
        rss_warm = rss_kib(pid)
        result = load(
            server.port,
            urls,
            clients=clients,
            duration=duration,
            timeout=timeout,
            max_requests=max_requests,
        )
        rss_after = rss_kib(pid)
        if result["errors"]:
            result["server_log_tail"] = server.log_tail()
    finally:
        server.stop()
    mib = 1024.0
    return {
        "db": str(db),
        "urls": len({path for _route, path in urls}),
        "routes_covered": len({route for route, _path in urls}),
        "timeout_s": timeout,
        "warm": {"seconds": round(warm_s, 2), "statuses": warmed},
        **result,
        "server_rss_mib": {
            "started": round(rss_started.get("VmRSS", 0) / mib, 1),
            "warm": round(rss_warm.get("VmRSS", 0) / mib, 1),
            "after": round(rss_after.get("VmRSS", 0) / mib, 1),
            "peak": round(rss_after.get("VmHWM", 0) / mib, 1),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, help="store to serve (default: T17 h1n1, built once)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    parser.add_argument("--max-requests", type=int, default=200_000, help="stop after this many")
    parser.add_argument("--out", default="web_load", help="result name under bench/results")
    args = parser.parse_args()
    db = args.db or build_h1n1(Path(tempfile.gettempdir()) / "storyline_web_load_h1n1.db")
    result = run(
        db,
        clients=args.clients,
        duration=args.duration,
        timeout=args.timeout,
        max_requests=args.max_requests,
    )
    result["command"] = " ".join(["python", "bench/web_load.py", *sys.argv[1:]])
    summary = {
        k: result[k] for k in ("requests", "requests_per_s", "errors", "p50_ms", "p99_ms", "max_ms")
    }
    print(json.dumps({**summary, "server_rss_mib": result["server_rss_mib"]}, indent=2))
    print("wrote", write_result(args.out, result))


if __name__ == "__main__":
    main()
