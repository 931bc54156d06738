"""Plain-text articles, with optional leading header lines.

Headers look like `` date 2023-07-24`` or ``title: ...`` at the very top; a
date header may run straight into the first sentence on the same line, as
files saved from some archives do.
"""

from __future__ import annotations

import re

from . import dates
from .document import RawDocument

_DATE_HEADER = re.compile(
    r"^\s*(?:date|published|pubdate)\s*:?\s*(\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)[ \t]*",
    re.IGNORECASE,
)
_FIELD_HEADER = re.compile(
    r"^\s*(title|headline|url|link|outlet|source|site|author|byline)\s*:\s*(.+?)\s*$",
    re.IGNORECASE,
)
_FIELD_NAMES = {
    "title": "title", "headline": "title", "url": "url", "link": "url",
    "outlet": "outlet", "source": "outlet", "site": "outlet",
}


def read_text(text: str, item: str) -> RawDocument:
    doc = RawDocument(text="", item=item)
    rest = text.lstrip("\ufeff")
    while True:
        match = _DATE_HEADER.match(rest)
        if match:
            doc.candidates.append(dates.candidate(dates.parse_iso_date(match.group(1)), "header"))
            rest = rest[match.end() :]
            continue
        line, _, after = rest.partition("\n")
        field_match = _FIELD_HEADER.match(line)
        if field_match and field_match.group(1).lower() in _FIELD_NAMES:
            setattr(doc, _FIELD_NAMES[field_match.group(1).lower()], field_match.group(2))
            rest = after
            continue
        if field_match:  # author/byline: known header, not kept as text
            rest = after
            continue
        break
    body = rest.strip()
    if doc.title is None:
        doc.title, body = _split_headline(body)
    doc.text = body
    return doc


def _split_headline(body: str) -> tuple[str | None, str]:
    """A first line that reads as a headline (short, no closing stop) is the title."""
    first, sep, rest = body.partition("\n")
    first = first.strip()
    if (
        sep
        and rest.strip()
        and 3 <= len(first.split()) <= 30
        and not first.endswith((".", "!", "?", ":", '"', "”", "’"))
    ):
        return first, rest.strip()
    return None, body
