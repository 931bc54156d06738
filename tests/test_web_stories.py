"""Stories in the web workspace (issue 21): the overview of a mixed pile lists its
stories, ``?story=ID`` keeps every page to one story, the overview shows what is
new since a chosen day, and an article page marks its new sentences. Hand-built
texts and annotations (no model)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from live_server import CHROMIUM, Server, chromium
from storyline.link.story_index import assign_stories
from storyline.models import Annotations, Article, Sentence, SentenceDate
from storyline.store import Store

LOCAL = "http://localhost"
DAY = dt.date(2031, 3, 3)
EVIL = "<script>alert(1)</script>"

# Two stories sharing no names. Day 1 of the flood retells day 0 in other words
# (nothing new); day 2 brings news.
FLOOD = [
    [
        "The Varna river burst its banks in Ostrovet on Monday, flooding the old town.",
        "Rescue teams from Ostrovet evacuated residents on Monday as the Varna kept rising.",
    ],
    [
        "In Ostrovet the Varna river burst its banks and flooded the old town on Monday.",
        "Residents were evacuated on Monday by Ostrovet rescue teams while the Varna rose.",
    ],
    [
        f"Mayor Ilse Dahl opened emergency shelters in the Ostrovet schools {EVIL}.",
        "Engineers from Belgrad began building a temporary dam across the Varna valley.",
    ],
]
CHESS = [
    [
        "Grandmaster Teodor Brandl won the opening game of the Kestrel chess championship.",
        "Mira Solis lost the Kestrel game after Brandl sacrificed a knight on move twenty.",
    ],
    [
        "Mira Solis levelled the Kestrel championship match with Brandl in a rook endgame.",
        "Solis held the Kestrel endgame against the attack of grandmaster Brandl.",
    ],
    [
        "Brandl and Solis drew the third game of the Kestrel chess championship.",
        "The grandmaster offered a knight trade and Solis accepted the Kestrel draw.",
    ],
]


def _made(aid: str, day: dt.date, sentences: list[str]) -> tuple[Article, Annotations]:
    """The lead dated by publication; the other sentences by a time expression naming
    the day of the story's first event when they say "Monday", else the publication day."""
    text = " ".join(sentences)
    built, dates, offset = [], [], 0
    for i, s in enumerate(sentences):
        built.append(Sentence(i, offset, offset + len(s), s))
        offset += len(s) + 1
        when = DAY if "Monday" in s and i > 0 else day
        dates.append(SentenceDate(i, when.isoformat(), when, when, "lead" if i == 0 else "timex"))
    article = Article(aid, text, title=sentences[0][:40], outlet=f"{aid} news", published=day)
    return article, Annotations(aid, tuple(built), sentence_dates=tuple(dates))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web_stories") / "s.db"
    store = Store(path)
    made = []
    for n, (flood, chess) in enumerate(zip(FLOOD, CHESS, strict=True)):
        day = DAY + dt.timedelta(days=n)
        made += [_made(f"flood{n}", day, flood), _made(f"chess{n}", day, chess)]
    store.add_articles([a for a, _ann in made])
    store.put_annotations([ann for _a, ann in made], "test")
    assign_stories(store)
    store.close()
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from storyline.present.web import create_app

    with TestClient(create_app(str(db)), base_url=LOCAL) as c:
        yield c


def _story_ids(client: Any) -> dict[str, str]:
    """Story id by the first word of its articles' ids (flood, chess)."""
    from storyline.views.story import Story

    state = client.app.state.web
    rows = Story(state.store).view("stories")["stories"]
    return {re.sub(r"\d+$", "", r["articles"][0]): r["id"] for r in rows}


def test_overview_of_a_mixed_pile_lists_its_stories(client: Any) -> None:
    ids = _story_ids(client)
    assert set(ids) == {"flood", "chess"}
    page = client.get("/")
    assert page.status_code == 200
    for story_id in ids.values():
        assert f'href="/?story={story_id}"' in page.text
    picker = client.get("/stories")
    assert picker.status_code == 200 and picker.text.count('href="/?story=') == 2


def test_story_parameter_keeps_every_page_to_one_story(client: Any) -> None:
    flood = _story_ids(client)["flood"]
    page = client.get(f"/?story={flood}")
    assert page.status_code == 200 and "One story" in page.text
    assert f'href="/timeline?story={flood}"' in page.text  # the nav keeps the story
    assert "story-index" not in page.text  # one story picked: no list of stories
    articles = client.get(f"/articles?story={flood}").text
    assert "Varna" in articles and "Kestrel" not in articles
    whole = client.get("/articles").text
    assert "Varna" in whole and "Kestrel" in whole
    assert client.get("/articles?story=s-nope").status_code == 404


def test_stories_are_kept_within_a_bound(client: Any) -> None:
    from storyline.present.web.state import MAX_STORIES

    state = client.app.state.web
    for n in range(MAX_STORIES + 5):
        client.get(f"/stories?story=made-up-{n}")
        state.scoped(f"made-up-{n}")
    assert len(state._scoped) <= MAX_STORIES
    assert client.get("/?story=" + "x" * 500).status_code == 422  # a bad parameter, as elsewhere


def test_new_since_a_day_on_the_overview(client: Any) -> None:
    since = (DAY + dt.timedelta(days=1)).isoformat()
    page = client.get(f"/?since={since}")
    assert page.status_code == 200
    new = page.text[page.text.index('class="new-since"') : page.text.index('class="brief"')]
    # day 2's news is new; day 1's retelling of the flood is not
    assert "temporary dam" in new and "emergency shelters" in new
    assert "burst its banks" not in new
    assert EVIL not in page.text and "&lt;script&gt;" in page.text
    assert len(page.content) < 300_000
    assert client.get("/?since=yesterday").status_code == 422


