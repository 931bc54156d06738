"""The web UI in headless chromium: screenshots of each view, and timeline render times.

    python bench/web.py                      # both
    python bench/web.py --no-timing          # screenshots only (docs/screenshots/)
    python bench/web.py --no-screenshots --events 5000 --runs 5

Screenshots come from a store built from the bundled sample corpus
(src/storyline/sample) with the real pipeline. Timings come from a synthetic
store of ``--events`` dated events (tests/test_web_data.py builds it): the time
from navigation start to the first frame painted after the load event, for the
whole list on one page at each zoom level, best and median of ``--runs`` loads.
Results go to bench/results/web.json.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

from common import ROOT, write_result

sys.path.insert(0, str(ROOT / "tests"))

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
RENDERED = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  done({painted: performance.now(), response_end: nav.responseEnd, events: document.querySelectorAll('.events > li').length});
})))"""


class Server:
    def __init__(self, db: Path) -> None:
        import uvicorn

        from storyline.present.web import create_app

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        while not self.server.started:
            if not self.thread.is_alive():
                raise SystemExit("the web app did not start")
            time.sleep(0.02)
        self.url = f"http://127.0.0.1:{port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def sample_store(folder: Path) -> Path:
    from storyline import api
    from storyline.options import Options
    from storyline.store import Store

    sample = ROOT / "src" / "storyline" / "sample"
    db = folder / "sample.db"
    with Store(db) as store:
        report = api.add(store, [sample], manifest=sample / "manifest.jsonl", options=Options(db=str(db)))
    if report.errors:
        raise SystemExit(f"sample corpus failed: {report.errors[:3]}")
    return db


def screenshots(browser: Any, db: Path, out: Path) -> list[str]:
    from storyline import api
    from storyline.store import Store

    with Store(db, read_only=True) as store:
        entities = api.entities(store)["entities"]
        quotes = api.quotes(store)["quotes"]
        events = api.timeline(store)["events"]
    person = next((e for e in entities if e["type"] == "PERSON"), entities[0])
    quoted = max({q["article"] for q in quotes}, key=lambda a: sum(q["article"] == a for q in quotes))
    busiest = max(events, key=lambda e: len(e["evidence"]))
    word = person["name"].split()[-1]
    out.mkdir(parents=True, exist_ok=True)
    server = Server(db)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    written = []
    try:
        views = {
            "overview": "/",
            "timeline": "/timeline?gran=month",
            "actors": "/entities",
            "entity": f"/entities/{quote(person['id'], safe='')}",
            "quotes": "/quotes",
            "sources": "/sources",
            "facts": "/facts",
            "article": f"/articles/{quote(quoted, safe='')}",
            "search": f"/search?q={quote(word)}",
        }
        for name, path in views.items():
            page.goto(server.url + path)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(out / f"{name}.png"))
            written.append(name)
        # the timeline zoomed to one month, one event opened on its evidence
        page.goto(server.url + f"/timeline?gran=day&from={busiest['start'][:8]}01&to={busiest['end']}")
        page.locator(".events button.t", has_text=busiest["summary"][:40]).first.click()
        page.locator(".events .b .evidence li").first.wait_for()
        page.locator(".events button[aria-expanded=true]").first.scroll_into_view_if_needed()
        page.screenshot(path=str(out / "timeline-evidence.png"))
        written.append("timeline-evidence")
    finally:
        page.close()
        server.stop()
    return written


def timings(browser: Any, events: int, runs: int, folder: Path) -> dict[str, Any]:
    from test_web_data import synthetic_store

    started = time.perf_counter()
    db = synthetic_store(folder / "big.db", n_events=events)
    built = time.perf_counter() - started
    started = time.perf_counter()
    server = Server(db)
    startup = time.perf_counter() - started
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    result: dict[str, Any] = {"events": events, "runs": runs, "store_build_s": round(built, 2), "startup_s": round(startup, 2)}
    try:
        for label, path in (
            ("first page (250)", "/timeline"),
            ("all, auto zoom", f"/timeline?size={events}"),
            ("all, by month", f"/timeline?size={events}&gran=month"),
            ("all, by week", f"/timeline?size={events}&gran=week"),
            ("all, by day", f"/timeline?size={events}&gran=day"),
        ):
            painted = []
            for _ in range(runs):
                page.goto(server.url + path)
                got = page.evaluate(RENDERED)
                painted.append(got["painted"])
            result[label] = {
                "best_ms": round(min(painted)),
                "median_ms": round(statistics.median(painted)),
                "events_in_page": got["events"],
            }
            print(f"{label:18} best {min(painted):6.0f} ms  median {statistics.median(painted):6.0f} ms")
    finally:
        page.close()
        server.stop()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--screenshots", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--no-screenshots", action="store_true")
    parser.add_argument("--no-timing", action="store_true")
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            if not args.no_screenshots:
                names = screenshots(browser, sample_store(Path(tmp)), args.screenshots)
                print("screenshots:", ", ".join(f"{args.screenshots}/{n}.png" for n in names))
            if not args.no_timing:
                result = timings(browser, args.events, args.runs, Path(tmp))
                print("wrote", write_result("web", result))
        finally:
            browser.close()


if __name__ == "__main__":
    main()
