"""Ingest: every format, metadata precedence, and bad input named and skipped."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from storyline.ingest import article_id, read_paths
from storyline.ingest.boilerplate import strip_boilerplate
from storyline.models import Article, ItemError

BODY = (
    "The harbour authority in Velmar said on Tuesday it would delay the new ferry terminal.\n"
    "Officials said the cost had risen to 40 million euros since last year.\n"
)


def _read(paths: list[Path], manifest: Path | None = None) -> tuple[list[Article], list[ItemError]]:
    results = list(read_paths(paths, manifest=manifest))
    return (
        [r for r in results if isinstance(r, Article)],
        [r for r in results if isinstance(r, ItemError)],
    )


def test_plain_text_with_date_header_running_into_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(" date 2025-03-13 " + BODY, encoding="utf-8")
    [article], errors = _read([tmp_path / "a.txt"])
    assert not errors
    assert article.published.isoformat() == "2025-03-13"
    assert article.published_source == "header"
    assert article.text.startswith("The harbour authority")


def test_headline_line_becomes_title(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Velmar delays ferry terminal, officials say\n" + BODY, encoding="utf-8")
    [article], _ = _read([tmp_path / "a.txt"])
    assert article.title == "Velmar delays ferry terminal, officials say"
    assert "officials say\n" not in article.text


def test_html_page_text_title_site_and_date(tmp_path: Path) -> None:
    html = f"""<!doctype html><html><head><title>Ferry terminal delayed | Velmar Gazette</title>
    <meta property="og:site_name" content="Velmar Gazette">
    <meta property="article:published_time" content="2025-03-13T09:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>Ferry terminal delayed</h1>
    {''.join(f'<p>{line} It was the third delay in a year, and residents were unhappy about it.</p>' for line in BODY.splitlines())}
    </article><footer>Sign up for our newsletter. All rights reserved.</footer></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    [article], errors = _read([tmp_path / "page.html"])
    assert not errors
    assert "harbour authority" in article.text
    assert "newsletter" not in article.text
    assert article.outlet == "Velmar Gazette"
    assert article.published.isoformat() == "2025-03-13"
    assert article.published_source == "html"


def test_jsonl_and_gzip(tmp_path: Path) -> None:
    rows = [
        {"text": BODY, "title": "One", "outlet": "Wire", "published": "2025-01-02", "url": "https://x.example/1"},
        {"text": BODY.replace("Tuesday", "Monday"), "source": "Other", "time": "2025-01-03"},
    ]
    data = "\n".join(json.dumps(r) for r in rows) + "\n"
    (tmp_path / "a.jsonl").write_text(data, encoding="utf-8")
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(data.replace("harbour", "port").encode()))
    articles, errors = _read([tmp_path])
    assert not errors
    assert len(articles) == 4
    assert {a.outlet for a in articles} == {"Wire", "Other"}
    assert articles[0].published_source == "manifest"


def test_feed_entries(tmp_path: Path) -> None:
    feed = """<?xml version="1.0"?><rss version="2.0"><channel><title>Velmar Gazette</title>
    <item><title>Terminal delayed</title><link>https://g.example/1</link>
    <pubDate>Thu, 13 Mar 2025 09:00:00 GMT</pubDate>
    <description>The harbour authority delayed the terminal again on Tuesday, officials said.</description></item>
    </channel></rss>"""
    (tmp_path / "feed.xml").write_text(feed, encoding="utf-8")
    [article], errors = _read([tmp_path / "feed.xml"])
    assert not errors
    assert article.title == "Terminal delayed"
    assert article.published.isoformat() == "2025-03-13"
    assert article.url == "https://g.example/1"


def test_url_date_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY.replace("Velmar", "Ostrin"), encoding="utf-8")
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(
        json.dumps({"file": "a.txt", "url": "https://p.example/2025/06/12/terminal"}) + "\n"
        + json.dumps({"file": "b.txt", "outlet": "Blog"}) + "\n",
        encoding="utf-8",
    )
    articles, errors = _read([tmp_path], manifest)
    assert not errors
    by_outlet = {a.outlet: a for a in articles}
    dated = next(a for a in articles if a.url)
    assert (dated.published.isoformat(), dated.published_source) == ("2025-06-12", "url")
    assert by_outlet["Blog"].published is None
    assert by_outlet["Blog"].published_source == "unknown"