def test_article_page_marks_its_new_sentences(client: Any) -> None:
    fresh = client.get("/articles/flood2").text
    assert "New in this article" in fresh
    assert fresh.count('class="anchor new"') == 2
    retold = client.get("/articles/flood1").text
    assert 'class="anchor new"' not in retold and "Nothing new in this article" in retold
    first = client.get("/articles/flood0").text
    assert first.count('class="anchor new"') == 2


def test_report_and_new_take_the_story(db: Path, client: Any) -> None:
    import json

    from typer.testing import CliRunner

    from storyline.present.cli import app

    flood = _story_ids(client)["flood"]
    runner = CliRunner()
    report = runner.invoke(app, ["--db", str(db), "--story", flood, "report", "--format", "md"])
    assert report.exit_code == 0, report.stdout + report.stderr
    assert "Varna" in report.stdout and "Kestrel" not in report.stdout
    since = (DAY + dt.timedelta(days=1)).isoformat()
    new = runner.invoke(app, ["--db", str(db), "--story", flood, "new", "--since", since, "--json"])
    assert new.exit_code == 0, new.stdout + new.stderr
    items = json.loads(new.stdout)["items"]
    assert items and {it["article"] for it in items} == {"flood2"}
    everything = runner.invoke(app, ["--db", str(db), "new", "--since", since, "--json"])
    assert {it["article"] for it in json.loads(everything.stdout)["items"]} >= {"flood2", "chess1"}


LOCAL_LINK = re.compile(r'\b(?:href|hx-get)="(/[^"]*)"')


def test_links_inside_pages_keep_the_story(client: Any) -> None:
    flood = _story_ids(client)["flood"]
    entity = client.get(f"/entities?story={flood}").text
    entity_link = re.search(r'href="(/entities/[^"?]+)', entity)
    pages = ["/", "/articles", "/articles/flood2", "/entities", "/timeline", "/timeline?all=1"]
    pages += ["/quotes", "/search?q=Varna", "/sources", "/facts"]
    pages += [entity_link.group(1)] if entity_link else []
    for path in pages:
        sep = "&" if "?" in path else "?"
        page = client.get(f"{path}{sep}story={flood}")
        assert page.status_code == 200, path
        links = [u for u in LOCAL_LINK.findall(page.text) if not u.startswith("/static/")]
        assert links, path
        leaving = [u for u in links if f"story={flood}" not in u and not u.endswith("?story=")]
        assert leaving == [], (path, leaving)
        forms = page.text.count("<form")
        assert page.text.count(f'name="story" value="{flood}"') == forms, path
    # the way out of the story is kept: "the whole pile" names no story
    assert 'href="/articles?story="' in client.get(f"/articles?story={flood}").text
    # without a story chosen nothing is added
    assert "story=" not in "".join(LOCAL_LINK.findall(client.get("/articles").text))


def test_keep_story_rewrites_only_the_apps_links() -> None:
    from storyline.present.web.rendering import _buffered, keep_story

    html = (
        '<a href="/articles/a%2Fb#s3">x</a><a href="/quotes?speaker=e1&amp;page=2">q</a>'
        '<a href="/?story=other">o</a><a href="https://example.org/x">ext</a>'
        '<link href="/static/app.css"><a href="#s1">here</a>'
        '<form action="/search"><input name="q"></form>'
        "<p>href=&#34;/evil&#34;</p>"
    )
    out = keep_story(html, 's"1')
    assert 'href="/articles/a%2Fb?story=s%221#s3"' in out
    assert 'href="/quotes?speaker=e1&amp;page=2&amp;story=s%221"' in out
    assert 'href="/?story=other"' in out  # names its own story
    assert 'href="https://example.org/x"' in out and 'href="/static/app.css"' in out
    assert 'href="#s1"' in out and "href=&#34;/evil&#34;" in out
    assert '<form action="/search"><input type="hidden" name="story" value="s&quot;1">' in out
    assert keep_story(html, "") == html
    # streamed pages are rewritten chunk by chunk, never cutting a link or a form
    parts = [html[i : i + 7] for i in range(0, len(html), 7)] * 40
    streamed = b"".join(_buffered(iter(parts), "s1", size=50)).decode()
    assert streamed == keep_story(html * 40, "s1")


# --- in a real browser --------------------------------------------------------------


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[Server]:
    live = Server(db)
    yield live
    live.stop()


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_stories_and_new_since_fit_a_phone_and_keep_the_story(server: Server, client: Any) -> None:
    pytest.importorskip("playwright.sync_api")
    flood = _story_ids(client)["flood"]
    since = (DAY + dt.timedelta(days=1)).isoformat()
    paths = [
        "/stories",
        f"/stories?story={flood}",
        f"/?since={since}",
        f"/?story={flood}&since={since}",
        f"/articles/flood2?story={flood}",
    ]
    with chromium() as browser:
        context = browser.new_context(
            viewport={"width": 390, "height": 844}, is_mobile=True, device_scale_factor=2
        )
        page = context.new_page()
        page.set_default_timeout(10_000)
        wide = {}
        for path in paths:
            assert page.goto(server.url + path).status == 200, path
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 390:
                wide[path] = width
        assert wide == {}, f"pages wider than a 390 px phone: {wide}"
        # following links and the search form inside a story stays in it
        page.goto(f"{server.url}/?story={flood}&since={since}")
        page.locator(".new-since a").first.click()
        page.wait_for_url(re.compile(r"/articles/"))
        assert f"story={flood}" in page.url
        page.locator("form.search input[type=search]").fill("Varna")
        page.locator("form.search input[type=search]").press("Enter")
        page.wait_for_url(re.compile(r"/search"))
        assert f"story={flood}" in page.url and "Kestrel" not in page.content()
        context.close()
        browser.close()
