"""A catalogue of bad, broken and hostile inputs, generated on demand (nothing large
is committed). Each case makes its files under a folder and says what ``add`` must
do with them: a coded error naming the item, or the article stored and annotated.

Used by tests/test_bad_input.py and by ``python tests/bad_inputs.py --table``, which
prints the table in docs/reliability.md.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

GOOD = (
    "date 2024-05-06\nThe harbour authority in Varnes approved the new pier on Monday. "
    '"We start building in June," said Mira Olsen, the authority\'s director. '
    "The pier will cost 12 million euros, according to the Varnes Courier.\n"
)
STORED = "stored"  # the article is stored and annotated
NOTHING = "nothing"  # nothing stored and no error (a folder with no articles)


@dataclass(frozen=True)
class Case:
    kind: str
    make: Callable[[Path], list[Path]]  # writes the case under a folder, returns the paths to add
    expect: str  # an error code (``E1xx``), STORED or NOTHING; "A|B" accepts either
    note: str = ""

    def accepts(self, outcome: str) -> bool:
        return outcome in self.expect.split("|")


def _write(folder: Path, name: str, data: bytes | str) -> list[Path]:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return [path]


def _jsonl(folder: Path, name: str, line: str) -> list[Path]:
    return _write(folder, name, line + "\n")


def _record(text: str, **extra: object) -> str:
    return json.dumps({"text": text, "published": "2024-05-06", **extra})


def _sparse(folder: Path) -> list[Path]:
    path = folder / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(4 * 2**30)  # 4 GiB of holes: nothing on disk, everything to read
    return [path]


def _gzip_bomb(folder: Path) -> list[Path]:
    path = folder / "bomb.txt.gz"
    chunk = b"a " * (1 << 20)
    with gzip.open(path, "wb", compresslevel=9) as handle:
        for _ in range(512):  # 1 GiB expanded, about 1 MB on disk
            handle.write(chunk)
    return [path]


def _fifo(folder: Path) -> list[Path]:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return [path]


def _symlink_loop(folder: Path) -> list[Path]:
    sub = folder / "loop"
    sub.mkdir()
    (sub / "again").symlink_to(sub, target_is_directory=True)
    (sub / "self.txt").symlink_to(sub / "self.txt")
    return [sub]


def _unpunctuated(chars: int, seed: int) -> str:
    words = ["harbour", "pier", "council", "vote", "water", "stone", "north", "budget", "ferry", "crane"]
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < chars:
        word = rng.choice(words)
        out.append(word)
        size += len(word) + 1
    return " ".join(out)


def _feed(body: str, title: str) -> str:
    return (
        '<?xml version="1.0"?>\n' + body + '<rss version="2.0"><channel><title>t</title>'
        f"<item><title>{title}</title><description>&x; The {title} was approved on Monday.</description>"
        "<pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate></item></channel></rss>\n"
    )


BILLION_LAUGHS = (
    '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + '<!ENTITY x "&j;">]>\n'
)


def cases(listener: str = "http://127.0.0.1:9/") -> list[Case]:
    """Every case. ``listener`` is a URL nothing may fetch (the tests count requests to it)."""
    url_first_html = f"{listener}page\n<html>\t<body>\t<p>The\tpier\twas\tapproved\ton\tMonday.</p></body></html>"
    return [
        Case("empty file", lambda d: _write(d, "empty.txt", b""), "E101"),
        Case("whitespace only", lambda d: _write(d, "blank.txt", " \n\t\n"), "E101"),
        Case("binary file named .txt", lambda d: _write(d, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00" * 64), "E103"),
        Case("Latin-1 bytes, not UTF-8", lambda d: _write(d, "latin1.txt", _good(1).replace("euros", "€ café").encode("latin-1", "replace")), "E104"),
        Case("UTF-16 with a BOM", lambda d: _write(d, "utf16.txt", _good(2).encode("utf-16")), STORED),
        Case("UTF-16 without a BOM", lambda d: _write(d, "utf16nobom.txt", _good(3).encode("utf-16-le")), "E104"),
        Case("4 GiB sparse file", _sparse, "E102", "size checked before reading"),
        Case("gzip bomb (1 GiB expanded)", _gzip_bomb, "E102", "decompressed in bounded chunks"),
        Case("corrupt gzip", lambda d: _write(d, "corrupt.txt.gz", b"\x1f\x8b\x08\x00garbage" * 10), "E107"),
        Case("truncated gzip", lambda d: _write(d, "cut.txt.gz", gzip.compress(_good(4).encode() * 50)[:60]), "E107"),
        Case("empty gzip", lambda d: _write(d, "nothing.txt.gz", gzip.compress(b"")), "E101"),
        Case("named pipe", _fifo, "E108", "never opened"),
        Case("/dev/zero", lambda d: [Path("/dev/zero")], "E108", "never opened"),
        Case("missing path", lambda d: [d / "not-there.txt"], "E105"),
        Case("broken symlink", lambda d: _symlink(d), "E105"),
        Case("symlink loop in a folder", _symlink_loop, NOTHING),
        Case("folder with no articles", lambda d: _folder_without_articles(d), NOTHING),
        Case("HTML with no text", lambda d: _write(d, "bare.html", "<html><head><title>x</title></head><body></body></html>"), "E122"),
        Case("HTML: script only", lambda d: _write(d, "script.html", "<html><body><script>alert(1)</script></body></html>"), "E122"),
        Case("HTML starting with a URL line (fetch bait)", lambda d: _write(d, "bait.html", url_first_html), f"E122|{STORED}", "never fetched"),
        Case("malformed HTML (unclosed tags)", lambda d: _write(d, "broken.html", "<html><body><p>" + _good(5).replace("\n", " ") + "<div><p><b>"), STORED),
        Case("JSONL: invalid JSON", lambda d: _jsonl(d, "bad.jsonl", '{"text": "unclosed'), "E131"),
        Case("JSONL: an array, not an object", lambda d: _jsonl(d, "array.jsonl", "[1, 2, 3]"), "E130"),
        Case("JSONL: a string, not an object", lambda d: _jsonl(d, "string.jsonl", '"just text"'), "E130"),
        Case("JSONL: no text field", lambda d: _jsonl(d, "notext.jsonl", '{"title": "x"}'), "E132"),
        Case("JSONL: text is a number", lambda d: _jsonl(d, "number.jsonl", '{"text": 12}'), "E132"),
        Case("JSONL: lone surrogate in text", lambda d: _jsonl(d, "surrogate.jsonl", _record(_good(6)).replace("pier", "pi\\ud800er", 1)), STORED, "replaced by U+FFFD"),
        Case("JSONL: nested 100,000 levels", lambda d: _jsonl(d, "deep.jsonl", "[" * 100_000 + "]" * 100_000), "E131"),
        Case("JSONL: 5,000-digit integer", lambda d: _jsonl(d, "bigint.jsonl", '{"text": "x", "n": ' + "9" * 5000 + "}"), "E131"),
        Case("JSONL: NUL in text", lambda d: _jsonl(d, "nul.jsonl", _record(_good(7).replace("pier", "pi\\u0000er", 1))), STORED, "NUL removed (PostgreSQL rejects it)"),
        Case("JSONL: html field with a URL line (fetch bait)", lambda d: _jsonl(d, "bait.jsonl", json.dumps({"html": url_first_html.replace("pier", "bridge")})), f"E122|{STORED}", "never fetched"),
        Case("feed: billion laughs", lambda d: _write(d, "laughs.rss", _feed(BILLION_LAUGHS, "pier")), f"E140|E141|{STORED}", "never expanded"),
        Case("feed: external file entity (XXE)", lambda d: _write(d, "xxe.rss", _feed('<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n', "bridge")), f"E140|E141|{STORED}", "never read"),
        Case("feed: external URL entity", lambda d: _write(d, "xxe-url.rss", _feed(f'<!DOCTYPE rss [<!ENTITY x SYSTEM "{listener}xxe">]>\n', "tunnel")), f"E140|E141|{STORED}", "never fetched"),
        Case("manifest: not JSON", lambda d: _manifest(d, "this is not json"), "E151"),
        Case("manifest: file missing", lambda d: _manifest(d, json.dumps({"file": "gone.txt"})), "E105"),
        Case("manifest: impossible date", lambda d: _manifest(d, json.dumps({"file": "a.txt", "published": "2024-13-45"})), "E111"),
        Case("folder manifest naming a file outside the folder", lambda d: _manifest(d, json.dumps({"file": "../../outside.txt"}), outside=True), "E154", "a downloaded corpus cannot pull in other files"),
        Case("manifest: a field that is an object", lambda d: _manifest(d, json.dumps({"file": "a.txt", "title": {"x": 1}})), "E153"),
        Case("manifest that is a named pipe", lambda d: _manifest_fifo(d), f"E108|E150|{STORED}", "never opened; the batch goes on"),
        Case("header line with 200,000 spaces", lambda d: _write(d, "spaces.txt", "date" + " " * 200_000 + "2024-05-06\n" + _good(8)), f"{STORED}|E110", "no quadratic regex"),
        Case("HTML nested 100,000 levels", lambda d: _write(d, "deep.html", "<html><body>" + "<div>" * 100_000 + "x" + "</div>" * 100_000 + "</body></html>"), "E122"),
        Case("manifest: markup in the file name", lambda d: _manifest(d, json.dumps({"file": "[bold]x[/bold].txt"}), make="[bold]x[/bold].txt"), STORED),
        Case("file name with rich markup", lambda d: _write(d, "[red]alarm[/red].txt", _good(9)), STORED),
        Case("file name with a newline", lambda d: _write(d, "two\nlines.txt", _good(10)), STORED),
        Case("text over 1,000,000 characters", lambda d: _write(d, "long.txt", _good(11) + ("The pier opened. " * 62_000)), "E109", "refused at ingest: spaCy's max_length"),
        Case("900 KB sentence without punctuation", lambda d: _write(d, "run-on.txt", "date 2024-05-06\n" + _unpunctuated(900_000, 1)), STORED, "bounded sentences"),
        Case("80,000 characters without punctuation", lambda d: _write(d, "run-on-80k.txt", "date 2024-05-06\n" + _unpunctuated(80_000, 2)), STORED),
        Case("one 100,000-character word", lambda d: _write(d, "word.txt", "date 2024-05-06\nThe " + "a" * 100_000 + " pier."), STORED),
        Case("punctuation only", lambda d: _write(d, "dots.txt", "." * 5000), STORED),
        Case("control characters in text", lambda d: _write(d, "controls.txt", _good(12).replace(" ", "\x1b[31m ", 3)), STORED),
        Case("zero-width and bidi characters", lambda d: _write(d, "bidi.txt", _good(13).replace("pier", "p\u200bi\u202eer")), STORED),
        Case("date 9999-12-31", lambda d: _jsonl(d, "far.jsonl", json.dumps({"text": _good(14), "published": "9999-12-31"})), STORED),
        Case("date 0001-01-01", lambda d: _jsonl(d, "early.jsonl", json.dumps({"text": _good(15), "published": "0001-01-01"})), STORED),
        Case("5 MB line, no newline", lambda d: _write(d, "line.txt", "pier " * 1_000_000), "E109"),
    ]


def _symlink(folder: Path) -> list[Path]:
    path = folder / "dangling.txt"
    path.symlink_to(folder / "nowhere.txt")
    return [path]


def _folder_without_articles(folder: Path) -> list[Path]:
    sub = folder / "nothing-here"
    sub.mkdir()
    (sub / "picture.png").write_bytes(b"\x89PNG")
    return [sub]


def _good(n: int) -> str:
    """GOOD, made unique (an article stored twice is one article)."""
    return GOOD.replace("Varnes", f"Varnes-{n}")


def _manifest_fifo(folder: Path) -> list[Path]:
    sub = folder / "with-manifest"
    sub.mkdir()
    (sub / "a.txt").write_text(_good(900), encoding="utf-8")
    os.mkfifo(sub / "manifest.jsonl")
    return [sub]


def _manifest(folder: Path, line: str, *, make: str | None = None, outside: bool = False) -> list[Path]:
    sub = folder / "with-manifest"
    sub.mkdir()
    if outside:
        (folder.parent / "outside.txt").write_text(GOOD.replace("Varnes", "Outside"), encoding="utf-8")
    (sub / "a.txt").write_text(_good(zlib.crc32(line.encode())), encoding="utf-8")
    if make:
        (sub / make).parent.mkdir(parents=True, exist_ok=True)
        (sub / make).write_text(_good(zlib.crc32(make.encode()) + 1), encoding="utf-8")
    (sub / "manifest.jsonl").write_text(line + "\n", encoding="utf-8")
    return [sub]


def table(results: dict[str, str]) -> str:
    """The docs table: kind, expected outcome, observed outcome."""
    rows = ["| # | input | expected | observed | note |", "|---|---|---|---|---|"]
    for n, case in enumerate(cases(), start=1):
        names = {STORED: "stored and annotated", NOTHING: "nothing stored, no error"}
        expected = " or ".join(names.get(e, e) for e in case.expect.split("|"))
        seen = str(results.get(case.kind, "?"))
        observed = " and ".join(names.get(e, e) for e in seen.split("|"))
        rows.append(f"| {n} | {case.kind} | {expected} | {observed} | {case.note} |")
    return "\n".join(rows)




if __name__ == "__main__":
    import sys

    print(table(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))))