def test_manifest_wins_over_header(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(" date 2025-03-13\n" + BODY, encoding="utf-8")
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(json.dumps({"file": "a.txt", "published": "2025-03-14", "outlet": "Ledger"}) + "\n")
    [article], _ = _read([tmp_path], manifest)
    assert (article.published.isoformat(), article.published_source, article.outlet) == (
        "2025-03-14",
        "manifest",
        "Ledger",
    )
    assert any(c.source == "header" for c in article.date_candidates)


def test_a_folders_own_manifest_is_used_when_none_is_given(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(BODY, encoding="utf-8")
    (corpus / "notes.txt").write_text("Reminder: ask the desk about the March files.\n" + BODY)
    (corpus / "manifest.jsonl").write_text(json.dumps({"file": "a.txt", "outlet": "Ledger"}) + "\n")
    other = tmp_path / "other"
    other.mkdir()
    (other / "b.txt").write_text(BODY.replace("minister", "mayor"), encoding="utf-8")
    articles, errors = _read([corpus, other], None)
    assert not errors  # the manifest is not read as an article file
    # the corpus folder gives only what its manifest names; the other folder everything
    assert sorted((Path(a.path or "").name, a.outlet) for a in articles) == [
        ("a.txt", "Ledger"),
        ("b.txt", None),
    ]


def test_boilerplate_removed_and_kept_for_display() -> None:
    text = BODY + "Comments\nPost a Comment\nDownload The Gazette App to get daily updates.\n"
    clean, removed = strip_boilerplate(text)
    assert clean.strip() == BODY.strip()
    assert removed == ("Comments", "Post a Comment", "Download The Gazette App to get daily updates.")


def test_boilerplate_word_inside_prose_survives() -> None:
    text = "The minister said the newsletter scandal would not end her career, and she would stay.\n" + BODY
    clean, removed = strip_boilerplate(text)
    assert removed == ()
    assert clean.startswith("The minister")


def test_bad_inputs_each_named_and_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 in Velmar closes on Tuesday.".encode("latin-1"))
    (tmp_path / "broken.html").write_text("<html><head><title></title></head><body><div><span></div></body>")
    (tmp_path / "missing-listed.txt").write_text("placeholder", encoding="utf-8")
    (tmp_path / "missing-listed.txt").unlink()
    manifest = tmp_path / "m.jsonl"
    (tmp_path / "bad-date.txt").write_text(BODY.replace("Velmar", "Sorn"), encoding="utf-8")
    manifest.write_text(
        "\n".join(
            json.dumps(r)
            for r in [
                {"file": "good.txt", "published": "2025-03-13"},
                {"file": "bad-date.txt", "published": "2025-02-30"},
                {"file": "gone.txt", "published": "2025-03-01"},
                {"file": "binary.txt"},
                {"file": "empty.txt"},
                {"file": "latin1.txt"},
                {"file": "broken.html"},
            ]
        )
        + "\n"
    )
    articles, errors = _read([tmp_path], manifest)
    assert [a.text for a in articles] == [BODY.strip()]
    named = {Path(e.item.split(":")[0].split(" ")[0]).name: e for e in errors}
    assert set(named) >= {"binary.txt", "empty.txt", "latin1.txt", "broken.html", "gone.txt", "m.jsonl"}
    assert named["binary.txt"].code == "E103"
    assert named["empty.txt"].code == "E101"
    assert named["latin1.txt"].code == "E104" and "UTF-8" in named["latin1.txt"].message
    assert named["gone.txt"].code == "E105"
    assert "impossible date" in named["m.jsonl"].message and "bad-date.txt" in named["m.jsonl"].item
    for error in errors:
        assert str(error).startswith(f"[{error.code}] ")


def test_content_hash_is_stable_across_whitespace() -> None:
    assert article_id("A b\n c") == article_id("A  b c ")
    assert article_id("A b c") != article_id("A b d")


def test_huge_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("word " * 300_000, encoding="utf-8")
    results = list(read_paths([path], max_bytes=1_000_000))
    assert len(results) == 1 and isinstance(results[0], ItemError) and results[0].code == "E102"


@pytest.mark.parametrize("name", ["README.md", ".hidden.txt", "notes.docx"])
def test_folder_walk_skips_non_articles(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(BODY, encoding="utf-8")
    (tmp_path / "a.txt").write_text(BODY.replace("Velmar", "Ostrin"), encoding="utf-8")
    articles, errors = _read([tmp_path])
    assert len(articles) == 1 and not errors
