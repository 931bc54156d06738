"""The web workspace and the reports against hostile input: foreign Host headers (DNS
rebinding), parameters in full-text syntax, NUL characters and 10 KB strings, dates at
the ends of the calendar, and article data carrying HTML and script payloads (which
must stay text in every page, every report format and a real browser); and the cache
that keeps concurrent clients from each reading the whole store.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
import warnings
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette nudges towards httpx2
    from fastapi.testclient import TestClient

from live_server import CHROMIUM, Server, chromium
from storyline.present.report import FORMATS, render, timelinejs
from storyline.present.web import create_app
from storyline.present.web import state as state_module
from storyline.present.web.hosts import allowed_names, host_allowed, host_name
from storyline.present.web.rendering import period_label
from storyline.present.web.state import WebState
from storyline.store import Store
from storyline.views.periods import add_days, period, timeline_counts
from test_web_data import story_store

LOCAL = "http://localhost"
PWN = "window.__pwned=1"
SCRIPT = f"<script>{PWN}</script>"
IMG = f'"><img src=x onerror="{PWN}">'
SVG = f"<svg onload={PWN}>"
# Markup that must never reach a page unescaped.
RAW = (
    "<script>window",
    "<script>alert",
    "<img src=x",
    "<svg onload",
    "<iframe",
    "</textarea><",
    "<b>bold",
)


@pytest.fixture(scope="module")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return story_store(tmp_path_factory.mktemp("hostile_story") / "story.db")


@pytest.fixture(scope="module")
def client(story_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(story_db)), raise_server_exceptions=False, base_url=LOCAL) as c:
        yield c


def assert_error_shape(response: Any) -> None:
    """Any refusal is the app's own: JSON ``{"error": ...}`` under /api/, else an HTML page."""
    status = response.status_code
    if response.request.url.path.startswith("/api/"):
        body = response.json()
        assert body["error"]["status"] == status and re.fullmatch(r"E\d+", body["error"]["code"])
    else:
        assert response.headers["content-type"].startswith("text/html")
        assert re.search(r"<code>E\d+</code>", response.text), response.text[:300]


# ---- 1. Host header -----------------------------------------------------------------

ANSWERED = [
    "localhost",
    "localhost:8000",
    "LOCALHOST",
    "localhost.",
    "127.0.0.1",
    "127.0.0.1:1",
    "[::1]",
    "[::1]:8000",
]
REFUSED = [
    "evil.example",
    "evil.example:8000",
    "localhost.evil.example",
    "127.0.0.1.nip.io",
    "127.0.0.2",
    "testserver",
    "0.0.0.0:8000",
    "[::]:8000",
    "localhost:abc",
    "[::1]x",
    "localhost@evil.example",
    "",
]


@pytest.mark.parametrize("host", ANSWERED)
def test_loopback_names_are_answered(client: TestClient, host: str) -> None:
    assert client.get("/api/sources", headers={"host": host}).status_code == 200


@pytest.mark.parametrize("path", ["/", "/api/articles", "/static/app.css", "/nope"])
@pytest.mark.parametrize("host", REFUSED)
def test_other_hosts_get_400_in_the_error_shape(client: TestClient, host: str, path: str) -> None:
    response = client.get(path, headers={"host": host})
    assert response.status_code == 400
    assert_error_shape(response)
    assert (
        "content-security-policy" in response.headers
        and response.headers["x-frame-options"] == "DENY"
    )
    assert "Kestrel" not in response.text  # nothing from the store


