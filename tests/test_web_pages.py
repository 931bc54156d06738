"""The server-rendered pages: content, zoom, filters, fragments, escaping; and their helpers."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette nudges towards httpx2
    from fastapi.testclient import TestClient

from storyline.models import Annotations, EntityMention, Quote, Sentence, Timex
from storyline.present.web import create_app
from storyline.present.web.grouping import auto_granularity, event_rows, group_events, period
from storyline.present.web.highlight import mark_words, segments
from storyline.present.web.rendering import period_label
from storyline.views.article import annotation_records
from test_web_data import PWN, XSS_ID, build, story_store, synthetic_store

# The app answers loopback host names only (TestClient's default is "testserver").
LOCAL = "http://localhost"

PAGES = [
    "/",
    "/timeline",
    "/timeline?gran=day",
    "/timeline?gran=week",
    "/timeline?gran=year",
    "/entities",
    "/entities/person:elena-ruiz",
    "/quotes",
    "/sources",
    "/facts",
    "/articles",
    "/articles/a000000000000003",
    f"/articles/{XSS_ID}",
    "/search?q=bridge",
    "/search?q=posted",
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = story_store(tmp_path_factory.mktemp("web_pages") / "story.db")
    with TestClient(create_app(str(db)), raise_server_exceptions=False, base_url=LOCAL) as c:
        yield c


class Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


def assert_inert(html: str) -> None:
    """No markup from the hostile article: no script but ours, no handlers, no js: links."""
    for tag, attrs in tags(html):
        if tag == "script":
            assert attrs.get("src", "").startswith("/static/"), attrs  # type: ignore[union-attr]
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for name in ("href", "src", "action"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), (tag, attrs)
        assert tag not in ("iframe", "img", "object", "embed"), (tag, attrs)
    assert f"<script>{PWN}" not in html


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_and_stays_inert(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    assert "<script>window" not in response.text and "<img src=x" not in response.text
    assert_inert(response.text)


def test_hostile_article_shows_its_payloads_as_text(client: TestClient) -> None:
    html = client.get(f"/articles/{XSS_ID}").text
    assert "&lt;script&gt;window.__pwned=1;" in html
    assert "&lt;img src=x onerror=" in html
    assert "address: javascript:" in html  # shown, never linked
    assert 'class="boiler"' in html and "&lt;iframe" in html


def test_overview(client: TestClient) -> None:
    html = client.get("/").text
    assert "5</strong> articles" in html and "2024-03-05" in html and "2024-05-20" in html
    assert 'href="/entities/person%3Aelena-ruiz"' in html  # a key actor
    # a top development from the digest, with the outlet that reported it first
    assert "Top developments" in html and "first reported by" in html
    assert 'href="/articles/a000000000000003">Marlow Gazette</a>, 2024-03-12' in html
    # the latest news, newest publication first
    latest = html[html.index("Latest news") :]
    assert latest.index("Girders lifted as Kestrel repairs advance") < latest.index(
        "Marlow shuts Kestrel Bridge"
    )
    assert "as long as it takes to be sure" in html  # a key quote by a named speaker


def test_timeline_opens_on_the_digest(client: TestClient) -> None:
    def count(url: str) -> int:
        return client.get(url).text.count('<li data-i="')

    digest = client.get("/timeline").text
    assert 'aria-current="page">Digest</a>' in digest and "The digest:" in digest
    assert 'href="/timeline?all=1"' in digest  # zoom to the full dated record
    assert 0 < count("/timeline") < count("/timeline?all=1")
    every = client.get("/timeline?all=1").text
    assert 'aria-current="page">All dated events</a>' in every


def test_a_weeks_digest_is_ranked_on_one_screen(client: TestClient) -> None:
    week = "from=2024-03-11&to=2024-03-17"
    html = client.get(f"/timeline?{week}").text
    assert 'class="events ranked"' in html and "most important first" in html
    shown = re.findall(
        r'<li data-i="\d+"><button class="t" aria-expanded="false"><time>([^<]+)</time>', html
    )
    events = client.get(f"/api/timeline?{week}").json()["events"]
    ranked = sorted(events, key=lambda e: -e["score"])
    assert shown == [e["date"] for e in ranked] and shown
    assert all("2024-03-11" <= d[:10] <= "2024-03-17" for d in shown)
    # the same week in date order, on request
    assert 'class="events ranked"' not in client.get(f"/timeline?{week}&order=date").text
    assert client.get(f"/timeline?{week}&order=sideways").status_code == 422


def headings(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h3>(.*?)</h3>", html, re.S)]


def test_timeline_zoom_levels(client: TestClient) -> None:
    by_month = headings(client.get("/timeline?all=1&gran=month").text)
    assert [h.split(" ")[0:2] for h in by_month] == [
        ["March", "2024"],
        ["April", "2024"],
        ["May", "2024"],
        ["June", "2024"],
    ]
    by_week = headings(client.get("/timeline?all=1&gran=week").text)
    assert by_week[0].startswith("Week 10, 2024")
    assert any(h.startswith("April 2024") for h in by_week)  # a month event keeps its own group
    by_day = headings(client.get("/timeline?all=1&gran=day").text)
    assert by_day[0].startswith("Mon 4 March 2024")
    zoom = client.get("/timeline?all=1&gran=month").text
    assert "/timeline?from=2024-03-01&amp;to=2024-03-31&amp;all=1&amp;gran=week" in zoom


def test_timeline_filters(client: TestClient) -> None:
    def count(url: str) -> int:
        return client.get(url).text.count('<li data-i="')

    assert count("/timeline?all=1") == 8
    assert count("/timeline?all=1&entity=Tomas%20Berg") == 1
    assert count("/timeline?all=1&outlet=Coast%20Herald") == 3
    assert count("/timeline?all=1&q=corrosion") == 1
    assert count("/timeline?all=1&from=2024-05-01&to=2024-05-31") == 2
    assert "No actor is named" in client.get("/timeline?entity=Nobody").text


def test_timeline_fragments_for_htmx(client: TestClient) -> None:
    headers = {"HX-Request": "true", "HX-Target": "tl-list"}
    fragment = client.get("/timeline?all=1&q=ferries", headers=headers)
    assert "<html" not in fragment.text and fragment.text.count('<li data-i="') == 1
    assert 'id="tl-state"' in fragment.text and 'value="ferries"' in fragment.text
    main = client.get(
        "/timeline?gran=day", headers={"HX-Request": "true", "HX-Target": "tl-main"}
    ).text
    assert "<html" not in main and 'id="tl-form"' in main
    restore = client.get(
        "/timeline", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert "<html" in restore.text
    assert "HX-Request" in fragment.headers["vary"]


def test_timeline_evidence(client: TestClient) -> None:
    html = client.get(
        "/timeline/evidence?all=1&i=1&date=2024-03-11", headers={"HX-Request": "true"}
    ).text
    assert "corrosion at the base of the north pier" in html
    assert "Marlow Gazette, 2024-03-12" in html
    assert 'href="/articles/a000000000000003#s0"' in html
    assert 'href="https://gazette.example/2024/03/12/report"' in html
    # a wrong index still finds the event by its date; an unknown date is a 404
    assert "north pier" in client.get("/timeline/evidence?all=1&i=99&date=2024-03-11").text
    assert client.get("/timeline/evidence?date=1999-01-01").status_code == 404
    hostile = client.get(
        "/timeline/evidence?all=1&date=2024-03-12", headers={"HX-Request": "true"}
    ).text
    assert "javascript" not in re.sub(r"&lt;.*?&gt;", "", hostile).split("href=")[-1][:20]
    assert_inert(hostile)


def test_timeline_paging(tmp_path: Path) -> None:
    db = synthetic_store(tmp_path / "syn.db", n_events=230)
    with TestClient(create_app(str(db)), base_url=LOCAL) as c:
        first = c.get("/timeline?all=1&size=100&gran=year").text
        assert first.count('<li data-i="') == 100
        assert "Show 100 more of 130 remaining" in first
        more = c.get(
            "/timeline?all=1&size=100&gran=year&page=3",
            headers={"HX-Request": "true", "HX-Target": "tl-more"},
        )
        assert more.text.count('<li data-i="') == 30 and '<li data-i="229"' in more.text
        assert "(continued)" in more.text and "more of" not in more.text
        assert c.get("/timeline?size=5001").status_code == 422


def test_entity_page(client: TestClient) -> None:
    html = client.get("/entities/person:elena-ruiz").text
    assert "<h1>Elena Ruiz" in html and "Ruiz" in html
    assert "<svg" in html and "<rect" in html  # mentions over time
    assert "as long as it takes to be sure" in html
    assert 'href="/entities/person%3Atomas-berg"' in html  # appears with
    assert client.get("/entities/person:nobody").status_code == 404


def test_quotes_page(client: TestClient) -> None:
    html = client.get("/quotes").text
    assert "Anonymous sources" in html and 'class="anon"' in html
    assert "in 2 outlets: Valley Wire, Coast Herald" in html  # one quote, two outlets
    assert html.count("as long as it takes to be sure") == 1
    only = client.get("/quotes?speaker=Berg").text
    assert "the pier can be saved" in only and "as long as it takes" not in only


def test_quotes_filters(client: TestClient) -> None:
    def texts(url: str) -> list[str]:
        return re.findall(r"<blockquote[^>]*>(.*?)</blockquote>", client.get(url).text, re.S)

    everything = texts("/quotes")
    anonymous = texts("/quotes?who=anonymous")
    named = texts("/quotes?who=named")
    assert anonymous and named and sorted(anonymous + named) == sorted(everything)
    direct, indirect = texts("/quotes?kind=direct"), texts("/quotes?kind=indirect")
    assert all(t.startswith("\u201c") for t in direct) and not any(
        t.startswith("\u201c") for t in indirect
    )
    assert sorted(direct + indirect) == sorted(everything)
    may = texts("/quotes?from=2024-05-01&to=2024-05-31")
    assert 0 < len(may) < len(everything)
    assert texts("/quotes?outlet=Coast%20Herald") and len(
        texts("/quotes?outlet=Coast%20Herald")
    ) < len(everything)
    assert client.get("/quotes?kind=shouted").status_code == 422
    assert client.get("/quotes?from=2024-06-01&to=2024-05-01").status_code == 422


def test_every_list_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.present.web.routes import articles, entities, quotes, sources

    client = TestClient(
        create_app(str(story_store(tmp_path / "story.db"))), base_url=LOCAL
    )  # a fresh cache

    monkeypatch.setattr(articles, "PER_PAGE", 2)
    monkeypatch.setattr(entities, "PER_PAGE", 3)
    monkeypatch.setattr(quotes, "PER_PAGE", 2)
    monkeypatch.setattr(sources, "PER_PAGE", 1)
    monkeypatch.setattr(sources, "PREVIEW", 1)

    def article_links(url: str) -> list[str]:
        return re.findall(r'<td><a href="/articles/([^"]+)">', client.get(url).text)

    pages = [article_links(f"/articles?page={n}") for n in (1, 2, 3)]
    assert [len(p) for p in pages] == [2, 2, 1] and len({a for p in pages for a in p}) == 5
    assert (
        article_links("/articles?page=4") == pages[2]
    )  # past the end: the last page, not an error
    assert "page 3 of 3" in client.get("/articles?page=3").text
    assert 'rel="next"' not in client.get("/articles?page=3").text
    assert 'rel="next" href="/articles?page=2"' in client.get("/articles").text
    assert client.get("/articles?page=0").status_code == 422
    assert client.get("/entities").text.count('<tr><td><a href="/entities/') == 3
    assert 'href="/entities?page=2"' in client.get("/entities").text
    one = client.get("/quotes").text
    assert one.count("<blockquote") == 2 and "page 1 of 3" in one and 'href="/quotes?page=2"' in one
    assert client.get("/quotes?page=3").text.count("<blockquote") == 2  # 6 quotes
    sources_page = client.get("/sources").text
    assert 'href="/sources?show=outlets"' in sources_page and "all 4" in sources_page
    alone = client.get("/sources?show=outlets&page=2").text
    assert "page 2 of 4" in alone and "Who cites whom" not in alone
    assert client.get("/sources?show=nothing").status_code == 422


def test_sources_and_facts_pages(client: TestClient) -> None:
    html = client.get("/sources").text
    assert "Coast Herald" in html and "syndicated" in html and "reported" in html
    facts = client.get("/facts").text
    assert "$12 million" in facts and "$15 million" in facts


def test_article_page_highlights(client: TestClient) -> None:
    html = client.get("/articles/a000000000000003").text
    assert '<a class="m per" href="/entities/person%3Atomas-berg"' in html
    assert '<time class="tx" title="2024-03-11">March 11</time>' in html
    assert 'class="qt' in html and 'id="s2"' in html
    assert "anonymous" in html


def test_search_page(client: TestClient) -> None:
    html = client.get("/search?q=Corrosion").text
    assert "<mark>corrosion</mark>" in html and 'href="/articles/a000000000000003#s0"' in html
    assert "0 sentences found" in client.get("/search?q=zeppelin").text


# ---- helpers ---------------------------------------------------------------------------


def test_period_and_labels() -> None:
    day = dt.date(2024, 12, 30)
    assert period(day, "week") == ("2025-W01", dt.date(2024, 12, 30), dt.date(2025, 1, 5))
    assert period(day, "month") == ("2024-12", dt.date(2024, 12, 1), dt.date(2024, 12, 31))
    assert period_label("2024-05", "month") == "May 2024"
    assert period_label("2024-W20", "week").startswith("Week 20, 2024 (13 May")
    assert period_label("not-a-date", "day") == "not-a-date"


def _event(date: str, start: str, end: str) -> dict[str, object]:
    return {"date": date, "start": start, "end": end, "summary": "s", "evidence": []}


def test_grouping_keeps_coarse_events_in_their_own_group() -> None:
    events = [
        _event("2024-05", "2024-05-01", "2024-05-31"),
        _event("2024-05-02", "2024-05-02", "2024-05-02"),
        _event("2024-W19", "2024-05-06", "2024-05-12"),
        _event("2024-05-09", "2024-05-09", "2024-05-09"),
    ]
    by_day = group_events(events, "day")  # type: ignore[arg-type]
    assert [g.label for g in by_day] == ["2024-05", "2024-05-02", "2024-W19", "2024-05-09"]
    by_month = group_events(events, "month")  # type: ignore[arg-type]
    assert [(g.label, len(g.events)) for g in by_month] == [("2024-05", 4)]
    assert [i for i, _e in group_events(events[2:], "week", offset=2)[0].events] == [2, 3]  # type: ignore[arg-type]
    assert auto_granularity(events) == "day"  # type: ignore[arg-type]


def test_event_rows_escape() -> None:
    row = event_rows([{"date": "2024", "summary": "<b>x</b>", "evidence": [{"outlet": '"o"'}]}])[0]
    assert "&lt;b&gt;x&lt;/b&gt;" in row and "&#34;o&#34;" in row and "<b>" not in row


def test_segments_nest_and_cross() -> None:
    text = "Ana said \u201cwe open on Monday\u201d today."
    mon, crossing_at, quote_at = text.index("Monday"), text.index("on Mon"), text.index("we open")
    ann = Annotations(
        "x",
        sentences=(Sentence(0, 0, len(text), text),),
        mentions=(
            EntityMention("Ana", "PERSON", 0, 3, 0),
            EntityMention("on Mon", "ORG", crossing_at, crossing_at + 6, 0),
        ),
        timexes=(Timex("Monday", mon, mon + 6, "DATE", "2024-05-06"),),
        quotes=(Quote("we open on Monday", quote_at, mon + 6, True, "Ana", 0, 3, "said", 4, 8),),
    )
    segs = segments(text, annotation_records(ann))
    assert "".join(s.text for s in segs) == text
    assert segs[0].anchor == 0 and segs[0].speaker and segs[0].mention == 0
    monday = [s for s in segs if s.timex is not None]
    assert "".join(s.text for s in monday) == "Monday"
    assert all(s.quote == 0 for s in monday)
    crossing = [s for s in segs if s.mention == 1]
    assert "".join(s.text for s in crossing) == "on Mon"
    # spans outside the text are ignored, not fatal
    bad = Annotations("x", mentions=(EntityMention("?", "ORG", 40, 90, 0),))
    assert "".join(s.text for s in segments(text, annotation_records(bad))) == text


def test_mark_words() -> None:
    assert mark_words("Bridge bridges the bridge.", ["bridge"]) == [
        ("Bridge", True),
        (" bridges the ", False),
        ("bridge", True),
        (".", False),
    ]
    assert mark_words("no match", []) == [("no match", False)]
    assert mark_words("a (b) c", ["(b)"]) == [("a ", False), ("(b)", True), (" c", False)]


def test_build_helper_offsets() -> None:
    from test_web_data import story_docs

    for doc in story_docs():
        article, ann = build(doc)
        assert all(article.text[s.start : s.end] == s.text for s in ann.sentences)
