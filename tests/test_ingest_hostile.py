"""Ingest under hostile and broken input: each bad item is a coded error naming
it, good items in the same batch still come out, nothing hangs, nothing is
fetched, and memory stays bounded. Every input is generated in tmp_path."""

from __future__ import annotations

import errno
import gzip
import http.server
import json
import os
import shutil
import stat
import subprocess
import threading
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.ingest import MAX_ARTICLE_CHARS, read_paths
from storyline.models import Article, ItemError

BODY = (
    "The harbour authority in Velmar said on Tuesday it would delay the new ferry terminal.\n"
    "Officials said the cost had risen to 40 million euros since last year.\n"
)
# Markup whose words are separated by tabs: no space anywhere, so a library that
# takes "a URL or HTML" and checks for spaces would call the whole file a URL.
TAB_MARKUP = (
    "<html>\t<head><title>Ferry\tterminal\tdelayed</title></head>\t<body><article>"
    "<p>The\tharbour\tauthority\tin\tVelmar\tsaid\ton\tTuesday\tit\twould\tdelay\tthe\tnew"
    "\tferry\tterminal\tagain,\tofficials\tsaid.</p><p>Officials\tsaid\tthe\tcost\thad"
    "\trisen\tto\t40\tmillion\teuros\tsince\tlast\tyear.</p></article></body></html>"
)
REPO = Path(__file__).resolve().parents[1]
STORYLINE = REPO / ".venv" / "bin" / "storyline"


def _read(
    paths: list[Path] | list[str | Path],
    manifest: Path | None = None,
    *,
    max_bytes: int | None = None,
    timeout: float = 60.0,
) -> tuple[list[Article], list[ItemError]]:
    """read_paths in a daemon thread, failing (not hanging) past ``timeout``."""
    results: list[Article | ItemError] = []
    failure: list[BaseException] = []
    kwargs = {} if max_bytes is None else {"max_bytes": max_bytes}

    def work() -> None:
        try:
            results.extend(read_paths(paths, manifest=manifest, **kwargs))
        except BaseException as exc:  # reported below, with the test's name
            failure.append(exc)

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(timeout)
    assert not thread.is_alive(), f"read_paths still running after {timeout}s"
    assert not failure, f"uncaught {failure[0]!r}"
    return (
        [r for r in results if isinstance(r, Article)],
        [r for r in results if isinstance(r, ItemError)],
    )


def _codes(errors: list[ItemError]) -> dict[str, str]:
    return {e.item: e.code for e in errors}


def _good(folder: Path, name: str = "good.txt") -> Path:
    path = folder / name
    path.write_text(BODY, encoding="utf-8")
    return path


def _storable(article: Article) -> None:
    """What PostgreSQL and UTF-8 encoding refuse never reaches storage."""
    for value in (article.text, article.title, article.outlet, article.url, article.origin, article.path):
        if value is None:
            continue
        value.encode("utf-8")
        assert not any(ord(c) < 32 and c not in "\t\n\r" for c in value), repr(value[:80])


# ---- 1. nothing is fetched ---------------------------------------------------


@pytest.fixture
def listener() -> Iterator[tuple[int, list[str]]]:
    """A loopback HTTP server that records every request it gets."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            hits.append(self.path)
            body = f"<html><body><article><p>{BODY}</p></article></body></html>".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_HEAD = do_GET  # noqa: N815

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], hits
    finally:
        server.shutdown()
        server.server_close()


def _url_first_inputs(folder: Path, port: int) -> list[Path]:
    url = f"http://127.0.0.1:{port}"
    (folder / "url-line.html").write_text(f"{url}/page\n{TAB_MARKUP}", encoding="utf-8")
    (folder / "url-tab.html").write_text(f"{url}/tab\t{TAB_MARKUP}", encoding="utf-8")
    (folder / "url-nodoctype.htm").write_text(f"{url}/b\n" + TAB_MARKUP.replace("\t", "\n"))
    records = [
        {"html": f"{url}/jsonl\n{TAB_MARKUP}", "url": "https://g.example/1"},
        {"html": f"{url}/jsonl2\t{TAB_MARKUP}"},
        {"text": BODY.replace("Velmar", "Ostrin")},
    ]
    (folder / "a.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>G</title>
    <item><title>T</title><description><![CDATA[{url}/feed
{TAB_MARKUP}]]></description></item></channel></rss>"""
    (folder / "feed.xml").write_text(feed, encoding="utf-8")
    return sorted(folder.iterdir())


