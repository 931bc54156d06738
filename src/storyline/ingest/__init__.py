"""Ingest: files, folders, JSON Lines, feeds and a manifest -> Article records.

``read_paths`` yields one ``Article`` per document read and one ``ItemError``
per item that could not be read; it never stops the batch for one bad item.
Nothing is fetched, ever: URLs are metadata, and HTML is parsed here before
any library sees it (see html.py). Input is not trusted: only regular files
are opened, every read is bounded (see files.py), and every text field is
cleaned of what storage and terminals refuse (see document.finalize).

Codes: E101 empty, E102 too large, E103 binary, E104 not UTF-8, E105 not
found, E106 cannot read (permissions, symlink loop, bad name), E107 corrupt
gzip, E108 not a regular file (FIFO, device, folder), E109 text too long to
annotate, E110/E111 bad date, E120-E122 HTML, E130-E132 JSON Lines,
E140/E141 feeds, E150-E154 manifest (E153 a field that is not text, E154 a
folder's own manifest naming a file outside that folder).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import IngestError
from ..models import Article, ItemError
from .decode import (
    MAX_ARTICLE_BYTES,
    MAX_ARTICLE_CHARS,
    MAX_JSONL_BYTES,
    check_size,
    decode_text,
    printable_name,
)
from .document import RawDocument, article_id, finalize
from .feeds import looks_like_feed, read_feed
from .files import file_error, read_bytes, text_lines
from .html import declared_charset, read_html
from .jsonl import read_jsonl
from .manifest import ManifestEntry, read_manifest, resolve
from .text import read_text

__all__ = ["read_paths", "read_file", "article_id", "SUFFIXES", "MAX_ARTICLE_BYTES", "MAX_ARTICLE_CHARS"]

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES
MANIFEST_NAME = "manifest.jsonl"  # a folder's own manifest, used when none is given


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if len(suffixes) == 2 and suffixes[1] == ".gz":
        return "".join(suffixes)
    return path.suffix.lower()


def _walk(path: Path) -> Iterator[Path]:
    """Files under a folder that look like articles, in a stable order. Only
    regular files (FIFOs, devices, broken links and link loops are not
    articles); symlinked folders are not followed (pathlib's rglob)."""
    for child in sorted(path.rglob("*")):
        rel = child.relative_to(path)
        if any(part.startswith(".") for part in rel.parts) or not stat.S_ISREG(_mode(child)):
            continue
        if child.stem.upper() in {"README", "LICENSE", "CHANGELOG"}:
            continue
        if _suffix(child) in SUFFIXES:
            yield child


def read_file(
    path: Path, *, entry: ManifestEntry | None = None, max_bytes: int = MAX_ARTICLE_BYTES
) -> Iterator[RawDocument | ItemError]:
    item = str(path)
    suffix = _suffix(path)
    gz = suffix.endswith(".gz")
    try:
        if suffix in JSONL_SUFFIXES:
            # many articles: streamed, each line held to the article limit
            lines = text_lines(
                path, gz=gz, line_limit=max_bytes, total_limit=max(MAX_JSONL_BYTES, max_bytes)
            )
            yield from read_jsonl(lines, item)
            return
        data = read_bytes(path, gz=gz, limit=max_bytes)
        check_size(data, max_bytes)
        if suffix in FEED_SUFFIXES or looks_like_feed(data):
            yield from read_feed(data, item)
            return
        is_html = suffix in HTML_SUFFIXES or data[:1024].lstrip().lower().startswith(
            (b"<!doctype html", b"<html")
        )
        if is_html:
            markup = decode_text(data, declared=declared_charset(data))
            doc = read_html(markup, item, url=entry.url if entry else None)
        else:
            doc = read_text(decode_text(data), item)
        if entry is not None:
            entry.apply(doc)
        yield doc
    except IngestError as exc:
        yield ItemError(item, exc.code, exc.detail)


def _mode(path: Path) -> int:
    """The path's file type bits, 0 when it cannot be stat'ed: unlike
    Path.is_dir/is_file/exists, never raises (they raise PermissionError)."""
    try:
        return os.stat(path).st_mode
    except (OSError, ValueError):
        return 0


def _unusable(path: Path) -> ItemError:
    """Why a given path cannot be used: missing, a link loop, no permission."""
    try:
        os.stat(path)
    except (OSError, ValueError) as exc:
        if not isinstance(exc, OSError) or exc.errno not in (errno.ENOENT, errno.ENOTDIR):
            error = file_error(exc)
            return ItemError(str(path), error.code, error.detail)
    return ItemError(str(path), "E105", "no such file or folder")


def _printable(error: ItemError) -> ItemError:
    """Errors name items as one printable line: names may hold newlines, ESC
    or bytes that are not UTF-8 (Article.path is escaped the same way)."""
    return ItemError(printable_name(error.item), error.code, printable_name(error.message))


def read_paths(
    paths: Iterable[str | Path],
    *,
    manifest: str | Path | None = None,
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> Iterator[Article | ItemError]:
    """Read every article under ``paths`` (files or folders, recursively).

    With a manifest, its metadata wins for the files it names, files it names
    are read even when no path covers them, and a folder contributes only the
    files the manifest names (so a corpus folder's README or notes stay out).
    Without ``manifest``, a folder's own top-level ``manifest.jsonl`` is used
    for that folder, so ``storyline add corpus/`` reads a corpus as its
    manifest describes it instead of ingesting the manifest as articles; such
    a manifest may only name files inside its folder.
    """
    for result in _read_paths(paths, manifest=manifest, max_bytes=max_bytes):
        yield _printable(result) if isinstance(result, ItemError) else result


def _read_paths(
    paths: Iterable[str | Path], *, manifest: str | Path | None, max_bytes: int
) -> Iterator[Article | ItemError]:
    given = [Path(raw) for raw in paths]
    # folders that bring their own manifest (only looked for when none is given)
    own = {
        p: resolve(p / MANIFEST_NAME)
        for p in ([] if manifest else given)
        if stat.S_ISREG(_mode(p / MANIFEST_NAME))
    }
    manifests = [resolve(Path(manifest))] if manifest else list(own.values())
    entries: dict[Path, ManifestEntry] = {}
    broken: set[Path] = set()
    unreadable: set[Path] = set()  # manifests that could not be read at all
    for manifest_path in dict.fromkeys(manifests):
        try:
            found_entries, found_broken, errors = read_manifest(manifest_path, confine=not manifest)
        except IngestError as exc:
            yield ItemError(str(manifest_path), exc.code, exc.detail)
            if manifest:  # the user's own metadata for everything: nothing goes in without it
                return
            unreadable.add(manifest_path)  # a folder's own: that folder only is left out
            continue
        entries.update(found_entries)
        broken |= found_broken
        yield from errors
    files: dict[Path, None] = {}
    for path in given:
        mode = _mode(path)
        if path in own and own[path] in unreadable:
            continue
        if stat.S_ISDIR(mode):
            if not os.access(path, os.R_OK | os.X_OK):
                yield ItemError(str(path), "E106", "cannot read folder: permission denied")
                continue
            # an explicit manifest filters every folder; a folder's own, only that folder
            only_named = bool(manifest) or path in own
            for found in _walk(path):
                resolved = resolve(found)
                if resolved in manifests:
                    continue
                if not only_named or resolved in entries:
                    files.setdefault(resolved)
        elif mode:  # a FIFO or device too: read_file names it
            files.setdefault(resolve(path))
        else:
            yield _unusable(path)
    for resolved in entries:
        files.setdefault(resolved)
    for resolved in files:
        if resolved in broken:
            continue
        for result in read_file(resolved, entry=entries.get(resolved), max_bytes=max_bytes):
            if isinstance(result, ItemError):
                yield result
                continue
            try:
                article = finalize(result)
            except IngestError as exc:
                yield ItemError(result.item, exc.code, exc.detail)
                continue
            if not article.text.strip():
                yield ItemError(result.item, "E101", "no text left after removing boilerplate")
                continue
            yield article
