"""Ingest: files, folders, JSON Lines, feeds and a manifest -> Article records.

``read_paths`` yields one ``Article`` per document read and one ``ItemError``
per item that could not be read; it never stops the batch for one bad item.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import IngestError
from ..models import Article, ItemError
from .decode import MAX_ARTICLE_BYTES, check_size, decode_text
from .document import RawDocument, article_id, finalize
from .feeds import looks_like_feed, read_feed
from .html import declared_charset, read_html
from .jsonl import read_jsonl
from .manifest import ManifestEntry, read_manifest
from .text import read_text

__all__ = ["read_paths", "read_file", "article_id", "SUFFIXES"]

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
    """Files under a folder that look like articles, in a stable order."""
    for child in sorted(path.rglob("*")):
        rel = child.relative_to(path)
        if any(part.startswith(".") for part in rel.parts) or not child.is_file():
            continue
        if child.stem.upper() in {"README", "LICENSE", "CHANGELOG"}:
            continue
        if _suffix(child) in SUFFIXES:
            yield child


def read_file(
    path: Path, *, entry: ManifestEntry | None = None, max_bytes: int = MAX_ARTICLE_BYTES
) -> Iterator[RawDocument | ItemError]:
    item = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        yield ItemError(item, "E105", "file not found (missing, or removed while running)")
        return
    except OSError as exc:
        yield ItemError(item, "E106", f"cannot read: {exc.strerror or exc}")
        return
    suffix = _suffix(path)
    try:
        if suffix.endswith(".gz"):
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError) as exc:
                raise IngestError(f"corrupt gzip: {exc}", code="E107") from exc
        # A JSON Lines file holds many articles: only emptiness is checked here.
        check_size(data, len(data) if suffix in JSONL_SUFFIXES else max_bytes)
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(decode_text(data).splitlines(), item)
            return
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
    manifest describes it instead of ingesting the manifest as articles.
    """
    given = [Path(raw) for raw in paths]
    # folders that bring their own manifest (only looked for when none is given)
    own = {
        p: (p / MANIFEST_NAME).resolve()
        for p in ([] if manifest else given)
        if (p / MANIFEST_NAME).is_file()
    }
    manifests = [Path(manifest).resolve()] if manifest else list(own.values())
    entries: dict[Path, ManifestEntry] = {}
    broken: set[Path] = set()
    for manifest_path in dict.fromkeys(manifests):
        try:
            found_entries, found_broken, errors = read_manifest(manifest_path)
        except IngestError as exc:
            yield ItemError(str(manifest_path), exc.code, exc.detail)
            return
        entries.update(found_entries)
        broken |= found_broken
        yield from errors
    files: dict[Path, None] = {}
    for path in given:
        if path.is_dir():
            # an explicit manifest filters every folder; a folder's own, only that folder
            only_named = bool(manifest) or path in own
            for found in _walk(path):
                resolved = found.resolve()
                if resolved in manifests:
                    continue
                if not only_named or resolved in entries:
                    files.setdefault(resolved)
        elif path.exists():
            files.setdefault(path.resolve())
        else:
            yield ItemError(str(path), "E105", "no such file or folder")
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