def test_markup_that_starts_with_a_url_is_never_fetched(
    tmp_path: Path, listener: tuple[int, list[str]]
) -> None:
    port, hits = listener
    inputs = _url_first_inputs(tmp_path, port)
    (tmp_path / "only-url.html").write_text(f"http://127.0.0.1:{port}/only\n")
    good = _good(tmp_path)
    articles, errors = _read([*inputs, tmp_path / "only-url.html", good])
    assert hits == []
    assert _codes(errors).get(str(tmp_path / "only-url.html")) == "E120"
    paths = {a.path for a in articles}
    assert str(good) in paths and f"{tmp_path / 'a.jsonl'}:3" in paths
    # the markup itself is read: its article text, never the listener's page
    page = next(a for a in articles if a.path == str(tmp_path / "url-line.html"))
    assert "ferry terminal again" in page.text  # the listener page does not say "again"


def test_cli_add_works_with_no_network(tmp_path: Path) -> None:
    if shutil.which("unshare") is None or subprocess.run(
        ["unshare", "-n", "true"], capture_output=True
    ).returncode != 0:
        pytest.skip("unshare -n (a network namespace) is not available here")
    if not STORYLINE.exists():
        pytest.skip("the storyline script is not installed in .venv")
    corpus = tmp_path / "in"
    corpus.mkdir()
    # port 9 (discard): nothing should ever try it, and nothing could reach it
    inputs = [p for p in _url_first_inputs(corpus, 9) if p.suffix in (".html", ".jsonl")]
    db = tmp_path / "store.db"
    env = {**os.environ, "NO_COLOR": "1"}
    add = subprocess.run(
        ["unshare", "-n", str(STORYLINE), "--db", str(db), "add", *map(str, inputs)],
        capture_output=True, text=True, timeout=600, env=env,
    )
    assert add.returncode == 0, add.stdout + add.stderr
    listed = subprocess.run(
        [str(STORYLINE), "--db", str(db), "articles", "--json"],
        capture_output=True, text=True, timeout=300, env=env,
    )
    assert listed.returncode == 0, listed.stderr
    stored = json.loads(listed.stdout)["articles"]
    # the two pages and the first two records are one text (stored once), and a.jsonl:3
    assert len(stored) == 2


# ---- 2. JSON Lines records ---------------------------------------------------


def test_jsonl_hostile_records_each_coded_rest_goes_on(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "Lone \ud800 surrogate. " + BODY}),  # escaped: json accepts it
        "[" * 100_000 + "]" * 100_000,
        '{"text": ' + "9" * 5000 + "}",
        json.dumps({"text": "NUL\u0000here and \u001b[31mred\u0007 " + BODY,
                    "title": "Ti\u0000tle\u0001", "outlet": "Out\u0000let",
                    "url": "https://x.example/\u0000a", "origin": "Or\u0000igin"}),
        json.dumps([1, 2, 3]),
        json.dumps("just a string"),
        json.dumps({"text": 12345}),
        json.dumps({"text": BODY.replace("Velmar", "Sorn")}),
    ]
    path = tmp_path / "hostile.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, errors = _read([path])
    codes = _codes(errors)
    assert codes == {
        f"{path}:2": "E131",
        f"{path}:3": "E131",
        f"{path}:5": "E130",
        f"{path}:6": "E130",
        f"{path}:7": "E132",
    }
    by_line = {a.path: a for a in articles}
    assert set(by_line) == {f"{path}:1", f"{path}:4", f"{path}:8"}
    assert "\ufffd" in by_line[f"{path}:1"].text  # a lone surrogate is replaced, the article kept
    cleaned = by_line[f"{path}:4"]
    assert cleaned.text.startswith("NULhere and [31mred ")
    assert (cleaned.title, cleaned.outlet, cleaned.url, cleaned.origin) == (
        "Title", "Outlet", "https://x.example/a", "Origin",
    )
    for article in articles:
        _storable(article)


