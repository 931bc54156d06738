"""RSS and Atom files read from disk: entries' own content, never their links."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator

from ..errors import IngestError
from ..models import ItemError
from . import dates
from .document import RawDocument
from .html import read_html
from .text import read_text


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)


def read_feed(data: bytes, item: str) -> Iterator[RawDocument | ItemError]:
    import feedparser

    # A file object, never the bytes: feedparser fetches a str that looks like a
    # URL and first tries bytes as a file *name* (a feed file holding
    # "/dev/zero" would be read forever). External entities are not loaded
    # and only plain-text entity declarations survive its DOCTYPE rewrite
    # (tests/test_ingest_hostile.py checks both).
    parsed = feedparser.parse(io.BytesIO(data))
    if parsed.get("bozo") and not parsed.entries:
        raise IngestError(f"malformed feed: {parsed.get('bozo_exception')}", code="E140")
    site = parsed.feed.get("title") if parsed.get("feed") else None
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{item}#{number}"
        try:
            body = ""
            if entry.get("content"):
                body = entry.content[0].get("value", "")
            body = body or entry.get("summary", "")
            if not body.strip():
                raise IngestError("feed entry has no content or summary", code="E141")
            doc = read_html(body, where) if "<" in body else read_text(body, where)
            doc.title = entry.get("title") or doc.title
            doc.url = entry.get("link") or doc.url
            doc.outlet = site or doc.outlet
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            day = _day(stamp) if stamp else None
            if day:
                doc.candidates.insert(0, dates.candidate(day, "html"))
            yield doc
        except IngestError as exc:
            yield ItemError(where, exc.code, exc.detail)


def _day(stamp: tuple[int, ...]) -> dt.date | None:
    try:
        return dt.date(*stamp[:3])
    except (TypeError, ValueError, OverflowError):  # a year feedparser accepted, date cannot hold
        return None
