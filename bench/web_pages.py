"""Web pages on a 5,000-article store: server time, size and browser load time per page.

    nice -n 10 .venv/bin/python bench/web_pages.py [--db /tmp/web5000.db] [--articles 5000] [--no-browser]

The store is made once by ``bench/clone_store.py`` (clones of the annotated
T17 h1n1 and haiti stores, no spaCy run) unless ``--db`` names one that
exists. The app runs in this process under uvicorn; startup builds the views
the unfiltered pages show (``routes.timeline.warm``), as ``storyline serve``
does. For each page: the server's time to the last byte on the first request
(``cold``: views built for its parameters, page rendered) and the best of
three later ones (``warm``: from the story's cache), and the body's size. The
main pages are then loaded in Debian's chromium (Playwright): navigation start
to the first frame painted after the load event, best of three. ``/api/``
answers are timed after the pages: they come from the same cache, so they
need no build of their own. Writes bench/results/web_pages.json.
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import sys
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from clone_store import clone_store  # noqa: E402
from common import write_result  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MAX_BYTES = 300 * 1024
MAX_BROWSER_MS = 1000
# Navigation start to the first frame painted after the load event.
RENDERED = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
  done(performance.now());
})))"""


class App:
    """The web app under uvicorn in a thread of this process, on a free loopback port."""

    def __init__(self, db: Path) -> None:
        import uvicorn

        from storyline.present.web import create_app

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        started = time.perf_counter()
        config = uvicorn.Config(
            create_app(str(db)), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        while not self.server.started:
            if not self.thread.is_alive():
                raise SystemExit("the web app did not start")
            time.sleep(0.05)
        self.startup_s = time.perf_counter() - started
        self.url = f"http://127.0.0.1:{self.port}"

    def get(self, path: str) -> tuple[int, bytes, float]:
        """Status, body and seconds to the last byte."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
        started = time.perf_counter()
        conn.request("GET", path, headers={"Host": "localhost"})
        response = conn.getresponse()
        body = response.read()
        seconds = time.perf_counter() - started
        conn.close()
        return response.status, body, seconds

    def json(self, path: str) -> Any:
        status, body, _s = self.get(path)
        assert status == 200, (path, status)
        return json.loads(body)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


def pages(app: App) -> list[str]:
    """The pages a reader opens, with real ids, speakers and a real week of the store."""
    top = app.json("/api/entities")["entities"][0]["id"]
    article = app.json("/api/articles")["articles"][0]["id"]
    digest = app.json("/api/timeline")["events"]
    busiest = max(digest, key=lambda e: len(e["evidence"])) if digest else None
    import datetime as dt

    week: list[str] = []
    if busiest is not None:
        day = dt.date.fromisoformat(busiest["start"])
        monday = day - dt.timedelta(days=day.weekday())
        week = [f"/timeline?from={monday}&to={monday + dt.timedelta(days=6)}"]
    speakers = app.json("/api/quotes")["quotes"]
    named = next((q["speaker"] for q in speakers if q["speaker_entity"]), None)
    return [
        "/",
        "/timeline",
        *week,
        "/timeline?all=1",
        "/timeline?all=1&page=2",
        "/quotes",
        "/quotes?page=2",
        *(["/quotes?" + urlencode({"speaker": named})] if named else []),
        "/quotes?who=anonymous",
        "/entities",
        "/entities?page=2",
        f"/entities/{quote(top, safe='')}",
        "/sources",
        "/sources?show=citations",
        "/sources?show=copies",
        "/facts",
        "/facts?show=numbers&page=2",
        "/articles",
        "/articles?page=20",
        f"/articles/{quote(article, safe='')}",
        "/search?q=vaccine",
    ]


API = [
    "/api/overview",
    "/api/timeline",
    "/api/timeline?all=1",
    "/api/quotes",
    "/api/entities",
    "/api/sources",
    "/api/facts",
    "/api/articles",
]
BROWSER_PAGES = [
    "/",
    "/timeline",
    "/timeline?all=1",
    "/quotes",
    "/entities",
    "/sources",
    "/facts",
    "/articles",
]


def measure_server(app: App, paths: list[str]) -> list[dict[str, Any]]:
    rows = []
    for path in paths:
        status, body, cold = app.get(path)
        warm = min(app.get(path)[2] for _ in range(3))
        rows.append(
            {
                "path": path,
                "status": status,
                "bytes": len(body),
                "cold_ms": round(cold * 1000, 1),
                "warm_ms": round(warm * 1000, 1),
            }
        )
        print(
            f"{path:60s} {status} {len(body) / 1024:8.1f} KiB  cold {cold * 1000:8.1f} ms  warm {warm * 1000:7.1f} ms",
            flush=True,
        )
    return rows


def measure_browser(app: App, paths: list[str]) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1200, "height": 860})
        for path in paths:
            runs = []
            for _ in range(3):  # best of three: the machine is shared
                page.goto(app.url.replace("127.0.0.1", "localhost") + path)
                runs.append(page.evaluate(RENDERED))
            rows.append(
                {
                    "path": path,
                    "painted_ms": round(min(runs), 1),
                    "runs_ms": [round(r, 1) for r in runs],
                }
            )
            print(f"browser {path:50s} {min(runs):7.1f} ms", flush=True)
        browser.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, default=Path("/tmp/storyline_web5000.db"))
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    if not args.db.exists():
        started = time.perf_counter()
        clone_store(args.db, args.articles)
        from storyline.api import assign_stories
        from storyline.store import Store

        with Store(args.db) as store:  # as `add` leaves a store: its stories assigned
            assign_stories(store)
        print(
            f"cloned {args.articles} articles into {args.db} in {time.perf_counter() - started:.0f} s",
            flush=True,
        )
    app = App(args.db)
    print(f"startup (store read, unfiltered views built): {app.startup_s:.1f} s", flush=True)
    try:
        counts = {k: len(app.json(f"/api/{k}")[k]) for k in ("articles", "entities", "quotes")}
        server = measure_server(app, pages(app))
        api = measure_server(app, API)
        browser = [] if args.no_browser else measure_browser(app, BROWSER_PAGES)
    finally:
        app.stop()
    over_size = [r["path"] for r in server if r["bytes"] > MAX_BYTES]
    slow = [r["path"] for r in browser if r["painted_ms"] > MAX_BROWSER_MS]
    result = {
        "command": "nice -n 10 .venv/bin/python bench/web_pages.py",
        "store": {"path": str(args.db), **counts},
        "startup_s": round(app.startup_s, 1),
        "pages": server,
        "api": api,
        "browser": browser,
        "largest_page": max(server, key=lambda r: r["bytes"]),
        "slowest_warm_page": max(server, key=lambda r: r["warm_ms"]),
        "slowest_cold_page": max(server, key=lambda r: r["cold_ms"]),
        "over_300kb": over_size,
        "over_1s_in_browser": slow,
    }
    print(f"wrote {write_result('web_pages', result)}")


if __name__ == "__main__":
    main()