def test_control_characters_never_reach_an_article_from_any_reader(tmp_path: Path) -> None:
    # a NUL past the binary sniffing window, in a text file
    (tmp_path / "late-nul.txt").write_text("Velmar ferry terminal delayed.\n" * 400 + "a\x00b\x01c\n" + BODY)
    (tmp_path / "entity.html").write_text(
        "<html><head><title>Esc&#x1b;ape</title></head><body><article><p>Escape &#x1b;[2J and"
        " &#0; NUL &#x7; bell in the harbour authority statement on the terminal.</p>"
        "<p>" + BODY + "</p></article></body></html>"
    )
    (tmp_path / "ff.txt").write_text("Page one of the ferry report.\x0c\x0bPage two.\n" + BODY)
    articles, errors = _read(sorted(tmp_path.iterdir()))
    assert not errors
    assert len(articles) == 3
    for article in articles:
        _storable(article)
    ff = next(a for a in articles if a.path and a.path.endswith("ff.txt"))
    assert "report.\n\nPage two." in ff.text  # page breaks become line breaks


# ---- 3. non-regular files ----------------------------------------------------


def test_fifo_and_devices_are_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    fifo_jsonl = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo_jsonl)
    good = _good(tmp_path)
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(
        "\n".join(json.dumps({"file": f}) for f in ("good.txt", "pipe.txt", "/dev/zero", "")) + "\n"
    )
    articles, errors = _read([fifo, fifo_jsonl, Path("/dev/zero"), good], timeout=20)
    assert [a.path for a in articles] == [str(good)]
    assert _codes(errors) == {str(fifo): "E108", str(fifo_jsonl): "E108", "/dev/zero": "E108"}
    # the same files named by a manifest; "" names the folder itself
    articles, errors = _read([tmp_path], manifest, timeout=20)
    assert [a.path for a in articles] == [str(good)]
    assert sorted(_codes(errors).values()) == ["E108", "E108", "E108"]
    assert {e.item for e in errors} == {str(fifo), "/dev/zero", str(tmp_path)}
    # a folder walk skips them silently (they are not article files)
    articles, errors = _read([tmp_path], timeout=20)
    assert str(good) in {a.path for a in articles} and not any(e.code == "E108" for e in errors)


def test_a_manifest_that_is_a_fifo_or_device_is_refused(tmp_path: Path) -> None:
    good = _good(tmp_path)
    fifo = tmp_path / "m.jsonl"
    os.mkfifo(fifo)
    for manifest in (fifo, Path("/dev/zero")):
        articles, errors = _read([good], manifest, timeout=20)
        assert [e.code for e in errors] == ["E150"] and not articles


def test_feed_whose_content_is_a_path_is_not_opened(tmp_path: Path) -> None:
    # feedparser.parse(bytes) first tries the bytes as a file name
    (tmp_path / "zero.xml").write_bytes(b"/dev/zero")
    (tmp_path / "passwd.rss").write_bytes(b"/etc/passwd")
    good = _good(tmp_path)
    articles, errors = _read(sorted(tmp_path.iterdir()), timeout=20)
    assert [a.path for a in articles] == [str(good)]
    assert sorted(e.code for e in errors) == ["E140", "E140"]


# ---- 4. size before reading --------------------------------------------------


def _peak_during(paths: list[Path], **kwargs: int) -> tuple[list[Article], list[ItemError], int, float]:
    tracemalloc.start()
    start = time.monotonic()
    try:
        articles, errors = _read(paths, **kwargs)  # type: ignore[arg-type]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return articles, errors, peak, time.monotonic() - start


