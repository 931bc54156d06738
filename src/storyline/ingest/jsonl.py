"""JSON Lines: one article per line with ``text`` or ``html`` plus metadata."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import IngestError
from ..models import ItemError
from . import dates
from .document import RawDocument
from .html import read_html
from .text import read_text

_PUBLISHED_KEYS = ("published", "date", "time", "pubdate", "published_at")
_OUTLET_KEYS = ("outlet", "source", "site", "sitename", "publisher")


def read_jsonl(
    lines: Iterable[tuple[int, str | IngestError]], item: str
) -> Iterator[RawDocument | ItemError]:
    """One document or error per numbered line (see files.text_lines)."""
    for number, line in lines:
        where = f"{item}:{number}"
        if isinstance(line, IngestError):  # too long, or not UTF-8
            yield ItemError(where, line.code, line.detail)
            continue
        if not line.strip():
            continue
        try:
            record = parse_json(line)
            if not isinstance(record, dict):
                raise IngestError("line is not a JSON object", code="E130")
            yield read_record(record, where)
        except IngestError as exc:
            yield ItemError(where, exc.code, exc.detail)


def parse_json(line: str) -> Any:
    """json.loads, with what it raises on hostile input as E131."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestError(f"invalid JSON: {exc.msg} at column {exc.colno}", code="E131") from exc
    except RecursionError as exc:  # "[[[[..." 100,000 deep
        raise IngestError("invalid JSON: nested too deeply", code="E131") from exc
    except ValueError as exc:  # e.g. an integer over Python's 4,300-digit limit
        raise IngestError(f"invalid JSON: {exc}", code="E131") from exc


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def read_record(record: dict[str, Any], where: str) -> RawDocument:
    url = _first(record, ("url", "link"))
    if isinstance(record.get("html"), str) and record["html"].strip():
        doc = read_html(record["html"], where, url=url)
    elif isinstance(record.get("text"), str) and record["text"].strip():
        doc = read_text(record["text"], where)
    else:
        raise IngestError("no non-empty 'text' or 'html' field", code="E132")
    doc.url = url or doc.url
    doc.title = _first(record, ("title", "headline")) or doc.title
    doc.outlet = _first(record, _OUTLET_KEYS) or doc.outlet
    doc.origin = _first(record, ("origin",)) or doc.origin
    published = _first(record, _PUBLISHED_KEYS)
    if published:
        # A date the producer of the file states is as strong as a manifest's.
        doc.candidates.insert(0, dates.candidate(dates.parse_iso_date(published), "manifest"))
    return doc