def asgi_status(app: Any, headers: list[tuple[bytes, bytes]]) -> int:
    """One raw ASGI request (a client may send no Host, or two)."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/api/sources",
        "raw_path": b"/api/sources",
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 5),
        "server": ("127.0.0.1", 8000),
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    return int(sent[0]["status"])


def test_a_missing_or_doubled_host_is_refused(client: TestClient) -> None:
    app = client.app
    assert asgi_status(app, [(b"host", b"localhost")]) == 200
    assert asgi_status(app, []) == 400
    assert asgi_status(app, [(b"host", b"localhost"), (b"host", b"evil.example")]) == 400


def test_allowed_hosts_adds_names_but_never_wildcard_binds(story_db: Path) -> None:
    app = create_app(
        str(story_db), allowed_hosts=["storyline.lan", "0.0.0.0", "::", "*.corp.example"]
    )
    with TestClient(app, raise_server_exceptions=False, base_url=LOCAL) as c:
        for host, status in [
            ("storyline.lan:8000", 200),
            ("a.corp.example", 200),
            ("localhost", 200),
            ("corp.example", 400),
            ("0.0.0.0", 400),
            ("[::]", 400),
            ("evil.example", 400),
        ]:
            assert c.get("/api/sources", headers={"host": host}).status_code == status, host
    with TestClient(create_app(str(story_db), allowed_hosts=["*"]), base_url=LOCAL) as c:
        assert c.get("/api/sources", headers={"host": "anything.example"}).status_code == 200


def test_host_names() -> None:
    assert host_name("LocalHost:8000") == "localhost"
    assert host_name("[::1]:80") == "[::1]" and host_name("::1") == "[::1]"
    assert host_name("[::1]:x") is None and host_name("a:b") is None and host_name("") is None
    names = allowed_names(["192.168.1.5", "Box.Local"])
    assert host_allowed("box.local:9", names) and host_allowed("192.168.1.5", names)
    assert not host_allowed(None, names) and not host_allowed("box.local.evil", names)


# ---- 2. hostile parameters -----------------------------------------------------------

HOSTILE = [
    '"',
    "'",
    "NEAR(",
    "NEAR(a b, 2)",
    "*",
    "a*",
    "AND",
    "OR",
    "NOT",
    "-",
    "-x",
    "^x",
    "col:x",
    "( )",
    '" OR 1=1 --',
    "\x00",
    "a\x00b",
    "\x01\x1f\x7f",
    "\u202e\u200f",
    "\ufeff\uffff",
    SCRIPT,
    "{{7*7}}",
    "%00",
    "../../etc/passwd",
    "9999-12-31",
    "0001-01-01",
    "-1",
    "0",
    "9" * 30,
    "1e309",
    "NaN",
    "",
    " ",
    "x" * 10_240,
    "bridge " * 1_463,
    "\u00e9" * 5_120,
]
# (path, parameter); None: the value is the last path segment.
ROUTES: list[tuple[str, str | None]] = [
    ("/", "x"),
    ("/timeline", "from"),
    ("/timeline", "to"),
    ("/timeline", "entity"),
    ("/timeline", "outlet"),
    ("/timeline", "q"),
    ("/timeline", "gran"),
    ("/timeline", "page"),
    ("/timeline", "size"),
    ("/timeline/evidence", "date"),
    ("/timeline/evidence", "i"),
    ("/timeline/evidence", "entity"),
    ("/entities", "type"),
    ("/entities", "q"),
    ("/entities/", None),
    ("/quotes", "speaker"),
    ("/sources", "x"),
    ("/facts", "x"),
    ("/articles", "x"),
    ("/articles/", None),
    ("/search", "q"),
    ("/api/articles", "x"),
    ("/api/articles/", None),
    ("/api/timeline", "from"),
    ("/api/timeline", "to"),
    ("/api/timeline", "entity"),
    ("/api/timeline", "query"),
    ("/api/timeline", "limit"),
    ("/api/quotes", "speaker"),
    ("/api/entities", "x"),
    ("/api/entities/", None),
    ("/api/sources", "x"),
    ("/api/facts", "x"),
    ("/api/search", "q"),
    ("/api/search", "limit"),
]
BASE = {"/timeline/evidence": {"date": "2024-03-04"}}


@pytest.mark.parametrize(
    "value", HOSTILE, ids=[f"{i}-{ascii(v)[:14]}" for i, v in enumerate(HOSTILE)]
)
@pytest.mark.parametrize(("path", "name"), ROUTES, ids=[f"{p}{n or '{id}'}" for p, n in ROUTES])
def test_hostile_parameters_never_fail(
    client: TestClient, path: str, name: str | None, value: str
) -> None:
    if name is None:
        response = client.get(path + quote(value, safe=""))
    else:
        response = client.get(path + "?" + urlencode({**BASE.get(path, {}), name: value}))
    assert response.status_code < 500, response.text[:300]
    if response.status_code >= 400:
        assert_error_shape(response)
    if response.headers["content-type"].startswith("text/html"):
        assert SCRIPT not in response.text


def test_the_reported_500s(client: TestClient) -> None:
    assert client.get("/timeline?from=9999-12-01&to=9999-12-31&gran=day").status_code == 200
    for gran in ("year", "month", "week", "day"):
        assert client.get(f"/timeline?from=9999-12-25&to=9999-12-31&gran={gran}").status_code == 200
        assert client.get(f"/timeline?from=0001-01-01&to=0001-01-03&gran={gran}").status_code == 200
    assert client.get("/search?q=%00").status_code == 200
    assert client.get("/api/search?q=%00").json()["results"] == []


def test_search_takes_words_only_and_long_queries_just_work(client: TestClient) -> None:
    one = client.get("/api/search?q=girders").json()["results"]
    assert one
    for q in ("girders girders GIRDERS", "girders " * 1_400, "girders\x00", '"girders"'):
        response = client.get("/api/search?" + urlencode({"q": q}))
        assert response.status_code == 200 and response.json()["results"] == one, ascii(q)[:40]
    assert client.get("/search?" + urlencode({"q": "girders " * 1_400})).status_code == 200
    # the timeline's text filter tries each word on each sentence: a bounded number of words
    many = " ".join(f"w{i}" for i in range(100))
    assert (
        client.get("/api/timeline?" + urlencode({"query": many})).json()["error"]["code"] == "E422"
    )
    assert client.get("/timeline?" + urlencode({"q": many})).status_code == 422


# ---- dates at the ends of the calendar --------------------------------------------


def test_period_arithmetic_is_held_within_the_calendar() -> None:
    import datetime as dt

    last, first = dt.date.max, dt.date.min
    assert add_days(last, 1) == last and add_days(first, -1) == first
    assert period(last, "month") == ("9999-12", dt.date(9999, 12, 1), last)
    assert period(last, "week") == ("9999-W52", dt.date(9999, 12, 27), last)
    assert period(first, "week") == ("0001-W01", first, dt.date(1, 1, 7))
    assert period(dt.date(2024, 2, 10), "month")[2] == dt.date(2024, 2, 29)
    assert period_label("9999-W52", "week").startswith("Week 52, 9999")
    assert period_label("9999-12", "month") == "December 9999"
    granularity, rows = timeline_counts([first, last, last])
    assert granularity == "year" and rows == [("0001", 1), ("9999", 2)]  # not ten thousand bars
    granularity, rows = timeline_counts([dt.date(9999, 12, 20), last])
    assert granularity == "day" and rows[-1] == ("9999-12-31", 1)
    granularity, rows = timeline_counts([dt.date(9999, 11, 1), last])
    assert granularity == "week" and rows[-1][0] == "9999-W52"


EDGE_TEXT = (
    "Minister Anna Keller said on Monday that the bridge would open next week. "
    '"We are ready," Anna Keller said on Tuesday. Next month the council meets again; '
    "last year it met on December 30. The vote is set for January 2 and the week after."
)


def jsonl_store(folder: Path, records: list[dict[str, str]]) -> Path:
    """A store built by the real pipeline from these JSON Lines records."""
    from storyline import api
    from storyline.options import Options

    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "articles.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = folder / "store.db"
    with Store(db) as store:
        report = api.add(store, [source], options=Options(db=str(db)))
    assert not report.errors, report.errors
    return db


def every_url(c: TestClient) -> list[str]:
    """Every page and /api/ route, with each entity, article and event of the store."""
    entities = [quote(e["id"], safe="") for e in c.get("/api/entities").json()["entities"]]
    articles = [quote(a["id"], safe="") for a in c.get("/api/articles").json()["articles"]]
    events = c.get("/api/timeline?all=1").json()["events"]
    urls = [
        "/",
        "/timeline",
        "/timeline?all=1",
        "/entities",
        "/quotes",
        "/sources",
        "/facts",
        "/articles",
    ]
    urls += [
        "/search?q=Keller",
        "/sources?show=citations",
        "/facts?show=numbers",
        "/quotes?who=anonymous",
    ]
    urls += ["/quotes?speaker=Keller", "/timeline?entity=Anna+Keller", "/timeline?q=bridge"]
    urls += [f"/timeline?gran={g}" for g in ("year", "month", "week", "day")]
    for i, e in enumerate(events):
        urls.append("/timeline/evidence?" + urlencode({"date": e["date"], "i": i, "all": 1}))
        for g in ("year", "month", "week", "day"):
            urls.append("/timeline?" + urlencode({"gran": g, "from": e["start"], "to": e["end"]}))
    urls += [f"/entities/{e}" for e in entities] + [f"/articles/{a}" for a in articles]
    api = [
        "articles",
        "timeline",
        "timeline?all=1",
        "quotes",
        "quotes?speaker=Keller",
        "entities",
        "sources",
    ]
    urls += [f"/api/{name}" for name in [*api, "facts", "search?q=Keller"]]
    urls += [f"/api/timeline?from={e['start']}&to={e['end']}" for e in events]
    urls += [f"/api/entities/{e}" for e in entities] + [f"/api/articles/{a}" for a in articles]
    return urls


@pytest.mark.model
@pytest.mark.parametrize("days", [["9999-12-31"], ["0001-01-01"], ["0001-01-01", "9999-12-31"]])
def test_stores_dated_at_the_ends_of_the_calendar(
    tmp_path: Path, nlp: Any, days: list[str]
) -> None:
    records = [
        {
            "title": f"Edge {d}",
            "outlet": "Edge Wire",
            "url": f"https://edge.example/{d}",
            "published": d,
            "text": EDGE_TEXT,
        }
        for d in days
    ]
    db = jsonl_store(tmp_path, records)
    with TestClient(create_app(str(db)), raise_server_exceptions=False, base_url=LOCAL) as c:
        assert c.get("/api/timeline").json()["events"]
        for url in every_url(c):
            assert c.get(url).status_code == 200, url
    with Store(db, read_only=True) as store:
        for fmt in FORMATS:
            assert render(store, fmt)


@pytest.mark.model
@pytest.mark.parametrize(
    "days",
    [["9999-12-31"], ["0001-01-01"], ["0001-01-01", "9999-12-31"]],
)
def test_summarized_timeline_at_the_ends_of_the_calendar(
    tmp_path: Path, nlp: Any, days: list[str]
) -> None:
    records = [{"title": d, "published": d, "text": EDGE_TEXT} for d in days]
    db = jsonl_store(tmp_path, records)
    with TestClient(create_app(str(db)), raise_server_exceptions=False, base_url=LOCAL) as c:
        assert c.get("/api/timeline?limit=3").status_code == 200


# ---- 3. hostile text -------------------------------------------------------------

HOSTILE_RECORDS = [
    {
        "title": f"{SCRIPT}Minister backs {IMG} plan",
        "outlet": f"{IMG}Wire",
        "url": "javascript:alert(1)",
        "published": "2024-05-06",
        "origin": f"{SVG} agency",
        "text": f'"{SCRIPT} is the plan," the minister said on Monday. Minister Anna Keller said on May 2 '
        f'that "{IMG} would not stop the talks". The council of {{{{7*7}}}} met on Tuesday in Brussels, '
        f"Anna Keller said. On May 3, 2024, protesters in Lisbon wrote </textarea>{SVG} on a wall. "
        "Officials said 120 people attended on Friday, according to Reuters.",
    },
    {
        "title": "{{7*7}} \u202egnp.exe <b>bold</b>",
        "outlet": "<script>alert(1)</script>",
        "url": f"JaVaScRiPt:{PWN}",
        "published": "2024-05-07",
        "origin": '"><script>alert(1)</script>',
        "text": f'Anna Keller told reporters on Wednesday that "the {SVG} talks will resume in June". '
        f'The ministry said 300 {SCRIPT} doses arrived on May 5. "We will not '
        '<iframe src=javascript:alert(1)></iframe> back down," said Anna Keller.',
    },
    {
        "title": "A clean title",
        "outlet": "Clean Post",
        "url": 'https://ok.example/a"><script>alert(1)</script>',
        "published": "2024-05-08",
        "origin": "Clean Post",
        "text": f"Reuters reported on Thursday that Anna Keller met the {IMG} delegation in Brussels. "
        "The delegation said 150 tonnes of aid left on May 6.",
    },
    {
        "title": "Linked story",
        "outlet": "Linked Post",
        "url": "https://ok.example/story",
        "published": "2024-05-09",
        "text": "Anna Keller said on Friday that the talks would end in July.",
    },
]


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> Path:
    return jsonl_store(tmp_path_factory.mktemp("hostile_corpus"), HOSTILE_RECORDS)


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def assert_inert(html: str, where: str, tags: set[str] | None = None) -> None:
    """No payload as markup, no handler attribute, links only to the app or http(s)."""
    for raw in RAW:
        assert raw.casefold() not in html.casefold(), (where, raw)
    parser = Tags()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tags is None or tag in tags, (where, tag)
        assert not any(name.startswith("on") for name in attrs), (where, tag, attrs)
        if tag == "script":
            assert (attrs.get("src") or "").startswith("/static/"), (where, attrs)
        for name in ("href", "src", "action", "formaction", "srcset", "xlink:href"):
            value = re.sub(r"[\x00-\x20]", "", attrs.get(name) or "").casefold()
            if name in attrs:
                assert value.startswith(("/", "#", "?", "http://", "https://")), (
                    where,
                    tag,
                    name,
                    value,
                )


@pytest.mark.model
def test_pages_and_api_keep_hostile_text_inert(hostile_db: Path) -> None:
    with TestClient(
        create_app(str(hostile_db)), raise_server_exceptions=False, base_url=LOCAL
    ) as c:
        outlets = [o["name"] for o in c.get("/api/sources").json()["outlets"]]
        urls = every_url(c) + [
            "/search?" + urlencode({"q": "script"}),
            "/search?" + urlencode({"q": SCRIPT}),
        ]
        urls += ["/timeline?" + urlencode({"outlet": o}) for o in outlets]
        urls += ["/entities?" + urlencode({"q": SCRIPT}), "/quotes?" + urlencode({"speaker": IMG})]
        assert (
            len(c.get("/api/quotes").json()["quotes"]) >= 3
            and len(c.get("/api/timeline?all=1").json()["events"]) >= 5
        )
        pages = {}
        for url in urls:
            response = c.get(url)
            assert response.status_code == 200, url
            if url.startswith("/api/"):
                json.loads(response.text)  # data stays data: the payloads, verbatim, in JSON
                assert response.headers["x-content-type-options"] == "nosniff"
            else:
                assert_inert(response.text, url)
                pages[url] = response.text
        articles = c.get("/api/articles").json()["articles"]
        assert {a["url"] for a in articles} >= {
            "javascript:alert(1)",
            f"JaVaScRiPt:{PWN}",
        }  # kept as is
    every = "".join(pages.values())
    assert "{{7*7}}" in every and "&lt;script&gt;" in every  # shown as text, never evaluated
    assert 'href="https://ok.example/story"' in every  # real links still work


@pytest.mark.model
def test_reports_keep_hostile_text_inert(hostile_db: Path) -> None:
    with Store(hostile_db, read_only=True) as store:
        reports = {fmt: render(store, fmt) for fmt in FORMATS}
    assert_inert(reports["html"], "html report")
    assert 'href="https://ok.example/story"' in reports["html"]
    md = reports["md"]
    assert not re.search(r"(?<!\\)<", md) and "](javascript" not in md.casefold()
    assert "url=https://ok.example/story" in md and "url=javascript" not in md.casefold()
    assert (
        json.loads(reports["json"])["articles"][0]["url"] == "javascript:alert(1)"
    )  # data, for a consumer
    data = json.loads(reports["timelinejs"])
    assert data == timelinejs(json.loads(reports["json"]))
    # TimelineJS renders headline and text as HTML: only the list markup the export writes
    shown = [data["title"]["text"]] + [e["text"] for e in data["events"]]
    for i, text in enumerate(shown):
        assert_inert(text["headline"], f"slide {i} headline", tags=set())
        assert_inert(text["text"], f"slide {i} text", tags={"ul", "li", "small", "a"})
    for e in data["events"]:
        assert_inert(e.get("display_date", ""), "display date", tags=set())


# ---- 3b. in a real browser ----------------------------------------------------------

WATCH = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""
# As TimelineJS does with a slide: headline and text set as HTML, no CSP in the way.
TIMELINEJS_RENDER = """slides => {
  for (const s of slides) {
    const h = document.createElement('h2'); h.innerHTML = s.headline; document.body.appendChild(h);
    const d = document.createElement('div'); d.innerHTML = s.text; document.body.appendChild(d);
  }
  return document.body.querySelectorAll('li').length;
}"""
CLEAN = """() => ({
  pwned: typeof window.__pwned, title: document.title,
  handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
  js_links: [...document.querySelectorAll('[href],[src],[action]')].filter(e =>
    /^\\s*javascript:/i.test(e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action') || '')).length,
  scripts: [...document.scripts].filter(s => !s.src).length,
})"""


@pytest.mark.browser
@pytest.mark.model
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_no_payload_runs_in_the_browser(hostile_db: Path, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    with TestClient(create_app(str(hostile_db)), base_url=LOCAL) as c:
        entity = quote(c.get("/api/entities").json()["entities"][0]["id"], safe="")
        articles = [quote(a["id"], safe="") for a in c.get("/api/articles").json()["articles"]]
    report = tmp_path / "report.html"
    with Store(hostile_db, read_only=True) as store:
        report.write_text(render(store, "html"), encoding="utf-8")
        slides = json.loads(render(store, "timelinejs"))
    paths = [
        "/",
        "/timeline",
        "/entities",
        f"/entities/{entity}",
        "/quotes",
        "/sources",
        "/facts",
        "/articles",
    ]
    paths += [f"/articles/{a}" for a in articles] + ["/search?q=script", "/search?q=Keller"]
    server = Server(hostile_db)
    dialogs: list[str] = []
    errors: list[str] = []
    try:
        with chromium() as browser:
            context = browser.new_context()
            context.add_init_script(WATCH)
            page = context.new_page()
            page.set_default_timeout(10_000)
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

            def check(where: str) -> None:
                page.wait_for_load_state("networkidle")
                found = page.evaluate(CLEAN)
                assert found["pwned"] == "undefined" and found["title"] != "PWNED", (where, found)
                assert found["handlers"] == found["js_links"] == found["scripts"] == 0, (
                    where,
                    found,
                )
                assert page.evaluate("window.__cspViolations || []") == [], where

            for path in paths:
                assert page.goto(server.url + path).status == 200, path
                check(path)
            page.goto(server.url + "/timeline?gran=day")
            for button in page.locator(".events button.t").all():  # every event opened
                button.click()
            sync_api.expect(page.locator(".events .b .evidence li").first).to_be_visible()
            sync_api.expect(page.locator(".events .b", has_text="loading")).to_have_count(0)
            check("timeline, events opened")
            page.goto(report.as_uri())
            check("html report")
            page.goto("about:blank")
            texts = [slides["title"]["text"]] + [e["text"] for e in slides["events"]]
            assert page.evaluate(TIMELINEJS_RENDER, texts) >= len(slides["events"])
            page.wait_for_timeout(300)  # an <img onerror> would have fired by now
            check("TimelineJS slides")
            browser.close()
    finally:
        server.stop()
    assert dialogs == [] and errors == [], (dialogs, errors)


# ---- 4. the cache under concurrent requests -------------------------------------------


def test_concurrent_first_requests_build_once(
    story_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline.views.corpus import Corpus

    built: list[int] = []
    real = Corpus.from_store

    def counted(store: Store) -> Corpus:
        built.append(1)
        time.sleep(0.2)  # a slow read: every other request arrives meanwhile
        return real(store)

    monkeypatch.setattr(Corpus, "from_store", staticmethod(counted))
    state = WebState(str(story_db))
    with ThreadPoolExecutor(20) as pool:
        corpora = list(pool.map(lambda _: state.corpus(), range(20)))
    assert len(built) == 1 and all(c is corpora[0] for c in corpora)
    state.close()


def test_api_answers_from_the_cache(story_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline import api
    from storyline.views.corpus import Corpus

    with TestClient(create_app(str(story_db)), base_url=LOCAL) as c:  # startup reads the store once
        reads: list[int] = []
        real = Corpus.from_store
        monkeypatch.setattr(
            Corpus, "from_store", staticmethod(lambda s: reads.append(1) or real(s))
        )
        routes = [
            "articles",
            "timeline",
            "quotes",
            "entities",
            "sources",
            "facts",
            "timeline?entity=Ruiz",
        ]
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda r: c.get(f"/api/{r}"), routes * 5))
        assert all(a.status_code == 200 for a in answers) and reads == []
        monkeypatch.undo()
        with Store(story_db, read_only=True) as store:
            assert c.get("/api/quotes").json() == api.quotes(store)
            assert c.get("/api/timeline?entity=Ruiz").json() == api.timeline(store, entity="Ruiz")


def test_routes_run_in_the_threadpool() -> None:
    """Every route is a plain function: FastAPI runs it in anyio's threadpool (40 threads),
    so a slow build never blocks the event loop."""
    from fastapi.routing import APIRoute

    from storyline.present.web.routes import ROUTERS

    routes = [r for router in ROUTERS for r in router.routes if isinstance(r, APIRoute)]
    assert len(routes) >= 20
    assert not [r.path for r in routes if asyncio.iscoroutinefunction(r.endpoint)]


def test_filtered_entries_stay_within_the_budget(
    story_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline.views import cache as cache_module

    monkeypatch.setattr(cache_module, "FILTERED_BUDGET", 100)
    state = WebState(str(story_db))
    state.cached(("base",), lambda: ["x"] * 5_000)  # the store's own views: always kept
    for i in range(200):
        state.cached(("f", i), lambda: ["x"] * 30, filtered=True)
    kept = [k for k in state.story.cache._cache if k[0] == "f"]
    assert 1 <= len(kept) <= 4 and kept[-1] == ("f", 199)
    state.cached(
        ("big",), lambda: ["x"] * 1_000, filtered=True
    )  # over the budget alone: kept, alone
    assert [k for k in state.story.cache._cache if k != ("base",)] == [("big",)]
    assert len([k for k in state.story.cache._cache if k[0] == "f"]) <= state_module.MAX_FILTERED
    state.close()