def test_sparse_huge_files_are_refused_before_reading(tmp_path: Path) -> None:
    names = ("sparse.txt", "sparse.html", "sparse.jsonl")
    for name in names:
        with open(tmp_path / name, "wb") as handle:
            handle.truncate(5 * 2**30)
    good = _good(tmp_path)
    articles, errors, peak, took = _peak_during([*(tmp_path / n for n in names), good])
    assert [a.path for a in articles] == [str(good)]
    assert _codes(errors) == {str(tmp_path / n): "E102" for n in names}
    assert took < 10 and peak < 200 * 2**20


def _gzip_repeated(path: Path, size: int, chunk: bytes) -> None:
    """``size`` bytes of ``chunk`` over and over, streamed: never held whole."""
    block = chunk * (2**20 // len(chunk))
    with gzip.GzipFile(path, "wb", compresslevel=1) as handle:
        for _ in range(size // len(block)):
            handle.write(block)


def test_gzip_bomb_stops_at_the_limit(tmp_path: Path) -> None:
    _gzip_repeated(tmp_path / "bomb.txt.gz", 300 * 2**20, b"word ")
    assert (tmp_path / "bomb.txt.gz").stat().st_size < 5 * 2**20
    # one JSON Lines record whose text expands to 200 MB, then a good record
    with gzip.GzipFile(tmp_path / "bomb.jsonl.gz", "wb", compresslevel=1) as handle:
        handle.write(b'{"text": "')
        for _ in range(200):
            handle.write(b"a" * 2**20)
        handle.write(b'"}\n' + json.dumps({"text": BODY}).encode() + b"\n")
    good = _good(tmp_path)
    limit = 5 * 2**20
    articles, errors, peak, took = _peak_during(
        [tmp_path / "bomb.txt.gz", tmp_path / "bomb.jsonl.gz", good], max_bytes=limit
    )
    assert [a.path for a in articles] == [f"{tmp_path / 'bomb.jsonl.gz'}:2", str(good)]
    assert _codes(errors) == {
        str(tmp_path / "bomb.txt.gz"): "E102",
        f"{tmp_path / 'bomb.jsonl.gz'}:1": "E102",
    }
    assert peak < 6 * limit, peak
    assert took < 30


def test_jsonl_long_line_is_one_error_and_the_file_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": BODY}) + "\n")
        handle.write('{"text": "' + "x" * (5 * 2**20) + '"}\n')
        handle.write(json.dumps({"text": BODY.replace("Velmar", "Sorn")}))  # no final newline
    articles, errors = _read([path], max_bytes=2**20)
    assert _codes(errors) == {f"{path}:2": "E102"}
    assert [a.path for a in articles] == [f"{path}:1", f"{path}:3"]


def test_text_file_with_one_5mb_line(tmp_path: Path) -> None:
    (tmp_path / "line.txt").write_text("word " * (2**20), encoding="utf-8")  # no newline at all
    good = _good(tmp_path)
    articles, errors = _read([tmp_path / "line.txt", good])
    assert [a.path for a in articles] == [str(good)]
    assert _codes(errors) == {str(tmp_path / "line.txt"): "E109"}  # over MAX_ARTICLE_CHARS


# ---- 5. text too long to annotate --------------------------------------------


def test_article_over_max_chars_is_refused_at_ingest(tmp_path: Path) -> None:
    sentence = "The ferry terminal in Velmar was delayed again, officials said.\n"
    long_text = sentence * (MAX_ARTICLE_CHARS // len(sentence) + 10)
    (tmp_path / "long.txt").write_text(long_text, encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"text": long_text}) + "\n" + json.dumps({"text": BODY}) + "\n"
    )
    fits = sentence * (MAX_ARTICLE_CHARS // len(sentence) - 10)
    (tmp_path / "fits.txt").write_text(fits, encoding="utf-8")
    articles, errors = _read(sorted(tmp_path.iterdir()))
    assert _codes(errors) == {str(tmp_path / "long.txt"): "E109", f"{tmp_path / 'a.jsonl'}:1": "E109"}
    assert sorted(a.path or "" for a in articles) == [f"{tmp_path / 'a.jsonl'}:2", str(tmp_path / "fits.txt")]


# ---- 6. file names -----------------------------------------------------------


def test_file_names_with_markup_and_newlines_are_just_names(tmp_path: Path) -> None:
    # "/" cannot be in a file name, so "[/red]" spans a folder "[" and a file "red]..."
    folder = tmp_path / "[red]in"
    (folder / "[bold]a[").mkdir(parents=True)
    (folder / "[").mkdir()
    (folder / "[bold]a[/red].txt").write_text(BODY, encoding="utf-8")
    (folder / "[/red]b.txt").write_text(BODY.replace("Velmar", "Sorn"), encoding="utf-8")
    (folder / "new\nline.txt").write_text(BODY.replace("Velmar", "Ostrin"), encoding="utf-8")
    manifest = tmp_path / "[/bold]m.jsonl"
    (tmp_path / "[").mkdir()
    manifest.write_text(
        json.dumps({"file": "../[red]in/[/red]b.txt", "outlet": "[bold]Wire[/bold]"}) + "\n"
        + json.dumps({"file": "../[red]in/[bold]a[/red].txt"}) + "\n"
        + json.dumps({"file": "../[red]in/new\nline.txt"}) + "\n"
    )
    for found in (_read([folder]), _read([folder], manifest)):
        articles, errors = found
        assert not errors
        # a newline in a name is shown escaped, so one item stays one line
        assert sorted(a.path or "" for a in articles) == [
            f"{folder}/[/red]b.txt", f"{folder}/[bold]a[/red].txt", f"{folder}/new\\nline.txt",
        ]
        for article in articles:
            _storable(article)
    articles, _ = _read([folder], manifest)
    assert {a.outlet for a in articles} == {"[bold]Wire[/bold]", None}


# ---- 7. the rest -------------------------------------------------------------


def test_gzip_edge_cases(tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl.gz").write_bytes(b"")
    (tmp_path / "empty-member.txt.gz").write_bytes(gzip.compress(b""))
    whole = gzip.compress((json.dumps({"text": BODY}) + "\n").encode() * 50)
    (tmp_path / "cut.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(BODY.encode())[:-12])
    (tmp_path / "notgz.txt.gz").write_bytes(BODY.encode())
    good = _good(tmp_path)
    articles, errors = _read(sorted(tmp_path.iterdir()))
    codes = _codes(errors)
    assert codes == {
        str(tmp_path / "empty.jsonl.gz"): "E101",
        str(tmp_path / "empty-member.txt.gz"): "E101",
        str(tmp_path / "cut.jsonl.gz"): "E107",
        str(tmp_path / "cut.txt.gz"): "E107",
        str(tmp_path / "notgz.txt.gz"): "E107",
    }
    assert str(good) in {a.path for a in articles}


def test_broken_manifests_never_crash(tmp_path: Path) -> None:
    good = _good(tmp_path)
    notjson = tmp_path / "notjson.jsonl"
    notjson.write_text("this is not json\n{\"file\": \n")
    _, errors = _read([good], notjson)
    assert [e.code for e in errors] == ["E151", "E151"]
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes(b'{"file": "caf\xe9.txt"}\n')
    articles, errors = _read([good], latin)
    assert [e.code for e in errors] == ["E151"]  # that line; the rest of the batch goes on
    assert [a.path for a in articles] == [str(good)]
    hostile = tmp_path / "hostile.jsonl"
    hostile.write_text(
        "\n".join(
            [
                "[" * 100_000 + "]" * 100_000,
                '{"file": "good.txt", "title": ' + "9" * 5000 + "}",
                json.dumps({"file": "good.txt", "title": {"nested": ["x"]}}),
                json.dumps({"file": "a\u0000b.txt"}),
                json.dumps(["file"]),
            ]
        )
        + "\n"
    )
    articles, errors = _read([tmp_path], hostile)
    assert [e.code for e in errors] == ["E151", "E151", "E153", "E152", "E106"]
    assert not articles  # good.txt's entry is broken: skipped, not read without its metadata


def test_manifest_paths_outside_its_folder(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _good(corpus, "a.txt")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.txt").write_text(BODY.replace("Velmar", "Sorn"))
    lines = [
        {"file": "a.txt"},
        {"file": "../outside/x.txt", "outlet": "Rel"},
        {"file": str(outside / "x.txt"), "outlet": "Abs"},
        {"file": "../../../../../../../../etc/passwd"},
    ]
    (corpus / "manifest.jsonl").write_text("\n".join(json.dumps(r) for r in lines) + "\n")
    # the user's explicit manifest: the files it names are read, wherever they are
    articles, errors = _read([corpus], corpus / "manifest.jsonl")
    assert str(outside / "x.txt") in {a.path for a in articles}
    assert all(e.code != "E154" for e in errors)
    # a folder's own manifest, used implicitly: only files inside that folder
    articles, errors = _read([corpus])
    assert [a.path for a in articles] == [str(corpus / "a.txt")]
    assert [e.code for e in errors] == ["E154", "E154", "E154"]
    assert all("manifest.jsonl:" in e.item for e in errors)


def test_symlink_loops_and_unreadable_files(tmp_path: Path) -> None:
    good = _good(tmp_path)
    (tmp_path / "loop1.txt").symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(tmp_path / "loop1.txt")
    (tmp_path / "self.txt").symlink_to("self.txt")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    articles, errors = _read([tmp_path])
    assert [a.path for a in articles] == [str(good)] and not errors
    articles, errors = _read([tmp_path / "self.txt", tmp_path / "loop1.txt", tmp_path / "dangling.txt", good])
    assert [a.path for a in articles] == [str(good)]
    assert _codes(errors) == {
        str(tmp_path / "self.txt"): "E106",
        str(tmp_path / "loop1.txt"): "E106",
        str(tmp_path / "dangling.txt"): "E105",
    }
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(json.dumps({"file": "self.txt"}) + "\n" + json.dumps({"file": "good.txt"}) + "\n")
    articles, errors = _read([tmp_path], manifest)
    assert [a.path for a in articles] == [str(good)]
    assert _codes(errors) == {str(tmp_path / "self.txt"): "E106"}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    good = _good(tmp_path)
    locked = _good(tmp_path, "locked.txt")
    locked.chmod(0)
    try:
        articles, errors = _read([locked, good])
    finally:
        locked.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert [a.path for a in articles] == [str(good)]
    assert _codes(errors) == {str(locked): "E106"}


def test_permission_denied_anywhere_never_crashes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests run as root, so EACCES is simulated: pathlib's is_dir/exists raise it."""
    good = _good(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    _good(locked, "a.txt")
    real_stat = os.stat

    def denying_stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if isinstance(path, str | os.PathLike) and "locked" in os.fspath(path):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", denying_stat)
    articles, errors = _read([locked / "a.txt", locked, tmp_path])
    assert [a.path for a in articles] == [str(good)]
    assert _codes(errors) == {str(locked / "a.txt"): "E106", str(locked): "E106"}


def test_encodings(tmp_path: Path) -> None:
    (tmp_path / "bad-utf8.txt").write_bytes(BODY.encode() + b"\xff\xfe broken \xc3\x28")
    (tmp_path / "utf16-nobom.txt").write_bytes(BODY.encode("utf-16-le"))
    (tmp_path / "utf16-nobom-be.txt").write_bytes(BODY.encode("utf-16-be"))
    (tmp_path / "utf16-bom.txt").write_bytes(BODY.replace("Velmar", "Sorn").encode("utf-16"))
    (tmp_path / "bad.jsonl").write_bytes(
        json.dumps({"text": BODY}).encode() + b"\n" + b'{"text": "caf\xe9 ' + BODY[:40].encode() + b'"}\n'
    )
    (tmp_path / "utf16.jsonl").write_bytes(
        (json.dumps({"text": BODY.replace("Velmar", "Ostrin")}) + "\n").encode("utf-16")
    )
    articles, errors = _read(sorted(tmp_path.iterdir()))
    codes = _codes(errors)
    assert codes == {
        str(tmp_path / "bad-utf8.txt"): "E104",
        str(tmp_path / "utf16-nobom.txt"): "E104",
        str(tmp_path / "utf16-nobom-be.txt"): "E104",
        f"{tmp_path / 'bad.jsonl'}:2": "E104",
    }
    assert "UTF-16" in next(e.message for e in errors if e.item.endswith("utf16-nobom.txt"))
    assert sorted(a.path or "" for a in articles) == [
        f"{tmp_path / 'bad.jsonl'}:1",
        str(tmp_path / "utf16-bom.txt"),
        f"{tmp_path / 'utf16.jsonl'}:1",
    ]


def test_feed_entity_bomb_and_external_entities(
    tmp_path: Path, listener: tuple[int, list[str]]
) -> None:
    port, hits = listener
    lol = "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    bomb = f"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">{lol}]>
<rss version="2.0"><channel><title>B</title><item><title>&lol9;</title>
<description>The harbour authority delayed the terminal &lol9; again.</description></item></channel></rss>"""
    (tmp_path / "bomb.xml").write_text(bomb)
    for name, target in (("xxe-file.xml", "file:///etc/passwd"), ("xxe-http.rss", f"http://127.0.0.1:{port}/xxe")):
        (tmp_path / name).write_text(
            f"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "{target}">]>
<rss version="2.0"><channel><title>X</title><item><title>t &x;</title>
<description>The harbour authority delayed the terminal, officials said. &x;</description>
</item></channel></rss>"""
        )
    (tmp_path / "xxe.html").write_text(
        f"""<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY y SYSTEM "http://127.0.0.1:{port}/h">]>
<html><body><article><p>&x; &y; {BODY}</p></article></body></html>"""
    )
    good = _good(tmp_path)
    tracemalloc.start()
    try:
        articles, errors = _read(sorted(tmp_path.iterdir()), timeout=30)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert hits == []
    assert peak < 200 * 2**20
    assert str(good) in {a.path for a in articles}
    for article in articles:
        assert "root:" not in article.text and "lollollollollollollollol" not in article.text
        assert "root:" not in (article.title or "")
    assert {e.code for e in errors} <= {"E140", "E141", "E121", "E122"}


def test_deeply_nested_html_and_header_lines(tmp_path: Path) -> None:
    (tmp_path / "deep.html").write_text("<html><body>" + "<div>" * 100_000 + BODY + "</div>" * 100_000)
    # quadratic regex traps in the plain-text header parser and line cleaner
    (tmp_path / "date-spaces.txt").write_text("date" + " " * 200_000 + "x\n" + BODY)
    (tmp_path / "title-spaces.txt").write_text("title:" + (" " * 200_000 + "x") * 2 + "\n" + BODY)
    (tmp_path / "trailing.txt").write_text(BODY + " " * 400_000 + "x\n")
    (tmp_path / "headers.txt").write_text("author: x\n" * 50_000 + BODY)
    good = _good(tmp_path)
    start = time.monotonic()
    articles, errors = _read(sorted(tmp_path.iterdir()), timeout=60)
    assert time.monotonic() - start < 30
    assert str(good) in {a.path for a in articles}
    assert {e.code for e in errors} <= {"E121", "E122"}
    for article in articles:
        _storable(article)


def test_many_bad_items_one_batch(tmp_path: Path) -> None:
    """Several kinds in one batch: one error each, the good ones out."""
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "b.jsonl").write_text("[1]\n" + json.dumps({"text": BODY.replace("Velmar", "Sorn")}) + "\n")
    (tmp_path / "c.html").write_text("http://127.0.0.1:9/x\n")
    os.mkfifo(tmp_path / "d.txt")
    (tmp_path / "e.txt.gz").write_bytes(b"\x1f\x8b\x08garbage")
    articles, errors = _read(sorted(tmp_path.iterdir()), timeout=20)
    assert len(articles) == 2
    assert sorted(e.code for e in errors) == ["E107", "E108", "E120", "E130"]
