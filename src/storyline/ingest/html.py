"""HTML pages: trafilatura for text, title and site name; htmldate for the date.

Nothing here fetches: both libraries are only ever given the page's markup.
"""

from __future__ import annotations

import datetime as dt
import re

from ..errors import IngestError
from . import dates
from .document import RawDocument

_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def read_html(markup: str, item: str, *, url: str | None = None) -> RawDocument:
    import trafilatura
    from htmldate import find_date

    if "<" not in markup:
        raise IngestError("not HTML (no markup found)", code="E120")
    try:
        extracted = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        )
    except Exception as exc:  # trafilatura raises many types on broken markup
        raise IngestError(f"malformed HTML: {type(exc).__name__}: {exc}", code="E121") from exc
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        raise IngestError("malformed or empty HTML: no article text found", code="E122")
    doc = RawDocument(
        text=text,
        item=item,
        title=getattr(extracted, "title", None) or None,
        outlet=getattr(extracted, "sitename", None) or None,
        url=url or getattr(extracted, "url", None) or None,
        language=getattr(extracted, "language", None) or "en",
    )
    found = None
    try:
        found = find_date(markup, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate is best effort; the date then comes from elsewhere
        found = None
    if found:
        doc.candidates.append(dates.candidate(dt.date.fromisoformat(found), "html"))
    return doc
