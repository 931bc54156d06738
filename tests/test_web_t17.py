"""A journalist's three questions, answered in the web UI (Debian's chromium, headless)
on a store built from a slice of the T17 ``h1n1`` topic, real scraped coverage:

(a) what happened in a given week: the week's digest, ranked, on one screen;
(b) who said what: quotes by a named speaker, filtered by date;
(c) which outlet reported something first.

And every page fits a 390 px wide phone without sideways scrolling. The store is
built once per session (about a minute of annotation); skipped without ../shared.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pytest

from live_server import CHROMIUM, Server, chromium

ROOT = Path(__file__).resolve().parents[1]
TOPIC = ROOT.parent / "shared" / "datasets" / "t17" / "h1n1" / "articles.jsonl.gz"
# Three weeks of early coverage, every other article: enough for weekly digests,
# named speakers quoted on several days and stories several outlets carried.
FIRST_DAY, LAST_DAY, EVERY, AT_MOST = "2009-04-24", "2009-05-14", 3, 60

pytestmark = [
    pytest.mark.browser,
    pytest.mark.model,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
    pytest.mark.skipif(
        not TOPIC.exists(), reason="needs ../shared/datasets/t17/h1n1 beside the checkout"
    ),
]

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect


def t17_slice(out: Path) -> Path:
    with gzip.open(TOPIC, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    rows = sorted(
        (r for r in rows if FIRST_DAY <= r["time"] <= LAST_DAY), key=lambda r: (r["time"], r["id"])
    )
    with gzip.open(out, "wt", encoding="utf-8") as handle:
        for row in rows[::EVERY][:AT_MOST]:
            handle.write(json.dumps(row) + "\n")
    return out


@pytest.fixture(scope="session")
def t17_db(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> Path:
    from storyline import api
    from storyline.options import Options
    from storyline.store import Store

    folder = tmp_path_factory.mktemp("t17_h1n1")
    db = folder / "store.db"
    with Store(db) as store:
        report = api.add(store, [t17_slice(folder / "h1n1.jsonl.gz")], options=Options(db=str(db)))
    assert report.added and not report.errors, report.errors
    return db


@pytest.fixture(scope="module")
def server(t17_db: Path) -> Iterator[Server]:
    live = Server(t17_db)
    yield live
    live.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    assert errors == [], errors
    context.close()


def shoot(page: Any, name: str) -> None:
    """A screenshot to ``$STORYLINE_SCREENSHOTS`` when set (docs/screenshots is made so)."""
    folder = os.environ.get("STORYLINE_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def api(page: Any, server: Server, path: str) -> Any:
    response = page.request.get(server.url + path)
    assert response.status == 200, path
    return response.json()


def test_what_happened_in_a_given_week(page: Any, server: Server) -> None:
    page.goto(server.url + "/timeline")  # opens on the digest
    expect(page.locator(".tabs a[aria-current=page]")).to_have_text("Digest")
    page.locator("#tl-form input[value=week]").check()  # the digest, week by week
    expect(page.locator("#tl-list h3").first).to_contain_text("Week")
    weeks = page.locator("#tl-list h3 a")
    busiest = max(
        range(weeks.count()),
        key=lambda i: int(
            re.search(r"(\d+) events?$", page.locator("#tl-list h3").nth(i).inner_text()).group(1)
        ),
    )  # type: ignore[union-attr]
    with page.expect_response(re.compile(r"/timeline\?")):
        weeks.nth(busiest).click()  # zoom into that week
    page.wait_for_url(re.compile(r"from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d"))
    start = dt.date.fromisoformat(re.search(r"from=([\d-]+)", page.url).group(1))  # type: ignore[union-attr]
    end = dt.date.fromisoformat(re.search(r"to=([\d-]+)", page.url).group(1))  # type: ignore[union-attr]
    assert (end - start).days == 6 and start.weekday() == 0  # a calendar week

    ranked = page.locator("ol.events.ranked > li")
    expect(ranked.first).to_be_visible()
    assert "most important first" in page.locator(".count").inner_text()
    shown = [t.strip() for t in page.locator("ol.events.ranked time").all_inner_texts()]
    digest = api(page, server, f"/api/timeline?from={start}&to={end}")["events"]
    assert shown == [e["date"] for e in sorted(digest, key=lambda e: -e["score"])]
    assert all(
        start <= dt.date.fromisoformat(e["start"]) and dt.date.fromisoformat(e["end"]) <= end
        for e in digest
    )
    # the digest of the week, not its full record
    assert len(shown) < len(
        api(page, server, f"/api/timeline?all=1&from={start}&to={end}")["events"]
    )
    # on one screen: the whole ranked list is no taller than the window
    box = page.locator("ol.events.ranked").bounding_box()
    assert box is not None and box["height"] <= page.viewport_size["height"], box
    shoot(page, "t17-week-digest")

    ranked.first.locator("button.t").click()  # every line has its sources one click away
    expect(ranked.first.locator(".b .evidence li").first).to_be_visible()


def test_who_said_what_filtered_by_date(page: Any, server: Server) -> None:
    quotes = api(page, server, "/api/quotes")["quotes"]
    by_speaker: dict[str, list[dict[str, Any]]] = {}
    for q in quotes:
        if q["speaker_entity"] and not q["anonymous"]:
            by_speaker.setdefault(q["speaker"], []).append(q)

    def rank(
        kv: tuple[str, list[dict[str, Any]]],
    ) -> tuple[bool, int, str]:  # a person quoted on most days
        return (
            kv[1][0].get("speaker_type") == "PERSON",
            len({q["published"] for q in kv[1]}),
            kv[0],
        )

    speaker, theirs = max(by_speaker.items(), key=rank)
    days = sorted({q["published"] for q in theirs})
    assert len(days) >= 2, f"{speaker} is quoted on one day only"
    start, end = days[1], days[-1]  # leave out their first day

    page.goto(server.url + "/quotes")
    page.locator("form.controls input[name=speaker]").fill(speaker)
    page.locator("form.controls input[name=from]").fill(start)
    with page.expect_response(re.compile(r"/quotes\?.*to=")):
        page.locator("form.controls input[name=to]").fill(end)
        page.locator("form.controls button[type=submit]").click()
    expect(page.locator("#q-list .speaker h2").first).to_contain_text(speaker)
    assert f"from={start}" in page.url and "speaker=" in page.url  # a link to share

    wanted = api(
        page, server, "/api/quotes?" + urlencode({"speaker": speaker, "from": start, "to": end})
    )
    assert wanted["quotes"] and all(start <= q["published"] <= end for q in wanted["quotes"])
    assert {q["text"] for q in theirs if start <= q["published"] <= end} <= {
        q["text"] for q in wanted["quotes"]
    }
    shown = [" ".join(t.split()) for t in page.locator("#q-list blockquote").all_inner_texts()]
    assert len(shown) == len(wanted["quotes"])
    dates = [
        re.search(r"\d{4}-\d\d-\d\d", t) for t in page.locator("#q-list .src").all_inner_texts()
    ]
    assert all(d is not None and start <= d.group(0) <= end for d in dates)  # quotes dated in range
    first_day = [q["text"] for q in theirs if q["published"] == days[0]]
    assert not any(
        text[:40] in " ".join(shown)
        for text in first_day
        if text not in {q["text"] for q in wanted["quotes"]}
    )
    # the speaker leads the page, with the role the text gives them when it gives one
    top = page.locator("#q-list .speaker h2").first.inner_text()
    role = next((g["role"] for g in wanted["speakers"] if g["speaker"] == speaker), None)
    assert speaker in top and (role is None or role in top)
    shoot(page, "t17-quotes-by-speaker")


def test_which_outlet_reported_first(page: Any, server: Server) -> None:
    page.goto(server.url + "/")
    developments = page.locator("ol.developments > li")
    expect(developments.first).to_be_visible()
    shoot(page, "t17-overview")
    brief = api(page, server, "/api/overview")
    reported = [d for d in brief["developments"] if d["first_reported"]]
    assert reported, "no development says who reported it first"
    d = reported[0]
    first = d["first_reported"]
    item = developments.filter(has_text=d["summary"][:60]).first
    assert f"first reported by {first['outlet']}, {first['published']}" in " ".join(
        item.inner_text().split()
    )
    # no article in the event's evidence was published before the one named
    events = api(
        page, server, "/api/timeline?" + urlencode({"from": d["start"], "to": d["end"], "all": 1})
    )["events"]
    earliest = min(ev["published"] for e in events for ev in e["evidence"] if ev["published"])
    assert first["published"] <= earliest
    item.locator("a", has_text=first["outlet"]).click()  # to the article that reported it
    page.wait_for_url(re.compile("/articles/" + re.escape(quote(first["article"], safe=""))))
    assert first["outlet"] in page.locator(".meta").inner_text()


PHONE_PAGES = [
    "/",
    "/timeline",
    "/timeline?all=1",
    "/quotes",
    "/entities",
    "/sources",
    "/facts",
    "/articles",
]


def test_pages_fit_a_phone(browser: Any, server: Server) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, device_scale_factor=2
    )
    page = context.new_page()
    entity = api(page, server, "/api/entities")["entities"][0]["id"]
    article = api(page, server, "/api/articles")["articles"][0]["id"]
    paths = [
        *PHONE_PAGES,
        f"/entities/{quote(entity, safe='')}",
        f"/articles/{quote(article, safe='')}",
    ]
    wide = {}
    for path in paths:
        assert page.goto(server.url + path).status == 200, path
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            wide[path] = width
        if path in ("/timeline", "/quotes"):
            shoot(page, "t17-phone" + path.replace("/", "-"))
    context.close()
    assert wide == {}, f"pages wider than a 390 px phone: {wide}"
