"""Reports: self-contained HTML, Wikinews-style Markdown, JSON, TimelineJS3; all inert."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.present.cli import app as cli_app
from storyline.present.report import FORMATS, collect, render, safe_url, timelinejs, wikinews_source
from storyline.present.report import _tl_date as timelinejs_date
from storyline.store import Store
from storyline.views.story import Story
from test_web_data import PWN, XSS_NAME, XSS_TITLE, story_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return story_store(tmp_path_factory.mktemp("report") / "story.db")


@pytest.fixture(scope="module")
def reports(db: Path) -> dict[str, str]:
    with Store(db, read_only=True) as store:
        return {fmt: render(store, fmt) for fmt in FORMATS}


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def start_tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Collect()
    parser.feed(html)
    return parser.tags


def assert_no_executable_markup(html: str) -> None:
    for tag, attrs in start_tags(html):
        assert tag not in ("script", "iframe", "img", "object", "embed", "link", "base", "form"), (
            tag
        )
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for name in ("href", "src", "action", "srcset"):
            if name in attrs:
                assert re.match(r"https?://", attrs[name] or ""), (tag, attrs)


def test_safe_url() -> None:
    assert safe_url("https://a.example/x?y=1") == "https://a.example/x?y=1"
    for bad in (
        PWN,
        "javascript:alert(1)",
        " JAVASCRIPT:x",
        "data:text/html,x",
        'https://a" onclick="x',
        None,
        "",
    ):
        assert safe_url(bad) is None


def test_html_report_is_self_contained_and_inert(reports: dict[str, str]) -> None:
    html = reports["html"]
    assert_no_executable_markup(html)
    assert "&lt;script&gt;window.__pwned=1;" in html  # shown as text
    assert "&lt;img src=x onerror=" in html
    assert not re.search(r"<script", html, re.I)
    assert "default-src 'none'" in html  # the file forbids itself any request or script
    for section in ("Digest", "Actors", "Quotes", "Sources"):
        assert f"<h2>{section}</h2>" in html
    assert html.index("<h2>Digest</h2>") < html.index("<h2>Actors</h2>")  # it opens with the digest
    assert "5 articles published 2024-03-05 to 2024-05-20" in html  # and the date range
    assert 'href="https://gazette.example/2024/03/12/report"' in html
    assert "Marlow Gazette" in html
    assert "Mayor" in html  # a speaker's role as the text gives it


def test_markdown_report_has_wikinews_sources(reports: dict[str, str]) -> None:
    md = reports["md"]
    sources = md.split("## Sources\n", 1)[1].strip().splitlines()
    assert len(sources) == 5  # every article is cited by the digest, a quote or a figure here
    assert sources[0] == (
        "* {{source|url=https://wire.example/marlow-bridge|title=Marlow shuts Kestrel Bridge after cracks found"
        "|author=|pub=Valley Wire|date=March 5, 2024}}"
    )
    hostile = next(line for line in sources if "pwned" in line)
    assert "url=" not in hostile  # a javascript: address is never a link
    assert hostile.count("|") == 4 and hostile.endswith(
        "}}"
    )  # the payload cannot add or end arguments
    for raw in ("<", ">", '"', "[", "]", "{{source|title=<"):
        assert raw not in hostile.removeprefix("* {{source|").removesuffix("}}"), raw


def test_markdown_report_escapes_everywhere(reports: dict[str, str]) -> None:
    md = reports["md"]
    assert not re.search(r"(?<!\\)<", md)  # every < is Markdown-escaped: no raw HTML at all
    assert "](javascript" not in md and "(<javascript" not in md
    assert "\\<script\\>" in md
    assert "Ruiz" in md
    assert (
        "repairs could reach" not in md.split("## Quotes", 1)[1]
    )  # key quotes are by named speakers
    assert "(Valley Wire)" in md  # timeline lines cite their outlets


def test_wikinews_source_escapes_separators() -> None:
    line = wikinews_source(
        {
            "url": "https://x.example/a|b}}c",
            "title": "A | B }} {{x}} [[y]] ''z''",
            "outlet": "O=1",
            "published": None,
        }
    )
    assert line == (
        "* {{source|url=https://x.example/a%7Cb%7D%7Dc|title=A &#124; B &#125;&#125; &#123;&#123;x&#125;&#125;"
        " &#91;&#91;y&#93;&#93; &#39;&#39;z&#39;&#39;|author=|pub=O=1}}"
    )


def test_json_report_is_the_collected_views(db: Path, reports: dict[str, str]) -> None:
    with Store(db, read_only=True) as store:
        assert json.loads(reports["json"]) == json.loads(json.dumps(collect(store)))


def test_timelinejs_report_is_the_digest(db: Path, reports: dict[str, str]) -> None:
    data = json.loads(reports["timelinejs"])
    with Store(db, read_only=True) as store:
        digest = Story(store).timeline()["events"]
    assert [e["start_date"] for e in data["events"]] == [timelinejs_date(e["date"]) for e in digest]
    assert (
        data["title"]["text"]["text"]
        == f"{len(digest)} dates from 5 articles published 2024-03-05 to 2024-05-20."
    )


def test_timelinejs_follows_the_timelinejs3_format(db: Path) -> None:
    with Store(db, read_only=True) as store:  # the full record: days, a week, months
        collected = collect(store)
        collected["timeline"] = Story(store).timeline(all=True)["events"]
    data = timelinejs(collected)
    assert set(data) == {"title", "events"}
    assert data["title"]["text"]["headline"]
    ids = [e["unique_id"] for e in data["events"]]
    assert len(ids) == len(set(ids)) == 8
    for e in data["events"]:
        start = e["start_date"]
        assert set(start) <= {"year", "month", "day"} and re.fullmatch(r"\d{4}", start["year"])
        assert 1 <= int(start.get("month", 1)) <= 12 and 1 <= int(start.get("day", 1)) <= 31
        assert isinstance(e["text"]["headline"], str) and isinstance(e["text"]["text"], str)
        assert_no_executable_markup(e["text"]["headline"] + e["text"]["text"])
    by_date = {json.dumps(e["start_date"], sort_keys=True): e for e in data["events"]}
    assert '{"month": "4", "year": "2024"}' in by_date  # a month event stays a month
    week = next(e for e in data["events"] if "display_date" in e)
    assert week["start_date"] == {"year": "2024", "month": "3", "day": "18"}
    assert week["end_date"] == {"year": "2024", "month": "3", "day": "24"}
    assert week["display_date"] == "Week 12, 2024"
    hostile = next(e for e in data["events"] if "pwned" in e["text"]["headline"])
    assert "&lt;script&gt;" in hostile["text"]["headline"]


def test_timelinejs_on_no_events() -> None:
    data = timelinejs(
        {"timeline": [], "range": {"first": None, "last": None, "articles": 0, "undated": 0}}
    )
    assert data["events"] == [] and data["title"]["text"]["text"] == "0 dates from 0 articles."


def test_cli_writes_each_format(db: Path, tmp_path: Path) -> None:
    for fmt in FORMATS:
        out = tmp_path / f"r.{fmt}"
        result = CliRunner().invoke(
            cli_app, ["--db", str(db), "report", "--format", fmt, "-o", str(out)]
        )
        assert result.exit_code == 0, result.output
        text = out.read_text(encoding="utf-8")
        if fmt != "json":  # JSON is data (its consumer escapes); the rest are markup
            assert XSS_NAME not in text and XSS_TITLE not in text
